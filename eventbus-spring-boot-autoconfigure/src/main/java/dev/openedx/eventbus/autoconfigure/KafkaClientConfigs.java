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

package dev.openedx.eventbus.autoconfigure;

import java.util.Locale;
import java.util.Map;

import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.kafka.Crc32Partitioner;
import dev.openedx.eventbus.kafka.KafkaDefaultPartitioner;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Kafka client settings for the event bus's own producer and consumers: Spring Boot's ({@code spring.kafka.*} and
 * its connection details, as Spring Boot applies them to its own factories) plus the event bus's few additions.
 */
final class KafkaClientConfigs {

	private static final String AUTO_OFFSET_RESET_PROPERTY = "spring.kafka.consumer.auto-offset-reset";

	private static final String START_POSITION_PROPERTY = "eventbus.kafka.consumer.start-position";

	/**
	 * The records one poll hands a worker unless {@code spring.kafka.consumer.max-poll-records} says otherwise:
	 * Kafka's 500 at a few hundred milliseconds per event would exceed {@code max.poll.interval.ms} (5 minutes), and
	 * the member would be evicted while it still handles the batch (docs/consuming.md gives the sizing rule).
	 */
	static final int DEFAULT_MAX_POLL_RECORDS = 100;

	private KafkaClientConfigs() {
	}

	static Map<String, Object> producer(KafkaProperties kafka, @Nullable KafkaConnectionDetails connectionDetails,
			EventBusProperties properties, @Nullable String serviceName) {
		Map<String, Object> config = kafka.buildProducerProperties();
		if (connectionDetails != null) {
			KafkaConnectionDetails.Configuration producer = connectionDetails.getProducer();
			config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, producer.getBootstrapServers());
			applySecurity(config, producer.getSecurityProtocol(), producer.getSslBundle());
		}
		if (serviceName != null) {
			config.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, serviceName);
		}
		if (!config.containsKey(ProducerConfig.PARTITIONER_CLASS_CONFIG)) {
			config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG,
					(properties.getKafka().getProducer().getPartitioner() == EventBusProperties.Partitioner.CRC32)
							? Crc32Partitioner.class : KafkaDefaultPartitioner.class);
		}
		return config;
	}

	static Map<String, Object> consumer(KafkaProperties kafka, @Nullable KafkaConnectionDetails connectionDetails) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		if (connectionDetails != null) {
			KafkaConnectionDetails.Configuration consumer = connectionDetails.getConsumer();
			config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, consumer.getBootstrapServers());
			applySecurity(config, consumer.getSecurityProtocol(), consumer.getSslBundle());
		}
		config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, DEFAULT_MAX_POLL_RECORDS);
		return config;
	}

	/**
	 * Where a new consumer group starts: {@code eventbus.kafka.consumer.start-position}, or the
	 * {@code auto.offset.reset} of the consumer settings ({@code spring.kafka.consumer.auto-offset-reset}, its
	 * {@code properties}, an {@link dev.openedx.eventbus.kafka.EventBusKafkaCustomizer}) when only that is set. Both
	 * set and different, or a reset policy the event bus cannot follow, fail at startup naming the property.
	 */
	static StartPosition startPosition(Map<String, Object> consumerConfig, StartPosition configured,
			Environment environment) {
		Object reset = consumerConfig.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
		if (reset == null) {
			return configured;
		}
		String text = String.valueOf(reset).strip().toLowerCase(Locale.ROOT);
		StartPosition fromReset = switch (text) {
			case "earliest" -> StartPosition.EARLIEST;
			case "latest" -> StartPosition.LATEST;
			default -> throw new InvalidConfigurationPropertyValueException(AUTO_OFFSET_RESET_PROPERTY, reset,
					"The event bus's workers start a new consumer group at the earliest or the latest message "
							+ "(eventbus.kafka.consumer.start-position, or start-position per worker); '" + reset
							+ "' would make a group without offsets fail or skip an unknown part of the topic.");
		};
		boolean startPositionSet = Binder.get(environment)
			.bind(START_POSITION_PROPERTY, StartPosition.class)
			.isBound();
		if (startPositionSet && fromReset != configured) {
			throw new InvalidConfigurationPropertyValueException(AUTO_OFFSET_RESET_PROPERTY, reset,
					"It contradicts " + START_POSITION_PROPERTY + "=" + configured.name().toLowerCase(Locale.ROOT)
							+ ", which says where the event bus's workers start a new consumer group; set only one.");
		}
		return fromReset;
	}

	static Map<String, Object> admin(KafkaProperties kafka, @Nullable KafkaConnectionDetails connectionDetails) {
		Map<String, Object> config = kafka.buildAdminProperties();
		if (connectionDetails != null) {
			KafkaConnectionDetails.Configuration admin = connectionDetails.getAdmin();
			config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, admin.getBootstrapServers());
			applySecurity(config, admin.getSecurityProtocol(), admin.getSslBundle());
		}
		return config;
	}

	private static void applySecurity(Map<String, Object> config, @Nullable String securityProtocol,
			@Nullable SslBundle sslBundle) {
		if (StringUtils.hasLength(securityProtocol)) {
			config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
		}
		if (sslBundle != null) {
			config.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
			config.put(SslBundle.class.getName(), sslBundle);
		}
	}

}
