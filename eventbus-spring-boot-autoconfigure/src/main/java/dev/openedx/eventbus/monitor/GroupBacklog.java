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

package dev.openedx.eventbus.monitor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How far behind one consumer group is on one topic or stream, as read from the broker.
 *
 * @param readAt when it was read
 * @param lag messages not yet delivered to the group: on Kafka the sum over partitions of the end offset minus the
 * committed offset (minus the log start offset where the group committed nothing yet); on Redis the group's
 * {@code lag} from {@code XINFO GROUPS}; {@code null} when the broker cannot tell (Redis before 7.0, or after entries
 * were deleted)
 * @param pending Redis only: entries delivered to the group's consumers and not yet acknowledged; {@code null} on
 * Kafka
 * @param retention Redis only: where the group's oldest unhandled entry is relative to the stream's trim point;
 * {@code null} on Kafka
 * @since 0.1.0
 */
public record GroupBacklog(Instant readAt, @Nullable Long lag, @Nullable Long pending,
		@Nullable StreamRetention retention) {

	/**
	 * Whether the group has anything left to do: lag or pending entries.
	 * @return {@code true} when the lag or the pending count is above zero
	 */
	public boolean hasBacklog() {
		return (this.lag != null && this.lag > 0) || (this.pending != null && this.pending > 0);
	}

}
