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

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerObserver;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Counts and times sends by outcome ({@value EventBusMeters#PRODUCER_EVENTS}, {@value EventBusMeters#PRODUCER_SEND},
 * with or without tracing) and tracks the time since the last event sent to
 * each topic ({@value EventBusMeters#PRODUCER_TIME_SINCE_LAST_EVENT}, counted from startup until the first one). The
 * meters of every route in the routing table are registered up front and resolved once, not per event.
 * <pre class="code">
 * ProducerObserver metrics = new EventBusProducerMetrics(meterRegistry, routes, "kafka", "stage");
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventBusProducerMetrics implements ProducerObserver {

	private final MeterRegistry registry;

	private final String transport;

	private final Clock clock;

	private final Map<EventRoute, RouteMeters> configured;

	// Routes outside the table (the produce-event command's): few, resolved on first use.
	private final Map<String, RouteMeters> adHoc = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> lastSent = new ConcurrentHashMap<>();

	/**
	 * Create the meters of every route.
	 * @param registry where the meters go
	 * @param routes the routing table
	 * @param transport {@code kafka} or {@code redis}
	 */
	public EventBusProducerMetrics(MeterRegistry registry, EventRoutes routes, String transport) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.clock = registry.config().clock();
		Map<EventRoute, RouteMeters> meters = new IdentityHashMap<>();
		for (EventRoute route : routes.all()) {
			meters.put(route, meters(route));
		}
		this.configured = meters;
	}

	@Override
	public void sent(EventRoute route, OpenEdxEvent<?> event, SendReceipt receipt, long nanos) {
		RouteMeters meters = resolve(route);
		meters.success.increment();
		meters.successTime.record(nanos, TimeUnit.NANOSECONDS);
		meters.lastSent.set(this.clock.wallTime());
	}

	@Override
	public void failed(EventRoute route, OpenEdxEvent<?> event, Throwable error) {
		resolve(route).failure.increment();
	}

	@Override
	public void failed(EventRoute route, OpenEdxEvent<?> event, Throwable error, long nanos) {
		RouteMeters meters = resolve(route);
		meters.failure.increment();
		meters.failureTime.record(nanos, TimeUnit.NANOSECONDS);
	}

	private RouteMeters resolve(EventRoute route) {
		RouteMeters meters = this.configured.get(route);
		return (meters != null) ? meters
				: this.adHoc.computeIfAbsent(route.eventType().type() + " " + route.destination(), (key) -> meters(route));
	}

	private RouteMeters meters(EventRoute route) {
		Tags tags = Tags.of(EventBusMeters.TRANSPORT, this.transport, EventBusMeters.TOPIC, route.destination(),
				EventBusMeters.EVENT_TYPE, route.eventType().type());
		Counter success = Counter.builder(EventBusMeters.PRODUCER_EVENTS)
			.description("Events sent to the event bus")
			.tags(tags)
			.tag(EventBusMeters.OUTCOME, EventBusMeters.SUCCESS)
			.register(this.registry);
		Counter failure = Counter.builder(EventBusMeters.PRODUCER_EVENTS)
			.description("Events sent to the event bus")
			.tags(tags)
			.tag(EventBusMeters.OUTCOME, EventBusMeters.FAILURE)
			.register(this.registry);
		return new RouteMeters(success, failure, sendTimer(tags, EventBusMeters.SUCCESS),
				sendTimer(tags, EventBusMeters.FAILURE), lastSent(route.destination()));
	}

	private Timer sendTimer(Tags tags, String outcome) {
		return Timer.builder(EventBusMeters.PRODUCER_SEND)
			.description("Time from a send to the broker's acknowledgement (success) or to the failure")
			.tags(tags)
			.tag(EventBusMeters.OUTCOME, outcome)
			.register(this.registry);
	}

	private AtomicLong lastSent(String topic) {
		return this.lastSent.computeIfAbsent(topic, (name) -> {
			AtomicLong last = new AtomicLong(this.clock.wallTime());
			TimeGauge.builder(EventBusMeters.PRODUCER_TIME_SINCE_LAST_EVENT, last, TimeUnit.MILLISECONDS,
					(value) -> Math.max(0, this.clock.wallTime() - value.get()))
				.description("Time since the last event was sent to the topic (since startup before the first)")
				.tags(EventBusMeters.TRANSPORT, this.transport, EventBusMeters.TOPIC, name)
				.register(this.registry);
			return last;
		});
	}

	/**
	 * The time since the last event was sent to a topic, as the gauge reports it.
	 * @param topic the full topic name
	 * @return the time, or {@code null} when no route sends to it
	 */
	@Nullable Duration timeSinceLastEvent(String topic) {
		AtomicLong last = this.lastSent.get(topic);
		return (last != null) ? Duration.ofMillis(this.clock.wallTime() - last.get()) : null;
	}

	private record RouteMeters(Counter success, Counter failure, Timer successTime, Timer failureTime,
			AtomicLong lastSent) {
	}

}
