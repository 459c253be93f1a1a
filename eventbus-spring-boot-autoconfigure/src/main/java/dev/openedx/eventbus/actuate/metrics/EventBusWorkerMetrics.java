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

package dev.openedx.eventbus.actuate.metrics;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BacklogReading;
import dev.openedx.eventbus.monitor.GroupBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Gauges of each configured worker: consumer lag ({@value EventBusMeters#CONSUMER_LAG}) and, on Redis, pending
 * entries ({@value EventBusMeters#CONSUMER_PENDING}) per group and topic, as last read by the {@link BacklogMonitor}
 * (so they keep moving while the worker is stopped); whether it runs ({@value EventBusMeters#CONSUMER_RUNNING}); its
 * consecutive failures ({@value EventBusMeters#CONSUMER_CONSECUTIVE_FAILURES}). A gauge reads {@code NaN} when the
 * broker could not tell.
 * <pre class="code">
 * new EventBusWorkerMetrics(workers, backlogMonitor).bindTo(meterRegistry);
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventBusWorkerMetrics implements MeterBinder {

	private final EventBusConsumerRegistry consumers;

	private final @Nullable BacklogMonitor monitor;

	/**
	 * Create the binder.
	 * @param consumers the workers
	 * @param monitor the backlog monitor, or {@code null} for no lag gauges
	 */
	public EventBusWorkerMetrics(EventBusConsumerRegistry consumers, @Nullable BacklogMonitor monitor) {
		this.consumers = Objects.requireNonNull(consumers, "consumers must not be null");
		this.monitor = monitor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (EventBusConsumer consumer : this.consumers.getConsumers()) {
			ConsumerStatus status = consumer.status();
			String name = status.name();
			Tags group = Tags.of(EventBusMeters.TRANSPORT, status.transport(), EventBusMeters.TOPIC,
					status.destination(), EventBusMeters.GROUP, status.group());
			Tags worker = group.and(EventBusMeters.WORKER, name);
			Gauge.builder(EventBusMeters.CONSUMER_RUNNING, this, status((s) -> (s.state() == ConsumerState.RUNNING)
					? 1 : 0, name))
				.description("1 while the worker runs, 0 when it is stopped or failed")
				.tags(worker)
				.register(registry);
			Gauge.builder(EventBusMeters.CONSUMER_CONSECUTIVE_FAILURES, this,
					status(ConsumerStatus::consecutiveErrors, name))
				.description("Failures in a row of the worker; it stops at its consecutive-errors limit")
				.tags(worker)
				.register(registry);
			if (this.monitor != null) {
				Gauge.builder(EventBusMeters.CONSUMER_LAG, this, backlog(GroupBacklog::lag, name))
					.description("Messages of the topic not yet delivered to the group")
					.tags(group)
					.register(registry);
				if ("redis".equals(status.transport())) {
					Gauge.builder(EventBusMeters.CONSUMER_PENDING, this, backlog(GroupBacklog::pending, name))
						.description("Entries delivered to the group's consumers and not yet acknowledged")
						.tags(group)
						.register(registry);
				}
			}
		}
	}

	private static ToDoubleFunction<EventBusWorkerMetrics> status(ToDoubleFunction<ConsumerStatus> value,
			String worker) {
		return (metrics) -> metrics.consumers.getConsumer(worker)
			.map((consumer) -> value.applyAsDouble(consumer.status()))
			.orElse(Double.NaN);
	}

	private static ToDoubleFunction<EventBusWorkerMetrics> backlog(
			java.util.function.Function<GroupBacklog, @Nullable Long> value, String worker) {
		return (metrics) -> {
			BacklogMonitor monitor = metrics.monitor;
			BacklogReading reading = (monitor != null) ? monitor.reading(worker).orElse(null) : null;
			GroupBacklog backlog = (reading != null) ? reading.backlog() : null;
			Long number = (backlog != null) ? value.apply(backlog) : null;
			return (number != null) ? number : Double.NaN;
		};
	}

}
