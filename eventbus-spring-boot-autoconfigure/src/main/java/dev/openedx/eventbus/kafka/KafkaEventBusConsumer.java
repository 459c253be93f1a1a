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

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerWorker;
import dev.openedx.eventbus.consumer.FailureClassifier;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.consumer.WorkerBackedConsumer;
import dev.openedx.eventbus.event.EventDispatcher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Consumes one Kafka topic for one consumer group and dispatches every event, reading what edx-event-bus-kafka
 * producers write, but losing nothing where the Python consumer would: offsets are committed only for records the
 * listeners handled or whose failure the failure policy recorded; a failure that cannot be recorded stops the worker
 * uncommitted (so does a message whose writer schema the registry cannot deliver right now); new groups start at the
 * earliest offset unless told otherwise; replay from a time keeps consuming.
 * <p>
 * The shared {@link ConsumerWorker} runs the loop (retry of listener failures, consecutive-errors limit, state and
 * counters); this class gives it a Kafka source, a {@link KafkaMessageDecoder} and a failure policy
 * ({@link FailureRecoverer#logAndSkip()} as in Python, or a {@link KafkaDeadLetterRecoverer}). The group id is used
 * verbatim and the topic is the full (prefixed) name, as in Python.
 * <pre class="code">
 * KafkaEventBusConsumer consumer = new KafkaEventBusConsumer(
 *         ConsumerSettings.defaults("kafka", "stage-learning-course-enrollment-lifecycle", "discovery")
 *             .withStartPosition(StartPosition.EARLIEST), consumerFactory, decoder, dispatcher,
 *         new KafkaDeadLetterRecoverer(producerFactory, "discovery"), ConsumerObserver.composite(List.of()));
 * consumer.start();
 * ...
 * consumer.stop(Duration.ofSeconds(30));
 * </pre>
 *
 * @since 0.1.0
 */
public final class KafkaEventBusConsumer extends WorkerBackedConsumer {

	/** Transport name in {@link ConsumerSettings#transport()}. */
	public static final String TRANSPORT = "kafka";

	private final ConsumerWorker<KafkaInboundMessage> worker;

	/**
	 * Create a consumer worker from a Spring Kafka consumer factory (for example Spring Boot's, configured with
	 * {@code spring.kafka.consumer.*}). Each start creates one client from it with the group id of the settings and
	 * these overrides: {@code enable.auto.commit=false}, {@code auto.offset.reset} from the start position of the
	 * settings (earliest when it has none), byte-array deserializers, and {@code isolation.level=read_committed} (librdkafka's default) unless the factory sets one.
	 * @param settings the worker settings; {@code destination} is the full topic, {@code group} the group id; its
	 * start position and replay time are where the worker starts
	 * @param consumerFactory creates the Kafka client
	 * @param decoder turns records into events
	 * @param dispatcher receives every event
	 * @param recoverer the failure policy
	 * @param observer metrics and audit hooks
	 */
	public KafkaEventBusConsumer(ConsumerSettings settings, ConsumerFactory<byte[], byte[]> consumerFactory,
			KafkaMessageDecoder decoder, EventDispatcher dispatcher, FailureRecoverer<KafkaInboundMessage> recoverer, ConsumerObserver observer) {
		Objects.requireNonNull(settings, "settings must not be null");
		Objects.requireNonNull(consumerFactory, "consumerFactory must not be null");
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset(settings));
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		if (consumerFactory.getConfigurationProperties().get(ConsumerConfig.ISOLATION_LEVEL_CONFIG) == null) {
			overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		}
		KafkaMessageSource source = new KafkaMessageSource(
				() -> consumerFactory.createConsumer(settings.group(), null, null, overrides), settings.destination(),
				settings.group(), settings.replayFrom());
		this.worker = new ConsumerWorker<>(settings, source, decoder.withMaxMessageSize(settings.maxMessageSize()),
				dispatcher, recoverer, observer, FailureClassifier.DEFAULT.with(new KafkaFailureRule()));
	}

	/**
	 * Create a consumer worker from plain Kafka client settings (at least {@code bootstrap.servers}).
	 * @param clientConfig the Kafka consumer settings
	 * @param settings the worker settings
	 * @param decoder turns records into events
	 * @param dispatcher receives every event
	 * @param recoverer the failure policy
	 * @param observer metrics and audit hooks
	 * @return the worker, not started
	 */
	public static KafkaEventBusConsumer create(Map<String, Object> clientConfig, ConsumerSettings settings,
			KafkaMessageDecoder decoder, EventDispatcher dispatcher,
			FailureRecoverer<KafkaInboundMessage> recoverer, ConsumerObserver observer) {
		return new KafkaEventBusConsumer(settings, new DefaultKafkaConsumerFactory<>(clientConfig,
				new ByteArrayDeserializer(), new ByteArrayDeserializer()), decoder, dispatcher, recoverer, observer);
	}


	public ConsumerSettings settings() {
		return this.worker.settings();
	}

	private static String autoOffsetReset(ConsumerSettings settings) {
		StartPosition start = (settings.startPosition() != null) ? settings.startPosition() : StartPosition.EARLIEST;
		return start.name().toLowerCase(Locale.ROOT);
	}

	@Override
	protected ConsumerWorker<KafkaInboundMessage> worker() {
		return this.worker;
	}

}
