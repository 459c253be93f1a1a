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

package dev.openedx.eventbus.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.ConsumerWorker;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.FailureClassifier;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventOrigin;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A consumer-group worker for one Redis stream: the shared {@link ConsumerWorker} engine (decode, dispatch, bounded
 * retry, failure policy, consecutive-errors limit, backoff on lost connections) over a Redis stream source, the
 * edx-event-bus-redis {@link RedisMessageDecoder} and the configured {@link dev.openedx.eventbus.consumer.FailurePolicy}.
 * <p>
 * What it guarantees: an entry is acknowledged ({@code XACK}, batched per read) only after the listeners returned or
 * its failure was recorded; entries a crashed instance left pending are handled when it restarts under the same
 * consumer name, or taken over by another consumer of the group once idle for
 * {@link RedisConsumerSettings#claimMinIdle()}; by default a restarted group resumes where it stopped and a new group
 * starts at the beginning of the stream; a Redis restart or network loss makes the worker back off and carry on. An
 * entry delivered more than {@code max-deliveries} times without being acknowledged (it crashes whatever consumer
 * takes it) is dead-lettered as {@code delivery_limit} without reaching the listeners again; entries trimmed away
 * before the group handled them are counted as lost and logged at ERROR; a refused password or a missing ACL
 * permission fails the worker with the reason.
 * <pre class="code">
 * RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory,
 *         RedisConsumerSettings.of("user-login", "discovery"), OpenEdxCatalog.catalog(), new AvroEventCodec(),
 *         EventOrigin.forService("discovery"), dispatcher, new ConsumerObserver() { });
 * consumer.start();
 * ...
 * consumer.stop(Duration.ofSeconds(10));
 * </pre>
 *
 * @since 0.1.0
 */
public final class RedisEventBusConsumer implements EventBusConsumer {

	/** Command timeout assumed for connection factories that do not tell theirs. */
	private static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);

	private final RedisConsumerSettings settings;

	private final ConsumerWorker<RedisStreamMessage> worker;

	/**
	 * Create a worker with the failure policy of the settings.
	 * @param connectionFactory a Lettuce connection factory, for example Spring Boot's; its command timeout must be
	 * longer than the poll timeout (the {@code BLOCK} of each read)
	 * @param settings the settings
	 * @param catalog the event types this service knows
	 * @param codec the codec, normally {@code AvroEventCodec}
	 * @param origin this service's origin, the default for missing {@code source}, {@code sourcehost} and
	 * {@code sourcelib} fields
	 * @param dispatcher receives every decoded event
	 * @param observer hooks for metrics and logs
	 */
	public RedisEventBusConsumer(RedisConnectionFactory connectionFactory, RedisConsumerSettings settings,
			EventCatalog catalog, EventCodec codec, EventOrigin origin, EventDispatcher dispatcher,
			ConsumerObserver observer) {
		this(connectionFactory, settings, catalog, codec, origin, dispatcher, observer,
				recoverer(connectionFactory, settings));
	}

	/**
	 * Create a worker with a failure recoverer of its own.
	 * @param connectionFactory a Lettuce connection factory
	 * @param settings the settings; their failure policy is ignored
	 * @param catalog the event types this service knows
	 * @param codec the codec
	 * @param origin this service's origin
	 * @param dispatcher receives every decoded event
	 * @param observer hooks for metrics and logs
	 * @param recoverer disposes of entries that could not be handled
	 */
	public RedisEventBusConsumer(RedisConnectionFactory connectionFactory, RedisConsumerSettings settings,
			EventCatalog catalog, EventCodec codec, EventOrigin origin, EventDispatcher dispatcher,
			ConsumerObserver observer, FailureRecoverer<RedisStreamMessage> recoverer) {
		Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		Duration commandTimeout = commandTimeout(connectionFactory);
		Duration block = settings.worker().pollTimeout();
		if (commandTimeout.compareTo(block) <= 0) {
			throw new IllegalArgumentException("The Redis command timeout (" + commandTimeout.toMillis()
					+ " ms, spring.data.redis.timeout) must be longer than the consumer poll timeout ("
					+ block.toMillis() + " ms), else every blocking read of " + settings.stream() + " times out");
		}
		this.worker = new ConsumerWorker<>(settings.worker(),
				new RedisStreamMessageSource(connectionFactory, settings, commandTimeout, observer),
				new DeliveryLimitDecoder(new RedisMessageDecoder(catalog, codec, origin,
						settings.worker().maxMessageSize()), settings.maxDeliveries()),
				dispatcher, recoverer, observer, FailureClassifier.DEFAULT.with(RedisFailureRule.INSTANCE));
	}

	private static FailureRecoverer<RedisStreamMessage> recoverer(RedisConnectionFactory connectionFactory,
			RedisConsumerSettings settings) {
		return switch (settings.failurePolicy()) {
			case LOG_AND_SKIP -> FailureRecoverer.logAndSkip();
			case DEAD_LETTER -> new RedisDeadLetterRecoverer(connectionFactory, settings.group(),
					settings.consumerName(), settings.deadLetterMaxLength());
		};
	}

	private static Duration commandTimeout(RedisConnectionFactory connectionFactory) {
		if (connectionFactory instanceof LettuceConnectionFactory lettuce) {
			return Duration.ofMillis(lettuce.getTimeout());
		}
		return DEFAULT_COMMAND_TIMEOUT;
	}

	public RedisConsumerSettings settings() {
		return this.settings;
	}

	@Override
	public String name() {
		return this.worker.name();
	}

	/**
	 * Run the worker on threads of this factory (virtual ones when {@code spring.threads.virtual.enabled=true}).
	 * @param threadFactory the factory, must not be {@code null}
	 */
	public void threadFactory(ThreadFactory threadFactory) {
		this.worker.threadFactory(threadFactory);
	}

	@Override
	public void start() {
		this.worker.start();
	}

	/**
	 * Run on the calling thread until stopped or failed (what a {@code consume-events} command does).
	 * @return the final state
	 */
	public ConsumerState run() {
		return this.worker.run();
	}

	@Override
	public void stop(Duration timeout) {
		this.worker.stop(timeout);
	}

	@Override
	public ConsumerStatus status() {
		return this.worker.status();
	}

	@Override
	public CompletableFuture<ConsumerState> termination() {
		return this.worker.termination();
	}

}
