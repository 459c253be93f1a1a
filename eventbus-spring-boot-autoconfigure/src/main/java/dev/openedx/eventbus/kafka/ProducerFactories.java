/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.openedx.eventbus.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Producer factories as the event bus needs them: byte-array serializers, every write acknowledged by all in-sync
 * replicas ({@code acks=all}) and idempotent (no duplicates from internal retries), and the CRC-32 partitioner of the
 * Python producers unless another one is configured.
 */
final class ProducerFactories {

	private static final LogAccessor logger = new LogAccessor(ProducerFactories.class);

	private ProducerFactories() {
	}

	/**
	 * A factory from plain client settings (at least {@code bootstrap.servers}).
	 * @param config the Kafka producer settings
	 * @return a new factory the caller owns
	 */
	static DefaultKafkaProducerFactory<byte[], byte[]> create(Map<String, Object> config) {
		return create(config, null);
	}

	/**
	 * A factory from plain client settings, with {@code max.block.ms} defaulting to the hand-over bound.
	 * @param config the Kafka producer settings
	 * @param maxBlock the default of {@code max.block.ms}, or {@code null} for the client's
	 * @return a new factory the caller owns
	 */
	static DefaultKafkaProducerFactory<byte[], byte[]> create(Map<String, Object> config, @Nullable Duration maxBlock) {
		Objects.requireNonNull(config, "config must not be null");
		Map<String, Object> merged = new HashMap<>(config);
		merged.putAll(overrides(config, maxBlock));
		return new DefaultKafkaProducerFactory<>(merged, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/**
	 * A copy of a factory (for example Spring Boot's, built from {@code spring.kafka.*}) with the settings the event
	 * bus requires.
	 * @param factory the factory to start from
	 * @return a new factory the caller owns
	 * @throws IllegalArgumentException when the factory cannot be copied and does not already comply
	 */
	static ProducerFactory<byte[], byte[]> enforce(ProducerFactory<byte[], byte[]> factory) {
		return enforce(factory, null);
	}

	/**
	 * A copy of a factory with the settings the event bus requires, and {@code max.block.ms} defaulting to the
	 * hand-over bound.
	 * @param factory the factory to start from
	 * @param maxBlock the default of {@code max.block.ms}, or {@code null} for the client's
	 * @return a new factory the caller owns
	 */
	static ProducerFactory<byte[], byte[]> enforce(ProducerFactory<byte[], byte[]> factory,
			@Nullable Duration maxBlock) {
		Objects.requireNonNull(factory, "producerFactory must not be null");
		Map<String, Object> config = factory.getConfigurationProperties();
		warnAboutOverrides(config);
		try {
			return factory.copyWithConfigurationOverride(overrides(config, maxBlock));
		}
		catch (UnsupportedOperationException ex) {
			throw new IllegalArgumentException("Producer factory " + factory.getClass().getName()
					+ " cannot be copied with the settings the event bus requires (acks=all, enable.idempotence=true, "
					+ "byte-array serializers); use a DefaultKafkaProducerFactory or a plain client configuration", ex);
		}
	}

	private static Map<String, Object> overrides(Map<String, Object> config, @Nullable Duration maxBlock) {
		Map<String, Object> overrides = new HashMap<>();
		if (maxBlock != null && config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG) == null) {
			overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
		}
		if (config.get(ProducerConfig.LINGER_MS_CONFIG) == null) {
			overrides.put(ProducerConfig.LINGER_MS_CONFIG, KafkaEventBusProducer.DEFAULT_LINGER_MS);
		}
		overrides.put(ProducerConfig.ACKS_CONFIG, "all");
		overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		if (config.get(ProducerConfig.PARTITIONER_CLASS_CONFIG) == null) {
			overrides.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, Crc32Partitioner.class);
		}
		return overrides;
	}

	private static void warnAboutOverrides(Map<String, Object> config) {
		Object acks = config.get(ProducerConfig.ACKS_CONFIG);
		if (acks != null && !"all".equals(String.valueOf(acks)) && !"-1".equals(String.valueOf(acks))) {
			logger.warn(() -> "Producer setting acks=" + acks + " replaced by acks=all: an event is sent only when "
					+ "every in-sync replica has it");
		}
		Object idempotence = config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
		if (idempotence != null && !Boolean.parseBoolean(String.valueOf(idempotence))) {
			logger.warn(() -> "Producer setting enable.idempotence=false replaced by true: retries must not "
					+ "duplicate or reorder events");
		}
	}

}
