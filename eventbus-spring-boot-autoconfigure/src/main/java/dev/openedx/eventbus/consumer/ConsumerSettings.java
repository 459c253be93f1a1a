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

package dev.openedx.eventbus.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.openedx.eventbus.event.EventOrigin;
import org.jspecify.annotations.Nullable;

/**
 * Everything one worker runs with: the one consumer-settings model. The auto-configuration binds it from
 * {@code eventbus.consumer.*} (with {@code eventbus.kafka.consumer.*} or {@code eventbus.redis.consumer.*} and
 * {@code eventbus.consumer.redis.*}), checking every rule once with the property's name; the {@code consume-events}
 * command builds the same settings from its arguments; a transport's {@link EventBusConsumerFactory} turns them into a
 * worker without adding defaults of its own.
 * <pre class="code">
 * ConsumerSettings settings = ConsumerSettings.defaults("kafka", "stage-enrollments", "catalog")
 *         .withRetry(new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)))
 *         .withFailurePolicy(FailurePolicy.DEAD_LETTER);
 * </pre>
 *
 * @param name the worker name, used for the thread, logs and metrics; for example {@code kafka:enrollments/catalog}
 * @param transport {@code kafka} or {@code redis}
 * @param destination the full topic or stream name, topic prefix applied
 * ({@link dev.openedx.eventbus.event.TopicNames#fullName})
 * @param group the consumer group, used verbatim (never prefixed)
 * @param eventTypes the event types handed to the listeners; empty for all. Other events are acknowledged without
 * being dispatched
 * @param consecutiveErrorsLimit stop after this many failures in a row; 0 for never (Python's default)
 * @param retry the retry policy for listener failures
 * @param pollTimeout how long one poll waits for messages (Redis: the {@code XREADGROUP ... BLOCK})
 * @param pollFailureSleep first wait after a failed poll; doubled on each further failure up to 30 seconds
 * @param maxTransientWait how long one message may be kept back by transient failures (a registry that does not
 * answer, a deferred message) before it is treated as failed for good and goes to the failure policy
 * @param maxMessageSize the largest value (Kafka) or entry (Redis) in bytes that is decoded; larger ones go to the
 * failure policy as {@link FailureKind#MESSAGE_TOO_LARGE} without being decoded
 * @param failurePolicy what to do with a message that failed for good
 * @param startPosition where a group without a position starts (Kafka), or {@code null} for the transport's
 * configured default ({@code eventbus.kafka.consumer.start-position}, else {@code auto.offset.reset})
 * @param replayFrom re-deliver everything from this time on at each start (Python's {@code offset_time}), or
 * {@code null}
 * @param redis the Redis consumer-group settings; ignored by the other transports, never {@code null}
 * @since 0.1.0
 */
public record ConsumerSettings(String name, String transport, String destination, String group, Set<String> eventTypes,
		int consecutiveErrorsLimit, RetryPolicy retry, Duration pollTimeout, Duration pollFailureSleep,
		Duration maxTransientWait, int maxMessageSize, FailurePolicy failurePolicy,
		@Nullable StartPosition startPosition, @Nullable Instant replayFrom, Redis redis) {

	/**
	 * Default {@link #maxTransientWait()}.
	 * @since 0.2.0
	 */
	public static final Duration DEFAULT_MAX_TRANSIENT_WAIT = Duration.ofMinutes(10);

	/**
	 * Default {@link #maxMessageSize()}: 1 MiB, Kafka's default {@code max.message.bytes}.
	 * @since 0.2.0
	 */
	public static final int DEFAULT_MAX_MESSAGE_SIZE = 1024 * 1024;

	/**
	 * How {@link #redisBatchHandlingTime()} is reckoned, for messages naming the rule.
	 * @since 0.2.0
	 */
	public static final String REDIS_BATCH_RULE = "batch-size x (the retry waits of one message + 1 s per attempt)";

	// What a listener call is allowed in the worst-case reckoning of a batch: the listeners' own time is unknown.
	private static final Duration LISTENER_ALLOWANCE = Duration.ofSeconds(1);

	public ConsumerSettings {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(transport, "transport must not be null");
		Objects.requireNonNull(destination, "destination must not be null");
		Objects.requireNonNull(group, "group must not be null");
		eventTypes = Set.copyOf(eventTypes);
		Objects.requireNonNull(retry, "retry must not be null");
		Objects.requireNonNull(pollTimeout, "pollTimeout must not be null");
		Objects.requireNonNull(pollFailureSleep, "pollFailureSleep must not be null");
		Objects.requireNonNull(maxTransientWait, "maxTransientWait must not be null");
		Objects.requireNonNull(failurePolicy, "failurePolicy must not be null");
		Objects.requireNonNull(redis, "redis must not be null");
		if (consecutiveErrorsLimit < 0) {
			throw new IllegalArgumentException("consecutiveErrorsLimit must not be negative");
		}
		if (maxMessageSize < 1) {
			throw new IllegalArgumentException("maxMessageSize must be at least 1 byte, was " + maxMessageSize);
		}
	}

	/**
	 * Settings with Python's defaults: every event type, no error limit, no retry, 1 second poll timeout and failure
	 * sleep, log and skip, the transport's start position, no replay; transient waits bounded by
	 * {@link #DEFAULT_MAX_TRANSIENT_WAIT}, messages by {@link #DEFAULT_MAX_MESSAGE_SIZE}, the Redis defaults of
	 * {@link Redis#defaults()}.
	 * @param transport the transport
	 * @param destination the full topic or stream name
	 * @param group the consumer group
	 * @return the settings
	 */
	public static ConsumerSettings defaults(String transport, String destination, String group) {
		return new ConsumerSettings(transport + ":" + destination + "/" + group, transport, destination, group,
				Set.of(), 0, RetryPolicy.NONE, Duration.ofSeconds(1), Duration.ofSeconds(1), DEFAULT_MAX_TRANSIENT_WAIT,
				DEFAULT_MAX_MESSAGE_SIZE, FailurePolicy.LOG_AND_SKIP, null, null, Redis.defaults());
	}

	/**
	 * A copy for another worker: everything but the name, destination and group kept (what a configured worker or
	 * the {@code consume-events} command starts from).
	 * @param name the worker name
	 * @param destination the full topic or stream name
	 * @param group the consumer group
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings forWorker(String name, String destination, String group) {
		return new ConsumerSettings(name, this.transport, destination, group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * The longest a Redis batch is taken to need, which {@link Redis#claimMinIdle()} must exceed so that no entry is
	 * claimed by another consumer while this one still handles it: {@value #REDIS_BATCH_RULE}.
	 * @return the time
	 * @since 0.2.0
	 */
	public Duration redisBatchHandlingTime() {
		Duration perMessage = this.retry.totalWait()
			.plus(LISTENER_ALLOWANCE.multipliedBy(this.retry.maxAttempts()));
		return perMessage.multipliedBy(this.redis.batchSize());
	}

	public ConsumerSettings withName(String name) {
		return new ConsumerSettings(name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy handing only the given event types to the listeners.
	 * @param eventTypes the event types; empty for all
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withEventTypes(Set<String> eventTypes) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	public ConsumerSettings withConsecutiveErrorsLimit(int consecutiveErrorsLimit) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	public ConsumerSettings withRetry(RetryPolicy retry) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	public ConsumerSettings withPollTimeout(Duration pollTimeout) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	public ConsumerSettings withPollFailureSleep(Duration pollFailureSleep) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy with another bound on transient waits.
	 * @param maxTransientWait how long one message may be kept back by transient failures
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withMaxTransientWait(Duration maxTransientWait) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy with another size limit.
	 * @param maxMessageSize the largest value or entry decoded, in bytes
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withMaxMessageSize(int maxMessageSize) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy with another failure policy.
	 * @param failurePolicy what to do with a message that failed for good
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withFailurePolicy(FailurePolicy failurePolicy) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, failurePolicy, this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy with another start position for a new group.
	 * @param startPosition the position, or {@code null} for the transport's default
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withStartPosition(@Nullable StartPosition startPosition) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy that replays from a time.
	 * @param replayFrom the time, or {@code null} for no replay
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withReplayFrom(@Nullable Instant replayFrom) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, replayFrom, this.redis);
	}

	/**
	 * A copy with other Redis consumer-group settings.
	 * @param redis the Redis settings
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withRedis(Redis redis) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, this.eventTypes,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize, this.failurePolicy, this.startPosition, this.replayFrom, redis);
	}

	/**
	 * The Redis consumer-group settings of a worker ({@code eventbus.redis.consumer.*},
	 * {@code eventbus.consumer.redis.*}, and the {@code --extra} keys {@code consumer_name}, {@code check_backlog},
	 * {@code last_read_msg_id} and {@code claim_msgs_older_than} of {@code consume-events}).
	 *
	 * @param consumerName the consumer name inside the group; must be stable across restarts of one instance so it
	 * re-reads its own pending entries, and unique among the live consumers of the group
	 * @param batchSize the {@code COUNT} of each read (Python reads 1)
	 * @param claimMinIdle how long an entry must have been pending, unacknowledged, before any consumer of the group
	 * takes it over with {@code XAUTOCLAIM}; longer than the longest time one batch can take to handle
	 * @param claimInterval how often the worker looks for such entries
	 * @param checkBacklog whether the group keeps its position on start (entries added while no consumer ran are
	 * delivered); {@code false} moves the group to {@code $} on every start, as Python does by default
	 * @param lastReadMessageId when set, the group is moved to just after this entry id on every start (replay)
	 * @param deadLetterMaxLength approximate length kept in the dead-letter stream, 0 to never trim it
	 * @param maxDeliveries an entry delivered this many times (its {@code XPENDING} delivery count) without being
	 * acknowledged goes to the failure policy as {@code delivery_limit} without being handed to the listeners again
	 * @since 0.2.0
	 */
	public record Redis(String consumerName, int batchSize, Duration claimMinIdle, Duration claimInterval,
			boolean checkBacklog, @Nullable String lastReadMessageId, long deadLetterMaxLength, int maxDeliveries) {

		/** Default {@link #batchSize()}. */
		public static final int DEFAULT_BATCH_SIZE = 10;

		/** Default {@link #claimMinIdle()}: as long as Kafka's default {@code max.poll.interval.ms}. */
		public static final Duration DEFAULT_CLAIM_MIN_IDLE = Duration.ofMinutes(5);

		/** Default {@link #claimInterval()}. */
		public static final Duration DEFAULT_CLAIM_INTERVAL = Duration.ofSeconds(30);

		/**
		 * Default {@link #deadLetterMaxLength()}: large enough to keep every dead letter of an ordinary incident,
		 * bounded so that a flood of garbage cannot fill Redis.
		 */
		public static final long DEFAULT_DEAD_LETTER_MAX_LENGTH = 100_000;

		/** Default {@link #maxDeliveries()}. */
		public static final int DEFAULT_MAX_DELIVERIES = 5;

		private static final Pattern ENTRY_ID = Pattern.compile("\\d+(-\\d+)?");

		public Redis {
			Objects.requireNonNull(consumerName, "consumerName must not be null");
			Objects.requireNonNull(claimMinIdle, "claimMinIdle must not be null");
			Objects.requireNonNull(claimInterval, "claimInterval must not be null");
			if (consumerName.isBlank()) {
				throw new IllegalArgumentException("consumerName must not be blank");
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
			if (lastReadMessageId != null && !isEntryId(lastReadMessageId)) {
				throw new IllegalArgumentException("lastReadMessageId '" + lastReadMessageId
						+ "' is not a stream entry id such as 1679676448892-0");
			}
			if (deadLetterMaxLength < 0) {
				throw new IllegalArgumentException(
						"deadLetterMaxLength must not be negative, was " + deadLetterMaxLength);
			}
			if (maxDeliveries < 1) {
				throw new IllegalArgumentException("maxDeliveries must be at least 1, was " + maxDeliveries);
			}
		}

		/**
		 * The defaults: this host's name as consumer name, batches of {@value #DEFAULT_BATCH_SIZE}, claim after 5
		 * minutes idle (checked every 30 seconds), resume where the group stopped, no replay, a dead-letter stream
		 * trimmed to about {@value #DEFAULT_DEAD_LETTER_MAX_LENGTH} entries, {@value #DEFAULT_MAX_DELIVERIES}
		 * deliveries.
		 * @return the defaults, never {@code null}
		 */
		public static Redis defaults() {
			return new Redis(defaultConsumerName(), DEFAULT_BATCH_SIZE, DEFAULT_CLAIM_MIN_IDLE, DEFAULT_CLAIM_INTERVAL,
					true, null, DEFAULT_DEAD_LETTER_MAX_LENGTH, DEFAULT_MAX_DELIVERIES);
		}

		/**
		 * The default consumer name: this host's name ({@code HOSTNAME}, else the resolved local host name), the
		 * same one sent as {@code sourcehost}. It survives restarts of the same machine, container or StatefulSet
		 * pod; where host names change on every start, the old name's pending entries are claimed by the others
		 * after {@link #claimMinIdle()}.
		 * @return the host name
		 */
		public static String defaultConsumerName() {
			return EventOrigin.local().sourceHost();
		}

		/**
		 * Whether a text is a stream entry id such as {@code 1679676448892-0} or {@code 1679676448892}.
		 * @param text the text
		 * @return whether it is one
		 */
		public static boolean isEntryId(String text) {
			return ENTRY_ID.matcher(text).matches();
		}

		public Redis withConsumerName(String consumerName) {
			return new Redis(consumerName, this.batchSize, this.claimMinIdle, this.claimInterval, this.checkBacklog,
					this.lastReadMessageId, this.deadLetterMaxLength, this.maxDeliveries);
		}

		public Redis withBatchSize(int batchSize) {
			return new Redis(this.consumerName, batchSize, this.claimMinIdle, this.claimInterval, this.checkBacklog,
					this.lastReadMessageId, this.deadLetterMaxLength, this.maxDeliveries);
		}

		public Redis withClaimMinIdle(Duration claimMinIdle) {
			return new Redis(this.consumerName, this.batchSize, claimMinIdle, this.claimInterval, this.checkBacklog,
					this.lastReadMessageId, this.deadLetterMaxLength, this.maxDeliveries);
		}

		public Redis withClaimInterval(Duration claimInterval) {
			return new Redis(this.consumerName, this.batchSize, this.claimMinIdle, claimInterval, this.checkBacklog,
					this.lastReadMessageId, this.deadLetterMaxLength, this.maxDeliveries);
		}

		public Redis withCheckBacklog(boolean checkBacklog) {
			return new Redis(this.consumerName, this.batchSize, this.claimMinIdle, this.claimInterval, checkBacklog,
					this.lastReadMessageId, this.deadLetterMaxLength, this.maxDeliveries);
		}

		public Redis withLastReadMessageId(@Nullable String lastReadMessageId) {
			return new Redis(this.consumerName, this.batchSize, this.claimMinIdle, this.claimInterval,
					this.checkBacklog, lastReadMessageId, this.deadLetterMaxLength, this.maxDeliveries);
		}

		public Redis withDeadLetterMaxLength(long deadLetterMaxLength) {
			return new Redis(this.consumerName, this.batchSize, this.claimMinIdle, this.claimInterval,
					this.checkBacklog, this.lastReadMessageId, deadLetterMaxLength, this.maxDeliveries);
		}

		public Redis withMaxDeliveries(int maxDeliveries) {
			return new Redis(this.consumerName, this.batchSize, this.claimMinIdle, this.claimInterval,
					this.checkBacklog, this.lastReadMessageId, this.deadLetterMaxLength, maxDeliveries);
		}

	}

}
