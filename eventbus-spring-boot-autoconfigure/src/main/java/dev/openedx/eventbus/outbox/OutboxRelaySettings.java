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

package dev.openedx.eventbus.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link OutboxRelay} works.
 *
 * @param batchSize most entries locked and sent in one round
 * @param pollInterval how often the relay looks for entries when no commit woke it (after a crash, a restart, an
 * outage, or for entries another instance stored)
 * @param sendTimeout how long a round waits for the broker's acknowledgements; entries without one are retried
 * @param retryInitialInterval wait before a destination whose send failed is tried again
 * @param retryMaxInterval longest wait between two tries of a failing destination
 * @param giveUpAfter entries still failing to send this long after they were stored are given up (failed)
 * @param retention how long sent entries are kept; {@link Duration#ZERO} deletes them once acknowledged
 * @param statisticsInterval how often the pending count and the oldest entry's age are read
 * @param unsentWarning an entry unsent for longer than this is logged at ERROR (and the health reads DOWN)
 * @since 0.1.0
 */
public record OutboxRelaySettings(int batchSize, Duration pollInterval, Duration sendTimeout,
		Duration retryInitialInterval, Duration retryMaxInterval, Duration giveUpAfter, Duration retention,
		Duration statisticsInterval, Duration unsentWarning) {

	public OutboxRelaySettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1");
		}
		Objects.requireNonNull(pollInterval, "pollInterval must not be null");
		Objects.requireNonNull(sendTimeout, "sendTimeout must not be null");
		Objects.requireNonNull(retryInitialInterval, "retryInitialInterval must not be null");
		Objects.requireNonNull(retryMaxInterval, "retryMaxInterval must not be null");
		Objects.requireNonNull(giveUpAfter, "giveUpAfter must not be null");
		Objects.requireNonNull(retention, "retention must not be null");
		Objects.requireNonNull(statisticsInterval, "statisticsInterval must not be null");
		Objects.requireNonNull(unsentWarning, "unsentWarning must not be null");
	}

	/**
	 * The defaults of {@code eventbus.producer.outbox.*}.
	 * @return the defaults
	 */
	public static OutboxRelaySettings defaults() {
		return new OutboxRelaySettings(500, Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(1),
				Duration.ofMinutes(1), Duration.ofDays(1), Duration.ZERO, Duration.ofSeconds(10),
				Duration.ofMinutes(5));
	}

}
