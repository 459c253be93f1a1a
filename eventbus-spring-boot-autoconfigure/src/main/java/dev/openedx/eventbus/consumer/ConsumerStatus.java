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

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a worker for health, metrics and the actuator endpoint.
 *
 * @param name the worker name
 * @param transport {@code kafka} or {@code redis}
 * @param destination the full topic or stream name
 * @param group the consumer group
 * @param state the state
 * @param handled how many events the listeners handled
 * @param failures how many messages failed, by kind
 * @param consecutiveErrors failures since the last handled event
 * @param consecutiveErrorsLimit the limit, 0 for none
 * @param lastError a one-line description of the last failure, or {@code null}
 * @param lastHandledAt when an event was last handled, or {@code null}
 * @param lastPolledAt when the source last answered a poll, or {@code null}
 * @param startedAt when the worker started, or {@code null}
 * @since 0.1.0
 */
public record ConsumerStatus(String name, String transport, String destination, String group, ConsumerState state,
		long handled, Map<FailureKind, Long> failures, int consecutiveErrors, int consecutiveErrorsLimit,
		@Nullable String lastError, @Nullable Instant lastHandledAt, @Nullable Instant lastPolledAt,
		@Nullable Instant startedAt) {

	public ConsumerStatus {
		failures = Map.copyOf(failures);
	}

	/**
	 * Total failures of all kinds.
	 * @return the sum
	 */
	public long failed() {
		return this.failures.values().stream().mapToLong(Long::longValue).sum();
	}

}
