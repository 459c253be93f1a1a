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

package dev.openedx.eventbus.actuate.health;

import java.time.Duration;
import java.util.Objects;

import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.OutboxStatistics;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The outbox part of the {@code eventbus} health: DOWN when the oldest pending event waited longer than the
 * threshold ({@code eventbus.producer.outbox.unsent-threshold}), with the pending and failed counts as details.
 * Reads the statistics the relay refreshes, never the database itself.
 *
 * @since 0.1.0
 */
public final class OutboxHealthIndicator extends AbstractHealthIndicator {

	private final OutboxRelay relay;

	private final Duration threshold;

	/**
	 * Create the indicator.
	 * @param relay the outbox relay
	 * @param threshold the age of the oldest pending event above which the outbox is DOWN
	 */
	public OutboxHealthIndicator(OutboxRelay relay, Duration threshold) {
		super("Outbox health check failed");
		this.relay = Objects.requireNonNull(relay, "relay must not be null");
		this.threshold = Objects.requireNonNull(threshold, "threshold must not be null");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		OutboxStatistics statistics = this.relay.getStatistics();
		Duration age = statistics.oldestPendingAge();
		boolean late = age.compareTo(this.threshold) > 0;
		(late ? builder.down() : builder.up()).withDetail("pending", statistics.pending())
			.withDetail("failed", statistics.failed())
			.withDetail("oldestPendingAge", age.toString())
			.withDetail("threshold", this.threshold.toString())
			.withDetail("readAt", statistics.readAt().toString());
	}

}
