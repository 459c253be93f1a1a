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

import java.util.Objects;
import java.util.concurrent.ThreadFactory;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.event.EventDispatcher;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Builds Kafka workers from their settings: the consumer clients come from one factory built on Spring Boot's Kafka
 * settings, dead letters go through a producer made from the event bus's producer settings (what the
 * auto-configuration and the {@code consume-events} command use):
 * <pre class="code">
 * EventBusConsumerFactory factory = new KafkaEventBusConsumerFactory(consumerFactory, producerFactory,
 *         new KafkaMessageDecoder(catalog, codec, registry, origin), StartPosition.EARLIEST);
 * EventBusConsumer worker = factory.create(settings, dispatcher, ConsumerObserver.NONE);
 * </pre>
 *
 * @since 0.1.0
 */
public final class KafkaEventBusConsumerFactory implements EventBusConsumerFactory {

	private static final LogAccessor logger = new LogAccessor(KafkaEventBusConsumerFactory.class);

	private final ConsumerFactory<byte[], byte[]> consumerFactory;

	private final ProducerFactory<byte[], byte[]> deadLetterProducerFactory;

	private final KafkaMessageDecoder decoder;

	private final StartPosition startPosition;

	private volatile ThreadFactory threadFactory = Thread::new;

	/**
	 * Create a factory.
	 * @param consumerFactory makes the workers' consumer clients, must not be {@code null}
	 * @param deadLetterProducerFactory makes the dead-letter producers, must not be {@code null}
	 * @param decoder decodes every record, must not be {@code null}
	 * @param startPosition where a new group starts when the settings do not say ({@code auto.offset.reset} of the
	 * consumer factory, or {@code eventbus.kafka.consumer.start-position}), must not be {@code null}
	 */
	public KafkaEventBusConsumerFactory(ConsumerFactory<byte[], byte[]> consumerFactory,
			ProducerFactory<byte[], byte[]> deadLetterProducerFactory, KafkaMessageDecoder decoder,
			StartPosition startPosition) {
		this.consumerFactory = Objects.requireNonNull(consumerFactory, "consumerFactory must not be null");
		this.deadLetterProducerFactory = Objects.requireNonNull(deadLetterProducerFactory,
				"deadLetterProducerFactory must not be null");
		this.decoder = Objects.requireNonNull(decoder, "decoder must not be null");
		this.startPosition = Objects.requireNonNull(startPosition, "startPosition must not be null");
	}

	@Override
	public String transport() {
		return KafkaEventBusConsumer.TRANSPORT;
	}

	@Override
	public EventBusConsumer create(ConsumerSettings settings, EventDispatcher dispatcher, ConsumerObserver observer) {
		ConsumerSettings worker = (settings.startPosition() != null) ? settings
				: settings.withStartPosition(this.startPosition);
		FailureRecoverer<KafkaInboundMessage> recoverer;
		KafkaDeadLetterRecoverer deadLetters = null;
		if (worker.failurePolicy() == FailurePolicy.DEAD_LETTER) {
			deadLetters = new KafkaDeadLetterRecoverer(this.deadLetterProducerFactory, worker.group());
			recoverer = deadLetters;
		}
		else {
			recoverer = FailureRecoverer.logAndSkip();
		}
		KafkaEventBusConsumer consumer = new KafkaEventBusConsumer(worker, this.consumerFactory, this.decoder,
				dispatcher, recoverer, observer);
		consumer.threadFactory(this.threadFactory);
		if (deadLetters != null) {
			KafkaDeadLetterRecoverer closing = deadLetters;
			consumer.termination().whenComplete((state, ex) -> close(closing, worker.name()));
		}
		return consumer;
	}
	/**
	 * Run the workers this factory builds on threads of this factory: virtual threads when
	 * {@code spring.threads.virtual.enabled=true} (the auto-configuration sets it), platform threads by default.
	 * @param threadFactory the factory, must not be {@code null}
	 */
	public void setThreadFactory(ThreadFactory threadFactory) {
		this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory must not be null");
	}

	private static void close(KafkaDeadLetterRecoverer recoverer, String worker) {
		try {
			recoverer.close();
		}
		catch (Exception ex) {
			logger.warn(ex, () -> "Could not close the dead-letter producer of worker " + worker);
		}
	}

}
