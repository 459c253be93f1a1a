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
import java.util.Set;

import dev.openedx.eventbus.consumer.RetryPolicy;

/**
 * The application-wide consumer settings ({@code eventbus.consumer.*}) every worker starts from.
 *
 * @param consecutiveErrorsLimit stop after this many failures in a row; 0 for never
 * @param retry the retry policy for listener failures
 * @param pollFailureSleep first wait after a failed poll
 * @param maxTransientWait how long one message may be kept back by transient failures before it is failed for good
 * @param maxMessageSize the largest value or entry, in bytes, that is decoded
 * @param failurePolicy what to do with a message that failed for good
 * @since 0.1.0
 */
public record WorkerDefaults(int consecutiveErrorsLimit, RetryPolicy retry, Duration pollFailureSleep,
		Duration maxTransientWait, int maxMessageSize, FailurePolicy failurePolicy) {

	public WorkerDefaults {
		Objects.requireNonNull(retry, "retry must not be null");
		Objects.requireNonNull(pollFailureSleep, "pollFailureSleep must not be null");
		Objects.requireNonNull(maxTransientWait, "maxTransientWait must not be null");
		Objects.requireNonNull(failurePolicy, "failurePolicy must not be null");
	}

	/**
	 * Python's defaults: no limit, no retry, one second failure sleep, log and skip.
	 * @return the defaults
	 */
	public static WorkerDefaults python() {
		return new WorkerDefaults(0, RetryPolicy.NONE, Duration.ofSeconds(1),
				ConsumerSettings.DEFAULT_MAX_TRANSIENT_WAIT, ConsumerSettings.DEFAULT_MAX_MESSAGE_SIZE,
				FailurePolicy.LOG_AND_SKIP);
	}

	/**
	 * A definition with these defaults, every event type, the transport's start position and no replay.
	 * @param name the worker name
	 * @param topic the topic or stream name on the broker, topic prefix applied
	 * @param groupId the consumer group
	 * @return the definition, never {@code null}
	 */
	public WorkerDefinition definition(String name, String topic, String groupId) {
		return new WorkerDefinition(name, topic, groupId, Set.of(), this.consecutiveErrorsLimit, this.retry,
				this.pollFailureSleep, this.maxTransientWait, this.maxMessageSize, this.failurePolicy, null,
				null, WorkerDefinition.RedisOptions.NONE);
	}

}
