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

package dev.openedx.eventbus.test;

import java.util.Objects;

import dev.openedx.eventbus.consumer.FailureKind;
import org.jspecify.annotations.Nullable;

/**
 * What became of one delivered message in one consumer group, once the worker acknowledged it.
 * <pre class="code">
 * DeliveryOutcome outcome = inbound.deliver("learning-course-enrollment-lifecycle", event).awaitOutcome();
 * assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DEAD_LETTERED);
 * assertThat(outcome.failureKind()).isEqualTo(FailureKind.HANDLER_ERROR);
 * </pre>
 *
 * @param worker the worker that took the message
 * @param group the worker's consumer group
 * @param result what happened
 * @param failureKind why it failed for good, or {@code null} when it did not fail
 * @param failure the failure's message, or {@code null}
 * @param attempts how many times the listeners were called (0 when the message never reached them)
 * @since 0.1.0
 */
public record DeliveryOutcome(String worker, String group, Result result, @Nullable FailureKind failureKind,
		@Nullable String failure, int attempts) {

	public DeliveryOutcome {
		Objects.requireNonNull(worker, "worker must not be null");
		Objects.requireNonNull(group, "group must not be null");
		Objects.requireNonNull(result, "result must not be null");
	}

	/**
	 * What a worker did with a message.
	 */
	public enum Result {

		/** The listeners returned (possibly after retries). */
		HANDLED,

		/** The event is not one of the worker's {@code event-types}: acknowledged without calling the listeners. */
		FILTERED,

		/** It failed for good and the failure policy {@code log-and-skip} logged it (Python's behaviour). */
		SKIPPED,

		/** It failed for good and the failure policy {@code dead-letter} copied it to the dead-letter topic. */
		DEAD_LETTERED

	}

}
