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
import java.util.Objects;

/**
 * Transport-neutral settings of one worker.
 *
 * @param name the worker name, used for the thread, logs and metrics; for example {@code kafka:enrollments/catalog}
 * @param transport {@code kafka} or {@code redis}
 * @param destination the full topic or stream name
 * @param group the consumer group
 * @param consecutiveErrorsLimit stop after this many failures in a row; 0 for never (Python's default)
 * @param retry the retry policy for listener failures
 * @param pollTimeout how long one poll waits for messages
 * @param pollFailureSleep first wait after a failed poll; doubled on each further failure up to 30 seconds
 * @param maxTransientWait how long one message may be kept back by transient failures (a registry that does not
 * answer, a deferred message) before it is treated as failed for good and goes to the failure policy
 * @param maxMessageSize the largest value (Kafka) or entry (Redis) in bytes that is decoded; larger ones go to the
 * failure policy as {@link FailureKind#MESSAGE_TOO_LARGE} without being decoded
 * @since 0.1.0
 */
public record ConsumerSettings(String name, String transport, String destination, String group,
		int consecutiveErrorsLimit, RetryPolicy retry, Duration pollTimeout, Duration pollFailureSleep,
		Duration maxTransientWait, int maxMessageSize) {

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

	public ConsumerSettings {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(transport, "transport must not be null");
		Objects.requireNonNull(destination, "destination must not be null");
		Objects.requireNonNull(group, "group must not be null");
		Objects.requireNonNull(retry, "retry must not be null");
		Objects.requireNonNull(pollTimeout, "pollTimeout must not be null");
		Objects.requireNonNull(pollFailureSleep, "pollFailureSleep must not be null");
		Objects.requireNonNull(maxTransientWait, "maxTransientWait must not be null");
		if (consecutiveErrorsLimit < 0) {
			throw new IllegalArgumentException("consecutiveErrorsLimit must not be negative");
		}
		if (maxMessageSize < 1) {
			throw new IllegalArgumentException("maxMessageSize must be at least 1 byte, was " + maxMessageSize);
		}
	}

	/**
	 * Settings with Python's defaults: no error limit, no retry, 1 second poll timeout and failure sleep; transient
	 * waits bounded by {@link #DEFAULT_MAX_TRANSIENT_WAIT}, messages by {@link #DEFAULT_MAX_MESSAGE_SIZE}.
	 * @param transport the transport
	 * @param destination the full topic or stream name
	 * @param group the consumer group
	 * @return the settings
	 */
	public static ConsumerSettings defaults(String transport, String destination, String group) {
		return new ConsumerSettings(transport + ":" + destination + "/" + group, transport, destination, group, 0,
				RetryPolicy.NONE, Duration.ofSeconds(1), Duration.ofSeconds(1), DEFAULT_MAX_TRANSIENT_WAIT,
				DEFAULT_MAX_MESSAGE_SIZE);
	}

	public ConsumerSettings withConsecutiveErrorsLimit(int limit) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, limit, this.retry,
				this.pollTimeout, this.pollFailureSleep, this.maxTransientWait, this.maxMessageSize);
	}

	public ConsumerSettings withRetry(RetryPolicy retry) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group,
				this.consecutiveErrorsLimit, retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize);
	}

	public ConsumerSettings withPollTimeout(Duration pollTimeout) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group,
				this.consecutiveErrorsLimit, this.retry, pollTimeout, this.pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize);
	}

	public ConsumerSettings withPollFailureSleep(Duration pollFailureSleep) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, pollFailureSleep, this.maxTransientWait,
				this.maxMessageSize);
	}

	public ConsumerSettings withName(String name) {
		return new ConsumerSettings(name, this.transport, this.destination, this.group, this.consecutiveErrorsLimit,
				this.retry, this.pollTimeout, this.pollFailureSleep, this.maxTransientWait, this.maxMessageSize);
	}

	/**
	 * A copy with another bound on transient waits.
	 * @param maxTransientWait how long one message may be kept back by transient failures
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withMaxTransientWait(Duration maxTransientWait) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep, maxTransientWait,
				this.maxMessageSize);
	}

	/**
	 * A copy with another size limit.
	 * @param maxMessageSize the largest value or entry decoded, in bytes
	 * @return the copy
	 * @since 0.2.0
	 */
	public ConsumerSettings withMaxMessageSize(int maxMessageSize) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, this.pollFailureSleep,
				this.maxTransientWait, maxMessageSize);
	}

}
