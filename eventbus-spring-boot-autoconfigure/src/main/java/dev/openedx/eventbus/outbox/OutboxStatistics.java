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
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How full the outbox is, read in one query.
 *
 * @param pending how many entries wait to be sent
 * @param failed how many entries were given up and wait to be resubmitted
 * @param oldestPending when the oldest pending entry was stored, or {@code null} when none is pending
 * @param readAt when this was read
 * @since 0.1.0
 */
public record OutboxStatistics(long pending, long failed, @Nullable Instant oldestPending, Instant readAt) {

	/**
	 * Nothing read yet.
	 * @param now the time
	 * @return empty statistics
	 */
	public static OutboxStatistics empty(Instant now) {
		return new OutboxStatistics(0, 0, null, now);
	}

	/**
	 * How long the oldest pending entry has waited, as of {@link #readAt()}.
	 * @return the age, {@link Duration#ZERO} when none is pending
	 */
	public Duration oldestPendingAge() {
		return (this.oldestPending != null) ? Duration.between(this.oldestPending, this.readAt) : Duration.ZERO;
	}

}
