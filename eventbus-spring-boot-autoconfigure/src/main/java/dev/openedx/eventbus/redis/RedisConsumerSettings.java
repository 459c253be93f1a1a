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

import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailurePolicy;
import org.jspecify.annotations.Nullable;

/**
 * The Redis view of a worker's {@link ConsumerSettings}: the one settings model, with the accessors a
 * {@link RedisEventBusConsumer} reads (its {@link ConsumerSettings#redis() Redis part} and the stream and group). It
 * holds nothing of its own.
 * <pre class="code">
 * RedisConsumerSettings settings = RedisConsumerSettings.of("stage-user-login", "discovery")
 *         .withConsumerName("discovery-0")
 *         .withFailurePolicy(FailurePolicy.DEAD_LETTER);
 * </pre>
 *
 * @param worker the settings; transport {@code redis}, destination the full stream name, group the consumer group;
 * its poll timeout is the {@code XREADGROUP ... BLOCK}
 * @since 0.1.0
 */
public record RedisConsumerSettings(ConsumerSettings worker) {

	/** Transport name in {@link ConsumerSettings#transport()}. */
	public static final String TRANSPORT = "redis";

	/** Default {@link #batchSize()}. */
	public static final int DEFAULT_BATCH_SIZE = ConsumerSettings.Redis.DEFAULT_BATCH_SIZE;

	/** Default {@link #claimMinIdle()}: as long as Kafka's default {@code max.poll.interval.ms}. */
	public static final Duration DEFAULT_CLAIM_MIN_IDLE = ConsumerSettings.Redis.DEFAULT_CLAIM_MIN_IDLE;

	/** Default {@link #claimInterval()}. */
	public static final Duration DEFAULT_CLAIM_INTERVAL = ConsumerSettings.Redis.DEFAULT_CLAIM_INTERVAL;

	/**
	 * Default {@link #maxDeliveries()}.
	 * @since 0.2.0
	 */
	public static final int DEFAULT_MAX_DELIVERIES = ConsumerSettings.Redis.DEFAULT_MAX_DELIVERIES;

	public RedisConsumerSettings {
		Objects.requireNonNull(worker, "worker must not be null");
		if (!TRANSPORT.equals(worker.transport())) {
			throw new IllegalArgumentException("worker.transport must be 'redis', was '" + worker.transport() + "'");
		}
		if (worker.pollTimeout().toMillis() < 1) {
			// BLOCK 0 would wait forever and the worker could never stop.
			throw new IllegalArgumentException(
					"worker.pollTimeout must be at least 1 ms, was " + worker.pollTimeout());
		}
	}

	/**
	 * Defaults for a stream and group: the {@linkplain ConsumerSettings.Redis#defaults() Redis defaults}, dead
	 * letters on {@code <stream>-dlq}, and the shared engine's defaults (no error limit, no retry, 1 second block).
	 * @param stream the full stream name
	 * @param group the consumer group
	 * @return the settings, never {@code null}
	 */
	public static RedisConsumerSettings of(String stream, String group) {
		return new RedisConsumerSettings(ConsumerSettings.defaults(TRANSPORT, stream, group)
			.withFailurePolicy(FailurePolicy.DEAD_LETTER));
	}

	/**
	 * The default consumer name: this host's name.
	 * @return the host name
	 * @see ConsumerSettings.Redis#defaultConsumerName()
	 */
	public static String defaultConsumerName() {
		return ConsumerSettings.Redis.defaultConsumerName();
	}

	public String stream() {
		return this.worker.destination();
	}

	public String group() {
		return this.worker.group();
	}

	public String consumerName() {
		return this.worker.redis().consumerName();
	}

	public int batchSize() {
		return this.worker.redis().batchSize();
	}

	public Duration claimMinIdle() {
		return this.worker.redis().claimMinIdle();
	}

	public Duration claimInterval() {
		return this.worker.redis().claimInterval();
	}

	public boolean checkBacklog() {
		return this.worker.redis().checkBacklog();
	}

	public @Nullable String lastReadMessageId() {
		return this.worker.redis().lastReadMessageId();
	}

	public FailurePolicy failurePolicy() {
		return this.worker.failurePolicy();
	}

	public long deadLetterMaxLength() {
		return this.worker.redis().deadLetterMaxLength();
	}

	/**
	 * How many deliveries an entry gets before it goes to the failure policy as {@code delivery_limit}.
	 * @return the limit, at least 1
	 * @since 0.2.0
	 */
	public int maxDeliveries() {
		return this.worker.redis().maxDeliveries();
	}

	/**
	 * The dead-letter stream.
	 * @return {@code <stream>-dlq}
	 */
	public String deadLetterStream() {
		return stream() + "-dlq";
	}

	public RedisConsumerSettings withWorker(ConsumerSettings worker) {
		return new RedisConsumerSettings(worker);
	}

	public RedisConsumerSettings withConsumerName(String consumerName) {
		return redis(this.worker.redis().withConsumerName(consumerName));
	}

	public RedisConsumerSettings withBatchSize(int batchSize) {
		return redis(this.worker.redis().withBatchSize(batchSize));
	}

	public RedisConsumerSettings withClaim(Duration claimMinIdle, Duration claimInterval) {
		return redis(this.worker.redis().withClaimMinIdle(claimMinIdle).withClaimInterval(claimInterval));
	}

	public RedisConsumerSettings withCheckBacklog(boolean checkBacklog) {
		return redis(this.worker.redis().withCheckBacklog(checkBacklog));
	}

	public RedisConsumerSettings withLastReadMessageId(@Nullable String lastReadMessageId) {
		return redis(this.worker.redis().withLastReadMessageId(lastReadMessageId));
	}

	public RedisConsumerSettings withFailurePolicy(FailurePolicy failurePolicy) {
		return new RedisConsumerSettings(this.worker.withFailurePolicy(failurePolicy));
	}

	public RedisConsumerSettings withDeadLetterMaxLength(long deadLetterMaxLength) {
		return redis(this.worker.redis().withDeadLetterMaxLength(deadLetterMaxLength));
	}

	/**
	 * A copy with another delivery limit.
	 * @param maxDeliveries how many deliveries an entry gets before it goes to the failure policy
	 * @return the copy
	 * @since 0.2.0
	 */
	public RedisConsumerSettings withMaxDeliveries(int maxDeliveries) {
		return redis(this.worker.redis().withMaxDeliveries(maxDeliveries));
	}

	private RedisConsumerSettings redis(ConsumerSettings.Redis redis) {
		return new RedisConsumerSettings(this.worker.withRedis(redis));
	}

}
