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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BacklogReading;
import dev.openedx.eventbus.monitor.GroupBacklog;
import dev.openedx.eventbus.monitor.StreamRetention;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one worker: its {@link WorkerCondition} from its state, its counters and the last backlog reading,
 * with the details an operator needs (topic, group, counts, lag, last error). DOWN only when the worker failed, is
 * stuck, cannot reach its broker, or its group is about to lose entries to trimming (stopped or not); a worker
 * stopped on request is UP.
 * <pre class="code">
 * HealthIndicator worker = new WorkerHealthIndicator("enrollments", workers, backlogMonitor,
 *         Duration.ofMinutes(5), 0.1);
 * </pre>
 *
 * @since 0.1.0
 */
public final class WorkerHealthIndicator implements HealthIndicator {

	private final String worker;

	private final EventBusConsumerRegistry consumers;

	private final @Nullable BacklogMonitor monitor;

	private final Duration stuckAfter;

	private final double trimRiskMargin;

	private final Clock clock;

	/**
	 * Create an indicator.
	 * @param worker the worker name
	 * @param consumers the workers
	 * @param monitor the backlog monitor, or {@code null} (then stuck and trim risk are not detected)
	 * @param stuckAfter how long a worker with a backlog may go without handling or failing a message
	 * @param trimRiskMargin the share of a Redis stream counted as near its trim point
	 */
	public WorkerHealthIndicator(String worker, EventBusConsumerRegistry consumers, @Nullable BacklogMonitor monitor,
			Duration stuckAfter, double trimRiskMargin) {
		this(worker, consumers, monitor, stuckAfter, trimRiskMargin, Clock.systemUTC());
	}

	WorkerHealthIndicator(String worker, EventBusConsumerRegistry consumers, @Nullable BacklogMonitor monitor,
			Duration stuckAfter, double trimRiskMargin, Clock clock) {
		this.worker = Objects.requireNonNull(worker, "worker must not be null");
		this.consumers = Objects.requireNonNull(consumers, "consumers must not be null");
		this.monitor = monitor;
		this.stuckAfter = Objects.requireNonNull(stuckAfter, "stuckAfter must not be null");
		this.trimRiskMargin = trimRiskMargin;
		this.clock = clock;
	}

	@Override
	public Health health() {
		EventBusConsumer consumer = this.consumers.getConsumer(this.worker).orElse(null);
		if (consumer == null) {
			return Health.unknown().withDetail("error", "No worker named " + this.worker).build();
		}
		ConsumerStatus status = consumer.status();
		BacklogReading reading = (this.monitor != null) ? this.monitor.reading(this.worker).orElse(null) : null;
		WorkerCondition condition = condition(status, reading);
		Health.Builder builder = condition.healthy() ? Health.up() : Health.down();
		builder.withDetail("condition", condition.text())
			.withDetail("state", status.state().name())
			.withDetail("transport", status.transport())
			.withDetail("topic", status.destination())
			.withDetail("group", status.group())
			.withDetail("handled", status.handled())
			.withDetail("failures", failures(status))
			.withDetail("consecutiveFailures", status.consecutiveErrors())
			.withDetail("consecutiveFailuresLimit", status.consecutiveErrorsLimit());
		if (status.lastHandledAt() != null) {
			builder.withDetail("lastHandledAt", status.lastHandledAt().toString());
		}
		if (reading != null) {
			backlogDetails(builder, reading);
		}
		if (status.lastError() != null) {
			builder.withDetail("lastError", status.lastError());
		}
		return builder.build();
	}

	WorkerCondition condition(ConsumerStatus status, @Nullable BacklogReading reading) {
		ConsumerState state = status.state();
		if (state == ConsumerState.FAILED) {
			return WorkerCondition.FAILED;
		}
		GroupBacklog backlog = (reading != null) ? reading.backlog() : null;
		StreamRetention retention = (backlog != null) ? backlog.retention() : null;
		// Checked before the stopped state: stopping a worker on purpose is fine, losing its entries is not.
		if (retention != null && retention.atRisk(this.trimRiskMargin)) {
			return WorkerCondition.TRIM_RISK;
		}
		if (state != ConsumerState.RUNNING) {
			return WorkerCondition.STOPPED;
		}
		if (reading != null && reading.brokerUnreachable()
				&& (status.lastHandledAt() == null || status.lastHandledAt().isBefore(reading.readAt()))) {
			return WorkerCondition.UNREACHABLE;
		}
		if (backlog != null && backlog.hasBacklog() && idleFor(status, reading).compareTo(this.stuckAfter) > 0) {
			return WorkerCondition.STUCK;
		}
		if (status.consecutiveErrors() > 0) {
			return WorkerCondition.FAILING;
		}
		if (backlog != null && !backlog.hasBacklog()) {
			return WorkerCondition.IDLE;
		}
		return WorkerCondition.RUNNING;
	}

	/** How long since the worker last handled or failed a message (or started). */
	private Duration idleFor(ConsumerStatus status, BacklogReading reading) {
		Instant progress = reading.lastProgressAt();
		progress = later(progress, status.lastHandledAt());
		progress = later(progress, status.startedAt());
		return Duration.between(progress, this.clock.instant());
	}

	private static Instant later(Instant current, @Nullable Instant other) {
		return (other != null && other.isAfter(current)) ? other : current;
	}

	private static Map<String, Long> failures(ConsumerStatus status) {
		Map<String, Long> failures = new LinkedHashMap<>();
		for (FailureKind kind : FailureKind.values()) {
			long count = status.failures().getOrDefault(kind, 0L);
			if (count > 0) {
				failures.put(kind.tag(), count);
			}
		}
		return failures;
	}

	private static void backlogDetails(Health.Builder builder, BacklogReading reading) {
		GroupBacklog backlog = reading.backlog();
		if (backlog == null) {
			builder.withDetail("backlogError", String.valueOf(reading.error()));
			return;
		}
		if (backlog.lag() != null) {
			builder.withDetail("lag", backlog.lag());
		}
		if (backlog.pending() != null) {
			builder.withDetail("pending", backlog.pending());
		}
		builder.withDetail("backlogReadAt", backlog.readAt().toString());
		StreamRetention retention = backlog.retention();
		if (retention != null) {
			Map<String, Object> trim = new LinkedHashMap<>();
			trim.put("streamLength", retention.length());
			trim.put("streamMaxLength", retention.maxLength());
			trim.put("headroom", Math.round(retention.headroom() * 1000) / 1000.0);
			if (retention.firstEntryId() != null) {
				trim.put("firstEntryId", retention.firstEntryId());
			}
			if (retention.oldestUnhandledId() != null) {
				trim.put("oldestUnhandledId", retention.oldestUnhandledId());
			}
			trim.put("trimmed", retention.trimmed());
			builder.withDetail("retention", trim);
		}
	}

}
