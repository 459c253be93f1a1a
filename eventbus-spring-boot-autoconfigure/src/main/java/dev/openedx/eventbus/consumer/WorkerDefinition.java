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
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

import dev.openedx.eventbus.consumer.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Everything a transport needs to build one consumer worker, with the application's defaults already applied:
 * what the {@code eventbus.consumer.workers.<name>} properties or the {@code consume-events} command describe.
 * Transport-wide settings (poll timeout, Redis block and batch size, Kafka client settings) stay with the transport's
 * {@link EventBusConsumerFactory}.
 *
 * @param name the worker name, used for its thread, logs and metrics
 * @param topic the topic or stream name on the broker, topic prefix applied
 * ({@link dev.openedx.eventbus.event.TopicNames#fullName})
 * @param groupId the consumer group, used verbatim (never prefixed)
 * @param eventTypes the event types handed to the listeners; empty for all. Other events are acknowledged without
 * being dispatched
 * @param consecutiveErrorsLimit stop after this many failures in a row; 0 for never
 * @param retry the retry policy for listener failures
 * @param pollFailureSleep first wait after a failed poll
 * @param maxTransientWait how long one message may be kept back by transient failures before it is failed for good
 * @param maxMessageSize the largest value or entry, in bytes, that is decoded
 * @param failurePolicy what to do with a message that failed for good
 * @param startPosition where a new group starts, or {@code null} for the transport's configured default
 * @param replayFrom re-deliver everything from this time on (Python's {@code offset_time}), or {@code null}
 * @param redis Redis-only overrides, never {@code null}
 * @since 0.1.0
 */
public record WorkerDefinition(String name, String topic, String groupId, Set<String> eventTypes,
		int consecutiveErrorsLimit, RetryPolicy retry, Duration pollFailureSleep, Duration maxTransientWait,
		int maxMessageSize, FailurePolicy failurePolicy, @Nullable StartPosition startPosition,
		@Nullable OffsetDateTime replayFrom, RedisOptions redis) {

	public WorkerDefinition {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(topic, "topic must not be null");
		Objects.requireNonNull(groupId, "groupId must not be null");
		Objects.requireNonNull(retry, "retry must not be null");
		Objects.requireNonNull(pollFailureSleep, "pollFailureSleep must not be null");
		Objects.requireNonNull(maxTransientWait, "maxTransientWait must not be null");
		Objects.requireNonNull(failurePolicy, "failurePolicy must not be null");
		Objects.requireNonNull(redis, "redis must not be null");
		eventTypes = Set.copyOf(eventTypes);
		if (consecutiveErrorsLimit < 0) {
			throw new IllegalArgumentException("consecutiveErrorsLimit must not be negative");
		}
	}

	/**
	 * Overrides of the {@code eventbus.redis.consumer.*} settings for one worker, as the Python {@code --extra} keys
	 * {@code consumer_name}, {@code check_backlog}, {@code last_read_msg_id} and {@code claim_msgs_older_than} give
	 * them. Each {@code null} keeps the configured value.
	 *
	 * @param consumerName the consumer name within the group
	 * @param checkBacklog whether to resume from the group's position rather than jump to the stream's end
	 * @param lastReadMessageId replay the entries after this stream id
	 * @param claimMinIdle claim other consumers' pending entries idle at least this long
	 */
	public record RedisOptions(@Nullable String consumerName, @Nullable Boolean checkBacklog,
			@Nullable String lastReadMessageId, @Nullable Duration claimMinIdle) {

		/** No override. */
		public static final RedisOptions NONE = new RedisOptions(null, null, null, null);

	}

	/**
	 * A copy handing only the given event types to the listeners.
	 * @param eventTypes the event types; empty for all
	 * @return the copy
	 */
	public WorkerDefinition withEventTypes(Set<String> eventTypes) {
		return new WorkerDefinition(this.name, this.topic, this.groupId, eventTypes, this.consecutiveErrorsLimit,
				this.retry, this.pollFailureSleep, this.maxTransientWait, this.maxMessageSize, this.failurePolicy,
				this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy with another consecutive-errors limit.
	 * @param limit the limit; 0 for none
	 * @return the copy
	 */
	public WorkerDefinition withConsecutiveErrorsLimit(int limit) {
		return new WorkerDefinition(this.name, this.topic, this.groupId, this.eventTypes, limit, this.retry,
				this.pollFailureSleep, this.maxTransientWait, this.maxMessageSize, this.failurePolicy,
				this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy with another start position for a new group.
	 * @param startPosition the position, or {@code null} for the transport's default
	 * @return the copy
	 */
	public WorkerDefinition withStartPosition(@Nullable StartPosition startPosition) {
		return new WorkerDefinition(this.name, this.topic, this.groupId, this.eventTypes, this.consecutiveErrorsLimit,
				this.retry, this.pollFailureSleep, this.maxTransientWait, this.maxMessageSize, this.failurePolicy,
				startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy that replays from a time.
	 * @param replayFrom the time, or {@code null} for no replay
	 * @return the copy
	 */
	public WorkerDefinition withReplayFrom(@Nullable OffsetDateTime replayFrom) {
		return new WorkerDefinition(this.name, this.topic, this.groupId, this.eventTypes, this.consecutiveErrorsLimit,
				this.retry, this.pollFailureSleep, this.maxTransientWait, this.maxMessageSize, this.failurePolicy,
				this.startPosition, replayFrom, this.redis);
	}

	/**
	 * A copy with Redis overrides.
	 * @param redis the overrides
	 * @return the copy
	 */
	public WorkerDefinition withRedis(RedisOptions redis) {
		return new WorkerDefinition(this.name, this.topic, this.groupId, this.eventTypes, this.consecutiveErrorsLimit,
				this.retry, this.pollFailureSleep, this.maxTransientWait, this.maxMessageSize, this.failurePolicy,
				this.startPosition, this.replayFrom, redis);
	}

	/**
	 * A copy with another bound on transient waits.
	 * @param maxTransientWait how long one message may be kept back by transient failures
	 * @return the copy
	 * @since 0.2.0
	 */
	public WorkerDefinition withMaxTransientWait(Duration maxTransientWait) {
		return new WorkerDefinition(this.name, this.topic, this.groupId, this.eventTypes, this.consecutiveErrorsLimit,
				this.retry, this.pollFailureSleep, maxTransientWait, this.maxMessageSize, this.failurePolicy,
				this.startPosition, this.replayFrom, this.redis);
	}

	/**
	 * A copy with another size limit.
	 * @param maxMessageSize the largest value or entry decoded, in bytes
	 * @return the copy
	 * @since 0.2.0
	 */
	public WorkerDefinition withMaxMessageSize(int maxMessageSize) {
		return new WorkerDefinition(this.name, this.topic, this.groupId, this.eventTypes, this.consecutiveErrorsLimit,
				this.retry, this.pollFailureSleep, this.maxTransientWait, maxMessageSize, this.failurePolicy,
				this.startPosition, this.replayFrom, this.redis);
	}

}
