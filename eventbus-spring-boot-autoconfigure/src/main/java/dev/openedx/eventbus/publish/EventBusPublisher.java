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

package dev.openedx.eventbus.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerObserver;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * Sends events to the bus where the routing table says so: once per enabled route of the event's type. Events
 * published through Spring's {@code ApplicationEventPublisher} reach it through the event bus's own listener; call it
 * directly to wait for the broker:
 * <pre class="code">
 * List&lt;SendReceipt&gt; receipts = eventBusPublisher
 *         .publish(LearningEvents.COURSE_ENROLLMENT_CREATED.event(enrollment))
 *         .get(10, TimeUnit.SECONDS);
 * </pre>
 * No method throws for a failed send: every failure, also one raised while encoding, completes the returned future
 * exceptionally and is counted.
 *
 * @since 0.1.0
 */
public class EventBusPublisher {

	private static final LogAccessor logger = new LogAccessor(EventBusPublisher.class);

	private final EventRoutes routes;

	private final EventBusProducer producer;

	private final EventMetadataStamper stamper;

	private final List<ProducerObserver> observers;

	private final SendScheduler scheduler;

	private final @Nullable EventOutbox outbox;

	private final LongAdder sent = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder dropped = new LongAdder();

	/**
	 * Create a publisher.
	 * @param routes the routing table
	 * @param producer the transport's producer
	 * @param stamper stamps events without metadata with this service's origin
	 * @param observers the observers to call on every send, in order
	 * @param scheduler when the sends run
	 */
	public EventBusPublisher(EventRoutes routes, EventBusProducer producer, EventMetadataStamper stamper,
			List<? extends ProducerObserver> observers, SendScheduler scheduler) {
		this(routes, producer, stamper, observers, scheduler, null);
	}

	/**
	 * Create a publisher that stores events in a transactional outbox when the outbox
	 * {@linkplain EventOutbox#takesEvents() takes them}, and sends them otherwise.
	 * @param routes the routing table
	 * @param producer the transport's producer
	 * @param stamper stamps events without metadata with this service's origin
	 * @param observers the observers to call on every send, in order
	 * @param scheduler when the sends run
	 * @param outbox the outbox, or {@code null} for none
	 */
	public EventBusPublisher(EventRoutes routes, EventBusProducer producer, EventMetadataStamper stamper,
			List<? extends ProducerObserver> observers, SendScheduler scheduler, @Nullable EventOutbox outbox) {
		this.outbox = outbox;
		this.routes = Objects.requireNonNull(routes, "routes must not be null");
		this.producer = Objects.requireNonNull(producer, "producer must not be null");
		this.stamper = Objects.requireNonNull(stamper, "stamper must not be null");
		this.observers = List.copyOf(observers);
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
	}

	/**
	 * Send an event on every enabled route of its type (read when the sends run).
	 * @param event the event, never one received from the bus; stamped with this service's origin if it was not yet
	 * @return a future completed with one receipt per route it was sent on (empty when none is enabled), or
	 * exceptionally with an {@link EventPublicationException} naming the topics that failed; cancelled when
	 * {@link SendMode#AFTER_COMMIT} or the outbox discards the event because its transaction rolled back. With an
	 * outbox that takes the event, the receipts (transport {@code outbox}) come when the transaction commits; the
	 * relay sends it afterwards
	 * @throws IllegalArgumentException when the event was received from the bus: it is never sent back
	 * @throws EventOutboxException when the outbox cannot store the event (the transaction must not commit)
	 */
	public CompletableFuture<List<SendReceipt>> publish(OpenEdxEvent<?> event) {
		Objects.requireNonNull(event, "event must not be null");
		if (event.fromEventBus()) {
			throw new IllegalArgumentException(event + " was received from the event bus and is never sent back");
		}
		this.stamper.stamp(event);
		if (this.routes.routesOf(event.type()).isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		if (this.outbox != null && this.outbox.takesEvents()) {
			List<EventRoute> enabled = enabledRoutes(event);
			return enabled.isEmpty() ? CompletableFuture.completedFuture(List.of())
					: this.outbox.store(event, enabled);
		}
		return this.scheduler.schedule(event, () -> sendEnabledRoutes(event));
	}

	/**
	 * Send an event to one topic, whatever the routing table says (what the {@code produce-event} command does).
	 * @param topic the topic or stream without prefix; the routing table's topic prefix is applied
	 * @param eventKeyField the dotted path of the key in the data; required by Kafka, unused by Redis
	 * @param event the event, stamped with this service's origin if it was not yet
	 * @return a future completed with the receipt, or exceptionally with the failure
	 */
	public CompletableFuture<SendReceipt> send(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		Objects.requireNonNull(topic, "topic must not be null");
		Objects.requireNonNull(event, "event must not be null");
		this.stamper.stamp(event);
		return send(this.routes.route(event.type(), topic, eventKeyField), event);
	}

	/**
	 * How many sends the broker acknowledged since startup.
	 * @return the count
	 */
	public long getSentCount() {
		return this.sent.sum();
	}

	/**
	 * How many sends failed since startup.
	 * @return the count
	 */
	public long getFailedCount() {
		return this.failed.sum();
	}

	/**
	 * How many sends were dropped since startup because their route was switched off (one per event and route).
	 * @return the count
	 */
	public long getDroppedCount() {
		return this.dropped.sum();
	}

	private List<EventRoute> enabledRoutes(OpenEdxEvent<?> event) {
		List<EventRoute> enabled = new ArrayList<>();
		for (EventRoute route : this.routes.routesOf(event.type())) {
			if (route.isEnabled()) {
				enabled.add(route);
			}
			else {
				drop(route, event);
			}
		}
		return enabled;
	}

	private CompletableFuture<List<SendReceipt>> sendEnabledRoutes(OpenEdxEvent<?> event) {
		List<EventRoute> enabled = enabledRoutes(event);
		if (enabled.isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		List<CompletableFuture<SendReceipt>> sends = new ArrayList<>(enabled.size());
		for (EventRoute route : enabled) {
			sends.add(send(route, event));
		}
		return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
			List<SendReceipt> receipts = new ArrayList<>(sends.size());
			Map<String, Throwable> failures = new LinkedHashMap<>();
			for (int i = 0; i < sends.size(); i++) {
				try {
					receipts.add(sends.get(i).join());
				}
				catch (CompletionException ex) {
					failures.put(enabled.get(i).destination(), unwrap(ex));
				}
			}
			if (!failures.isEmpty()) {
				throw new EventPublicationException(event, failures, enabled.size());
			}
			return List.copyOf(receipts);
		});
	}

	private CompletableFuture<SendReceipt> send(EventRoute route, OpenEdxEvent<?> event) {
		long started = System.nanoTime();
		CompletableFuture<SendReceipt> send;
		try {
			send = this.producer.send(route.destination(), route.eventKeyField(), event);
		}
		catch (RuntimeException ex) {
			send = CompletableFuture.failedFuture(ex);
		}
		return send.whenComplete((receipt, ex) -> {
			long nanos = System.nanoTime() - started;
			if (ex == null) {
				this.sent.increment();
				notifyObservers(route, (observer) -> observer.sent(route, event, receipt, nanos));
			}
			else {
				this.failed.increment();
				Throwable cause = unwrap(ex);
				notifyObservers(route, (observer) -> observer.failed(route, event, cause, nanos));
			}
		});
	}

	// Loud on purpose: a route switched off loses every event published meanwhile, which must not go unnoticed.
	private void drop(EventRoute route, OpenEdxEvent<?> event) {
		this.dropped.increment();
		logger.warn(() -> "Event " + event.metadata().id() + " (" + event.type().type() + ") was not sent to "
				+ route.destination() + ": the route is switched off (eventbus endpoint); switch it on to send again");
		notifyObservers(route, (observer) -> observer.dropped(route, event));
	}

	private void notifyObservers(EventRoute route, Consumer<ProducerObserver> call) {
		for (ProducerObserver observer : this.observers) {
			try {
				call.accept(observer);
			}
			catch (RuntimeException ex) {
				logger.warn(ex, () -> "Producer observer " + observer + " failed for " + route);
			}
		}
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
	}

}
