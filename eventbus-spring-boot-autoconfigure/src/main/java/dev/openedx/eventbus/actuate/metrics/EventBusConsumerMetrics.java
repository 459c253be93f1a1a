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

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.OpenEdxEvent;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * The worker meters fed by the consumer engine's hooks: messages finished by outcome
 * ({@value EventBusMeters#CONSUMER_EVENTS}), failures by kind ({@value EventBusMeters#CONSUMER_FAILURES}), listener
 * time ({@value EventBusMeters#CONSUMER_HANDLING}), retries, poll failures and the time since the group last handled
 * an event ({@value EventBusMeters#CONSUMER_TIME_SINCE_LAST_EVENT}, counted from the worker's start until the first).
 * Tags are transport, topic, group and, where known, event type; meters are resolved once per worker and event type.
 * <pre class="code">
 * ConsumerObserver metrics = new EventBusConsumerMetrics(meterRegistry, eventCatalog);
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventBusConsumerMetrics implements ConsumerObserver {

	private final MeterRegistry registry;

	private final EventCatalog catalog;

	private final Clock clock;

	private final Map<String, WorkerMeters> workers = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> lastHandled = new ConcurrentHashMap<>();

	/**
	 * Create the observer; meters are registered as workers start.
	 * @param registry where the meters go
	 * @param catalog the event types this service knows: other types are tagged {@code unknown}, so a producer
	 * cannot create tags at will
	 */
	public EventBusConsumerMetrics(MeterRegistry registry, EventCatalog catalog) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.clock = registry.config().clock();
	}

	@Override
	public void stateChanged(ConsumerSettings worker, ConsumerState previous, ConsumerState next,
			@Nullable String reason) {
		if (next == ConsumerState.RUNNING) {
			meters(worker);
		}
	}

	@Override
	public void handled(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, long nanos) {
		WorkerMeters meters = meters(worker);
		TypeMeters type = meters.type(event.type().type());
		type.success.increment();
		type.handling.record(nanos, TimeUnit.NANOSECONDS);
		meters.lastHandled.set(this.clock.wallTime());
	}

	@Override
	public void failed(ConsumerSettings worker, InboundMessage message, ConsumeFailureException failure) {
		WorkerMeters meters = meters(worker);
		meters.failures.get(failure.kind()).increment();
		meters.type(knownType(message.eventType())).failure.increment();
	}

	@Override
	public void retrying(ConsumerSettings worker, InboundMessage message, Throwable error, int attempt) {
		meters(worker).retries.increment();
	}

	@Override
	public void pollFailed(ConsumerSettings worker, Throwable error) {
		meters(worker).pollFailures.increment();
	}

	@Override
	public void lost(ConsumerSettings worker, String reason, long count) {
		// Rare: a counter per worker and reason, found again by the registry rather than kept here.
		Counter.builder(EventBusMeters.CONSUMER_LOST)
			.description("Messages lost before the group read them (a Redis stream trimmed past them), by reason")
			.tags(meters(worker).tags)
			.tag(EventBusMeters.WORKER, worker.name())
			.tag(EventBusMeters.REASON, reason)
			.register(this.registry)
			.increment(count);
	}

	private String knownType(@Nullable String type) {
		return (type != null && this.catalog.find(type).isPresent()) ? type : EventBusMeters.UNKNOWN;
	}

	private WorkerMeters meters(ConsumerSettings worker) {
		WorkerMeters meters = this.workers.get(worker.name());
		return (meters != null) ? meters : this.workers.computeIfAbsent(worker.name(), (name) -> create(worker));
	}

	private WorkerMeters create(ConsumerSettings worker) {
		Tags tags = Tags.of(EventBusMeters.TRANSPORT, worker.transport(), EventBusMeters.TOPIC, worker.destination(),
				EventBusMeters.GROUP, worker.group());
		Map<FailureKind, Counter> failures = new EnumMap<>(FailureKind.class);
		for (FailureKind kind : FailureKind.values()) {
			failures.put(kind, Counter.builder(EventBusMeters.CONSUMER_FAILURES)
				.description("Messages that failed for good, by failure kind")
				.tags(tags)
				.tag(EventBusMeters.FAILURE_KIND, kind.tag())
				.register(this.registry));
		}
		Counter retries = Counter.builder(EventBusMeters.CONSUMER_RETRIES)
			.description("Listener attempts that failed and were retried")
			.tags(tags)
			.register(this.registry);
		Counter pollFailures = Counter.builder(EventBusMeters.CONSUMER_POLL_FAILURES)
			.description("Polls that failed or messages deferred: broker, connection or schema registry trouble")
			.tags(tags)
			.register(this.registry);
		// Workers of one group on one topic share a series.
		AtomicLong last = this.lastHandled.computeIfAbsent(worker.destination() + "\u0000" + worker.group(), (key) -> {
			AtomicLong since = new AtomicLong(this.clock.wallTime());
			TimeGauge.builder(EventBusMeters.CONSUMER_TIME_SINCE_LAST_EVENT, since, TimeUnit.MILLISECONDS,
					(value) -> Math.max(0, this.clock.wallTime() - value.get()))
				.description("Time since the group last handled an event of the topic (since its worker started "
						+ "before the first)")
				.tags(tags)
				.register(this.registry);
			return since;
		});
		return new WorkerMeters(tags, failures, retries, pollFailures, last);
	}

	private final class WorkerMeters {

		private final Tags tags;

		private final Map<FailureKind, Counter> failures;

		private final Counter retries;

		private final Counter pollFailures;

		private final AtomicLong lastHandled;

		private final Map<String, TypeMeters> types = new ConcurrentHashMap<>();

		WorkerMeters(Tags tags, Map<FailureKind, Counter> failures, Counter retries, Counter pollFailures,
				AtomicLong lastHandled) {
			this.tags = tags;
			this.failures = failures;
			this.retries = retries;
			this.pollFailures = pollFailures;
			this.lastHandled = lastHandled;
		}

		TypeMeters type(String eventType) {
			TypeMeters meters = this.types.get(eventType);
			return (meters != null) ? meters : this.types.computeIfAbsent(eventType, this::create);
		}

		private TypeMeters create(String eventType) {
			Tags typed = this.tags.and(EventBusMeters.EVENT_TYPE, eventType);
			MeterRegistry registry = EventBusConsumerMetrics.this.registry;
			Counter success = Counter.builder(EventBusMeters.CONSUMER_EVENTS)
				.description("Messages a worker finished with, by outcome")
				.tags(typed)
				.tag(EventBusMeters.OUTCOME, EventBusMeters.SUCCESS)
				.register(registry);
			Counter failure = Counter.builder(EventBusMeters.CONSUMER_EVENTS)
				.description("Messages a worker finished with, by outcome")
				.tags(typed)
				.tag(EventBusMeters.OUTCOME, EventBusMeters.FAILURE)
				.register(registry);
			Timer handling = Timer.builder(EventBusMeters.CONSUMER_HANDLING)
				.description("Time the listeners took on an event, retries included")
				.tags(typed)
				.register(registry);
			return new TypeMeters(success, failure, handling);
		}

	}

	private record TypeMeters(Counter success, Counter failure, Timer handling) {
	}

}
