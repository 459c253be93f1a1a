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
 * @since 0.1.0
 */
public record ConsumerSettings(String name, String transport, String destination, String group,
		int consecutiveErrorsLimit, RetryPolicy retry, Duration pollTimeout, Duration pollFailureSleep) {

	public ConsumerSettings {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(transport, "transport must not be null");
		Objects.requireNonNull(destination, "destination must not be null");
		Objects.requireNonNull(group, "group must not be null");
		Objects.requireNonNull(retry, "retry must not be null");
		Objects.requireNonNull(pollTimeout, "pollTimeout must not be null");
		Objects.requireNonNull(pollFailureSleep, "pollFailureSleep must not be null");
		if (consecutiveErrorsLimit < 0) {
			throw new IllegalArgumentException("consecutiveErrorsLimit must not be negative");
		}
	}

	/**
	 * Settings with Python's defaults: no error limit, no retry, 1 second poll timeout and failure sleep.
	 * @param transport the transport
	 * @param destination the full topic or stream name
	 * @param group the consumer group
	 * @return the settings
	 */
	public static ConsumerSettings defaults(String transport, String destination, String group) {
		return new ConsumerSettings(transport + ":" + destination + "/" + group, transport, destination, group, 0,
				RetryPolicy.NONE, Duration.ofSeconds(1), Duration.ofSeconds(1));
	}

	public ConsumerSettings withConsecutiveErrorsLimit(int limit) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group, limit, this.retry,
				this.pollTimeout, this.pollFailureSleep);
	}

	public ConsumerSettings withRetry(RetryPolicy retry) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group,
				this.consecutiveErrorsLimit, retry, this.pollTimeout, this.pollFailureSleep);
	}

	public ConsumerSettings withPollTimeout(Duration pollTimeout) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group,
				this.consecutiveErrorsLimit, this.retry, pollTimeout, this.pollFailureSleep);
	}

	public ConsumerSettings withPollFailureSleep(Duration pollFailureSleep) {
		return new ConsumerSettings(this.name, this.transport, this.destination, this.group,
				this.consecutiveErrorsLimit, this.retry, this.pollTimeout, pollFailureSleep);
	}

	public ConsumerSettings withName(String name) {
		return new ConsumerSettings(name, this.transport, this.destination, this.group, this.consecutiveErrorsLimit,
				this.retry, this.pollTimeout, this.pollFailureSleep);
	}

}
