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

package dev.openedx.eventbus.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.openedx.eventbus.consumer.DispatchInterceptor;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.WorkerDispatcher;
import dev.openedx.eventbus.consumer.WorkerDispatcherDecorator;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.event.EventDispatcher;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;

/**
 * The configured consumer workers ({@code eventbus.consumer.workers}), started together after everything else in
 * the application context and stopped first, so listeners never see a half-built or half-closed context. A stop
 * lets each worker finish the message in hand and acknowledge what was handled.
 * <p>
 * A worker that stops on its own in the {@link ConsumerState#FAILED failed} state is reported with an
 * {@link EventBusConsumerFailedEvent}. Observability code reads and controls the workers through the
 * {@link EventBusConsumerRegistry} this implements.
 *
 * @since 0.1.0
 */
public final class EventBusWorkers implements SmartLifecycle, EventBusConsumerRegistry {

	/** The phase the workers run in: late, like spring-kafka's listener containers. */
	public static final int PHASE = Integer.MAX_VALUE - 100;

	private static final LogAccessor logger = new LogAccessor(EventBusWorkers.class);

	private final List<ConsumerSettings> definitions;

	private final EventBusConsumerFactory factory;

	private final EventDispatcher dispatcher;

	private final ConsumerObserver observer;

	private final ApplicationEventPublisher eventPublisher;

	private final boolean autoStartup;

	private final Duration shutdownTimeout;

	private final List<WorkerDispatcherDecorator> decorators;

	private final List<DispatchInterceptor> interceptors;

	private final Object lifecycleMonitor = new Object();

	private volatile List<EventBusConsumer> workers;

	private volatile boolean running;

	/**
	 * Create the workers; none starts before {@link #start()}.
	 * @param definitions the settings of each worker
	 * @param factory the transport's consumer factory
	 * @param dispatcher the dispatcher every worker hands its events to
	 * @param observer the observer every worker reports to
	 * @param eventPublisher where {@link EventBusConsumerFailedEvent}s go
	 * @param autoStartup whether the workers start with the application context
	 * @param shutdownTimeout how long a stop waits for each worker
	 */
	public EventBusWorkers(List<ConsumerSettings> definitions, EventBusConsumerFactory factory,
			EventDispatcher dispatcher, ConsumerObserver observer, ApplicationEventPublisher eventPublisher,
			boolean autoStartup, Duration shutdownTimeout) {
		this(definitions, factory, dispatcher, observer, eventPublisher, autoStartup, shutdownTimeout, List.of());
	}

	/**
	 * Create the workers, each dispatcher wrapped by the decorators (the inbox, for one); none starts before
	 * {@link #start()}.
	 * @param definitions the settings of each worker
	 * @param factory the transport's consumer factory
	 * @param dispatcher the dispatcher every worker hands its events to
	 * @param observer the observer every worker reports to
	 * @param eventPublisher where {@link EventBusConsumerFailedEvent}s go
	 * @param autoStartup whether the workers start with the application context
	 * @param shutdownTimeout how long a stop waits for each worker
	 * @param decorators applied in order to each worker's dispatcher
	 */
	public EventBusWorkers(List<ConsumerSettings> definitions, EventBusConsumerFactory factory,
			EventDispatcher dispatcher, ConsumerObserver observer, ApplicationEventPublisher eventPublisher,
			boolean autoStartup, Duration shutdownTimeout, List<? extends WorkerDispatcherDecorator> decorators) {
		this(definitions, factory, dispatcher, observer, eventPublisher, autoStartup, shutdownTimeout, decorators,
				List.of());
	}

	/**
	 * Create the workers; none starts before {@link #start()}. Each worker gets a {@link WorkerDispatcher}: its
	 * {@code event-types} (checked on each message before decoding), the interceptors around each attempt (tracing),
	 * then the decorators (the inbox, for one) around the dispatcher.
	 * @param definitions the worker definitions
	 * @param factory the transport's consumer factory
	 * @param dispatcher the dispatcher every worker hands its events to
	 * @param observer the observer every worker reports to
	 * @param eventPublisher where {@link EventBusConsumerFailedEvent}s go
	 * @param autoStartup whether the workers start with the application context
	 * @param shutdownTimeout how long a stop waits for each worker
	 * @param decorators applied in order to each worker's dispatcher
	 * @param interceptors run around each attempt of the listeners, the first one outermost
	 * @since 0.2.0
	 */
	public EventBusWorkers(List<ConsumerSettings> definitions, EventBusConsumerFactory factory,
			EventDispatcher dispatcher, ConsumerObserver observer, ApplicationEventPublisher eventPublisher,
			boolean autoStartup, Duration shutdownTimeout, List<? extends WorkerDispatcherDecorator> decorators,
			List<? extends DispatchInterceptor> interceptors) {
		this.decorators = List.copyOf(decorators);
		this.interceptors = List.copyOf(interceptors);
		this.definitions = List.copyOf(definitions);
		this.factory = Objects.requireNonNull(factory, "factory must not be null");
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		this.observer = Objects.requireNonNull(observer, "observer must not be null");
		this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher must not be null");
		this.autoStartup = autoStartup;
		this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout must not be null");
		this.workers = createWorkers();
	}

	/**
	 * The settings of each worker, in configuration order.
	 * @return the settings, never {@code null}
	 */
	public List<ConsumerSettings> getDefinitions() {
		return this.definitions;
	}

	/**
	 * The workers, in configuration order; after a restart of the context these are new instances.
	 * @return the workers, never {@code null}
	 */
	public List<EventBusConsumer> getWorkers() {
		return this.workers;
	}

	/**
	 * Find a worker by name.
	 * @param name the worker name (the key under {@code eventbus.consumer.workers})
	 * @return the worker, or empty
	 */
	public Optional<EventBusConsumer> getWorker(String name) {
		return this.workers.stream().filter((worker) -> worker.name().equals(name)).findFirst();
	}

	@Override
	public List<EventBusConsumer> getConsumers() {
		return this.workers;
	}

	@Override
	public EventBusConsumer stopConsumer(String name) {
		EventBusConsumer worker = getConsumer(name)
			.orElseThrow(() -> new IllegalArgumentException("No event bus worker named '" + name + "'"));
		logger.info(() -> "Stopping event bus worker " + name + " on request");
		worker.stop(this.shutdownTimeout);
		return worker;
	}

	@Override
	public EventBusConsumer startConsumer(String name) {
		synchronized (this.lifecycleMonitor) {
			int index = indexOf(name);
			if (!this.running) {
				throw new IllegalStateException("Event bus worker " + name + " cannot start: the workers are not "
						+ "running (eventbus.consumer.enabled=false, or a command runs instead)");
			}
			EventBusConsumer current = this.workers.get(index);
			ConsumerState state = current.status().state();
			if (state == ConsumerState.RUNNING || state == ConsumerState.STOPPING) {
				return current;
			}
			// A worker ends for good: build a new one from the same definition, in the same place.
			if (state != ConsumerState.NEW) {
				current.stop(this.shutdownTimeout);
				current = create(this.definitions.get(index));
				List<EventBusConsumer> replaced = new ArrayList<>(this.workers);
				replaced.set(index, current);
				this.workers = List.copyOf(replaced);
			}
			EventBusConsumer started = current;
			started.termination().whenComplete((end, ex) -> ended(started, end));
			logger.info(() -> "Starting event bus worker " + name + " on request");
			started.start();
			return started;
		}
	}

	/**
	 * A snapshot of every worker's status.
	 * @return the statuses, in configuration order
	 */
	public List<ConsumerStatus> getStatuses() {
		return this.workers.stream().map(EventBusConsumer::status).toList();
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			if (this.workers.stream().anyMatch((worker) -> worker.status().state() != ConsumerState.NEW)) {
				this.workers = createWorkers();
			}
			this.running = true;
			for (EventBusConsumer worker : this.workers) {
				worker.termination().whenComplete((state, ex) -> ended(worker, state));
				logger.info(() -> "Starting event bus worker " + worker.name());
				worker.start();
			}
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			List<CompletableFuture<Void>> stops = new ArrayList<>();
			for (EventBusConsumer worker : this.workers) {
				// In parallel: each stop waits for its worker's message in hand.
				CompletableFuture<Void> stop = new CompletableFuture<>();
				Thread stopper = new Thread(() -> {
					try {
						worker.stop(this.shutdownTimeout);
					}
					finally {
						stop.complete(null);
					}
				}, "eventbus-stop-" + worker.name());
				stopper.start();
				stops.add(stop);
			}
			CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private List<EventBusConsumer> createWorkers() {
		List<EventBusConsumer> created = new ArrayList<>(this.definitions.size());
		for (ConsumerSettings definition : this.definitions) {
			created.add(create(definition));
		}
		return List.copyOf(created);
	}

	private EventBusConsumer create(ConsumerSettings definition) {
		EventDispatcher decorated = this.dispatcher;
		for (WorkerDispatcherDecorator decorator : this.decorators) {
			decorated = decorator.decorate(definition, decorated);
		}
		WorkerDispatcher selected = WorkerDispatcher.of(decorated)
			.selecting(definition.eventTypes())
			.interceptedBy(this.interceptors);
		return this.factory.create(definition, selected, this.observer);
	}

	private int indexOf(String name) {
		List<EventBusConsumer> current = this.workers;
		for (int i = 0; i < current.size(); i++) {
			if (current.get(i).name().equals(name)) {
				return i;
			}
		}
		throw new IllegalArgumentException("No event bus worker named '" + name + "'");
	}

	private void ended(EventBusConsumer worker, ConsumerState state) {
		if (state != ConsumerState.FAILED) {
			return;
		}
		ConsumerStatus status = worker.status();
		logger.error(() -> "Event bus worker " + worker.name() + " failed and consumes nothing more until restarted: "
				+ status.lastError());
		try {
			this.eventPublisher.publishEvent(new EventBusConsumerFailedEvent(worker, status));
		}
		catch (RuntimeException ex) {
			logger.error(ex, () -> "Could not publish the failure of event bus worker " + worker.name());
		}
	}

}
