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

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Bounded retry with exponential backoff for listener failures ({@link FailureKind#HANDLER_ERROR} only). Decode and
 * metadata failures are never retried.
 *
 * @param maxAttempts how many times a listener is called in all, 1 meaning no retry
 * @param initialInterval wait before the second attempt
 * @param multiplier factor applied to the wait after each attempt
 * @param maxInterval longest wait between two attempts
 * @since 0.1.0
 */
public record RetryPolicy(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval) {

	/** One attempt, no retry: Python's behaviour. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("multiplier must be at least 1.0, was " + multiplier);
		}
	}

	/**
	 * The sum of the waits between the attempts at one message, the longest retrying can hold it back.
	 * @return the total wait, zero without retry
	 * @since 0.2.0
	 */
	public Duration totalWait() {
		BackOffExecution execution = start();
		long total = 0;
		for (long wait = execution.nextBackOff(); wait != BackOffExecution.STOP; wait = execution.nextBackOff()) {
			total += wait;
		}
		return Duration.ofMillis(total);
	}

	/**
	 * Start counting attempts for one message.
	 * @return a fresh execution whose {@code nextBackOff()} gives each wait, then {@link BackOffExecution#STOP}
	 */
	BackOffExecution start() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.initialInterval.toMillis(), this.multiplier);
		backOff.setMaxInterval(this.maxInterval.toMillis());
		backOff.setMaxAttempts(this.maxAttempts - 1);
		return ((BackOff) backOff).start();
	}

}
