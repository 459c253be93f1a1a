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
import java.util.regex.Pattern;

import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.event.EventOrigin;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link RedisEventBusConsumer}: the shared worker settings plus what is particular to Redis consumer
 * groups.
 * <pre class="code">
 * RedisConsumerSettings settings = RedisConsumerSettings.of("stage-user-login", "discovery")
 *         .withConsumerName("discovery-0")
 *         .withFailurePolicy(RedisFailurePolicy.DEAD_LETTER);
 * </pre>
 *
 * @param worker the transport-neutral settings; transport {@code redis}, destination the full stream name, group
 * the consumer group; its poll timeout is the {@code XREADGROUP ... BLOCK}
 * @param consumerName the consumer name inside the group; must be stable across restarts of one instance so it
 * re-reads its own pending entries, and unique among the live consumers of the group
 * @param batchSize the {@code COUNT} of each read (Python reads 1)
 * @param claimMinIdle how long an entry must have been pending, unacknowledged, before any consumer of the group
 * takes it over with {@code XAUTOCLAIM}; longer than the longest time one batch can take to handle
 * @param claimInterval how often the worker looks for such entries
 * @param checkBacklog whether the group keeps its position on start (entries added while no consumer ran are
 * delivered); {@code false} moves the group to {@code $} on every start, as Python does by default
 * @param lastReadMessageId when set, the group is moved to just after this entry id on every start (replay)
 * @param failurePolicy what happens to entries that could not be handled
 * @param deadLetterMaxLength approximate length kept in the dead-letter stream, 0 to never trim it
 * @param maxDeliveries an entry delivered this many times (its {@code XPENDING} delivery count) without being
 * acknowledged goes to the failure policy as {@code delivery_limit} without being handed to the listeners again
 * @since 0.1.0
 */
public record RedisConsumerSettings(ConsumerSettings worker, String consumerName, int batchSize,
		Duration claimMinIdle, Duration claimInterval, boolean checkBacklog, @Nullable String lastReadMessageId,
		RedisFailurePolicy failurePolicy, long deadLetterMaxLength, int maxDeliveries) {

	/** Transport name in {@link ConsumerSettings#transport()}. */
	public static final String TRANSPORT = "redis";

	/** Default {@link #batchSize()}. */
	public static final int DEFAULT_BATCH_SIZE = 10;

	/** Default {@link #claimMinIdle()}: as long as Kafka's default {@code max.poll.interval.ms}. */
	public static final Duration DEFAULT_CLAIM_MIN_IDLE = Duration.ofMinutes(5);

	/** Default {@link #claimInterval()}. */
	public static final Duration DEFAULT_CLAIM_INTERVAL = Duration.ofSeconds(30);

	/**
	 * Default {@link #maxDeliveries()}.
	 * @since 0.2.0
	 */
	public static final int DEFAULT_MAX_DELIVERIES = 5;

	private static final Pattern ENTRY_ID = Pattern.compile("\\d+(-\\d+)?");

	public RedisConsumerSettings {
		Objects.requireNonNull(worker, "worker must not be null");
		Objects.requireNonNull(consumerName, "consumerName must not be null");
		Objects.requireNonNull(claimMinIdle, "claimMinIdle must not be null");
		Objects.requireNonNull(claimInterval, "claimInterval must not be null");
		Objects.requireNonNull(failurePolicy, "failurePolicy must not be null");
		if (!TRANSPORT.equals(worker.transport())) {
			throw new IllegalArgumentException("worker.transport must be 'redis', was '" + worker.transport() + "'");
		}
		if (consumerName.isBlank()) {
			throw new IllegalArgumentException("consumerName must not be blank");
		}
		if (worker.pollTimeout().toMillis() < 1) {
			// BLOCK 0 would wait forever and the worker could never stop.
			throw new IllegalArgumentException(
					"worker.pollTimeout must be at least 1 ms, was " + worker.pollTimeout());
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
		}
		if (claimMinIdle.toMillis() < 1) {
			throw new IllegalArgumentException("claimMinIdle must be at least 1 ms, was " + claimMinIdle);
		}
		if (claimInterval.toMillis() < 1) {
			throw new IllegalArgumentException("claimInterval must be at least 1 ms, was " + claimInterval);
		}
		if (lastReadMessageId != null && !ENTRY_ID.matcher(lastReadMessageId).matches()) {
			throw new IllegalArgumentException("lastReadMessageId '" + lastReadMessageId
					+ "' is not a stream entry id such as 1679676448892-0");
		}
		if (deadLetterMaxLength < 0) {
			throw new IllegalArgumentException("deadLetterMaxLength must not be negative, was " + deadLetterMaxLength);
		}
		if (maxDeliveries < 1) {
			throw new IllegalArgumentException("maxDeliveries must be at least 1, was " + maxDeliveries);
		}
	}

	/**
	 * Defaults for a stream and group: the host name as consumer name, batches of {@value #DEFAULT_BATCH_SIZE},
	 * claim after 5 minutes idle (checked every 30 seconds), resume where the group stopped, dead letters on
	 * {@code <stream>-dlq}, and the shared engine's defaults (no error limit, no retry, 1 second block).
	 * @param stream the full stream name
	 * @param group the consumer group
	 * @return the settings, never {@code null}
	 */
	public static RedisConsumerSettings of(String stream, String group) {
		return new RedisConsumerSettings(ConsumerSettings.defaults(TRANSPORT, stream, group), defaultConsumerName(),
				DEFAULT_BATCH_SIZE, DEFAULT_CLAIM_MIN_IDLE, DEFAULT_CLAIM_INTERVAL, true, null,
				RedisFailurePolicy.DEAD_LETTER, 0, DEFAULT_MAX_DELIVERIES);
	}

	/**
	 * The default consumer name: this host's name ({@code HOSTNAME}, else the resolved local host name), the same
	 * one sent as {@code sourcehost}. It survives restarts of the same machine, container or StatefulSet pod; where
	 * host names change on every start, the old name's pending entries are claimed by the others after
	 * {@link #claimMinIdle()}.
	 * @return the host name
	 */
	public static String defaultConsumerName() {
		return EventOrigin.local().sourceHost();
	}

	public String stream() {
		return this.worker.destination();
	}

	public String group() {
		return this.worker.group();
	}

	/**
	 * The dead-letter stream.
	 * @return {@code <stream>-dlq}
	 */
	public String deadLetterStream() {
		return stream() + "-dlq";
	}

	public RedisConsumerSettings withWorker(ConsumerSettings worker) {
		return new RedisConsumerSettings(worker, this.consumerName, this.batchSize, this.claimMinIdle,
				this.claimInterval, this.checkBacklog, this.lastReadMessageId, this.failurePolicy,
				this.deadLetterMaxLength, this.maxDeliveries);
	}

	public RedisConsumerSettings withConsumerName(String consumerName) {
		return new RedisConsumerSettings(this.worker, consumerName, this.batchSize, this.claimMinIdle,
				this.claimInterval, this.checkBacklog, this.lastReadMessageId, this.failurePolicy,
				this.deadLetterMaxLength, this.maxDeliveries);
	}

	public RedisConsumerSettings withBatchSize(int batchSize) {
		return new RedisConsumerSettings(this.worker, this.consumerName, batchSize, this.claimMinIdle,
				this.claimInterval, this.checkBacklog, this.lastReadMessageId, this.failurePolicy,
				this.deadLetterMaxLength, this.maxDeliveries);
	}

	public RedisConsumerSettings withClaim(Duration claimMinIdle, Duration claimInterval) {
		return new RedisConsumerSettings(this.worker, this.consumerName, this.batchSize, claimMinIdle, claimInterval,
				this.checkBacklog, this.lastReadMessageId, this.failurePolicy, this.deadLetterMaxLength,
				this.maxDeliveries);
	}

	public RedisConsumerSettings withCheckBacklog(boolean checkBacklog) {
		return new RedisConsumerSettings(this.worker, this.consumerName, this.batchSize, this.claimMinIdle,
				this.claimInterval, checkBacklog, this.lastReadMessageId, this.failurePolicy,
				this.deadLetterMaxLength, this.maxDeliveries);
	}

	public RedisConsumerSettings withLastReadMessageId(@Nullable String lastReadMessageId) {
		return new RedisConsumerSettings(this.worker, this.consumerName, this.batchSize, this.claimMinIdle,
				this.claimInterval, this.checkBacklog, lastReadMessageId, this.failurePolicy,
				this.deadLetterMaxLength, this.maxDeliveries);
	}

	public RedisConsumerSettings withFailurePolicy(RedisFailurePolicy failurePolicy) {
		return new RedisConsumerSettings(this.worker, this.consumerName, this.batchSize, this.claimMinIdle,
				this.claimInterval, this.checkBacklog, this.lastReadMessageId, failurePolicy,
				this.deadLetterMaxLength, this.maxDeliveries);
	}

	public RedisConsumerSettings withDeadLetterMaxLength(long deadLetterMaxLength) {
		return new RedisConsumerSettings(this.worker, this.consumerName, this.batchSize, this.claimMinIdle,
				this.claimInterval, this.checkBacklog, this.lastReadMessageId, this.failurePolicy,
				deadLetterMaxLength, this.maxDeliveries);
	}

	/**
	 * A copy with another delivery limit.
	 * @param maxDeliveries how many deliveries an entry gets before it goes to the failure policy
	 * @return the copy
	 * @since 0.2.0
	 */
	public RedisConsumerSettings withMaxDeliveries(int maxDeliveries) {
		return new RedisConsumerSettings(this.worker, this.consumerName, this.batchSize, this.claimMinIdle,
				this.claimInterval, this.checkBacklog, this.lastReadMessageId, this.failurePolicy,
				this.deadLetterMaxLength, maxDeliveries);
	}

}
