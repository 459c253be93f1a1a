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

package dev.openedx.eventbus.command;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.worker.EventBusExitCodes;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.DispatchInterceptor;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.WorkerDispatcher;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.TopicNames;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * {@code consume-events}: runs one worker in the foreground, like {@code manage.py consume_events}. Every event goes
 * to the application's listeners; with {@code --output} it is then written as one JSON line and flushed, before it is
 * acknowledged. The exit status is 0 after {@code --max-events} or a stop request, and 1 when the worker failed (its
 * consecutive-errors limit, for instance): Python exits 0 in every case, which keeps supervisors from restarting a
 * consumer that gave up.
 *
 * @since 0.1.0
 */
public final class ConsumeEventsCommand {

	private static final LogAccessor logger = new LogAccessor(ConsumeEventsCommand.class);

	private final @Nullable EventBusConsumerFactory factory;

	private final EventDispatcher dispatcher;

	private final ConsumerObserver observer;

	private final ConsumerSettings template;

	private final @Nullable String topicPrefix;

	private final EventCatalog catalog;

	private final EventJson json;

	private final String transport;

	private final boolean consumersEnabled;

	private final Duration shutdownTimeout;

	private final List<DispatchInterceptor> interceptors;

	private final AtomicReference<EventBusConsumer> running = new AtomicReference<>();

	/**
	 * Create the command.
	 * @param factory the transport's consumer factory, or {@code null} when the bus is disabled
	 * @param dispatcher the application's dispatcher
	 * @param observer the observer of the worker
	 * @param template the settings every worker starts from, bound from {@code eventbus.consumer.*} and the
	 * transport's consumer properties; the command sets the destination, group, event types and {@code --extra}
	 * @param topicPrefix the topic prefix applied to {@code --topic} ({@code eventbus.topic-prefix}), or {@code null}
	 * @param catalog the known event types
	 * @param json the JSON form of events
	 * @param transport {@code kafka} or {@code redis}, which decides the accepted {@code --extra} keys
	 * @param consumersEnabled {@code eventbus.consumer.enabled}
	 * @param shutdownTimeout how long a stop request waits for the worker
	 */
	public ConsumeEventsCommand(@Nullable EventBusConsumerFactory factory, EventDispatcher dispatcher,
			ConsumerObserver observer, ConsumerSettings template, @Nullable String topicPrefix, EventCatalog catalog,
			EventJson json, String transport, boolean consumersEnabled, Duration shutdownTimeout) {
		this(factory, dispatcher, observer, template, topicPrefix, catalog, json, transport, consumersEnabled,
				shutdownTimeout, List.of());
	}

	/**
	 * Create the command.
	 * @param factory the transport's consumer factory, or {@code null} when the bus is disabled
	 * @param dispatcher the application's dispatcher
	 * @param observer the observer of the worker
	 * @param template the settings every worker starts from, bound from {@code eventbus.consumer.*} and the
	 * transport's consumer properties; the command sets the destination, group, event types and {@code --extra}
	 * @param topicPrefix the topic prefix applied to {@code --topic} ({@code eventbus.topic-prefix}), or {@code null}
	 * @param catalog the known event types
	 * @param json the JSON form of events
	 * @param transport {@code kafka} or {@code redis}, which decides the accepted {@code --extra} keys
	 * @param consumersEnabled {@code eventbus.consumer.enabled}
	 * @param shutdownTimeout how long a stop request waits for the worker
	 * @param interceptors run around each attempt of the listeners (tracing), the first one outermost
	 * @since 0.2.0
	 */
	public ConsumeEventsCommand(@Nullable EventBusConsumerFactory factory, EventDispatcher dispatcher,
			ConsumerObserver observer, ConsumerSettings template, @Nullable String topicPrefix, EventCatalog catalog,
			EventJson json, String transport, boolean consumersEnabled, Duration shutdownTimeout,
			List<? extends DispatchInterceptor> interceptors) {
		this.interceptors = List.copyOf(interceptors);
		this.factory = factory;
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		this.observer = Objects.requireNonNull(observer, "observer must not be null");
		this.template = Objects.requireNonNull(template, "template must not be null");
		this.topicPrefix = topicPrefix;
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.json = Objects.requireNonNull(json, "json must not be null");
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.consumersEnabled = consumersEnabled;
		this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout must not be null");
	}

	/**
	 * Consume until the worker stops.
	 * @param arguments the command's arguments
	 * @param stdout where {@code --output -} writes
	 * @return the exit status
	 * @throws CommandUsageException when an argument cannot be used
	 */
	public int run(CommandArguments.ConsumeEvents arguments, PrintStream stdout) {
		Set<String> eventTypes = new LinkedHashSet<>();
		for (String type : arguments.eventTypes()) {
			if (this.catalog.find(type).isEmpty()) {
				throw new CommandUsageException("Unknown event type '" + type + "' (-s): it is neither in the Open edX "
						+ "catalog nor declared by the application");
			}
			eventTypes.add(type);
		}
		ConsumerSettings definition = ExtraOptions.apply(this.template
			.forWorker(arguments.topic() + "/" + arguments.groupId(),
					TopicNames.fullName(this.topicPrefix, arguments.topic()), arguments.groupId())
			.withEventTypes(eventTypes), arguments.extra(), this.transport);
		if (!this.consumersEnabled) {
			logger.error("Event bus consumers are not enabled (eventbus.consumer.enabled=false), exiting.");
			return EventBusExitCodes.SUCCESS;
		}
		if (this.factory == null) {
			logger.error("No event bus transport is configured (eventbus.enabled=false, or the transport's "
					+ "auto-configuration backed off), so nothing can be consumed.");
			return EventBusExitCodes.FAILURE;
		}
		JsonLinesOutput output;
		try {
			output = (arguments.output() != null) ? JsonLinesOutput.open(arguments.output(), stdout) : null;
		}
		catch (IOException ex) {
			throw new CommandUsageException("Cannot open --output " + arguments.output() + ": " + ex.getMessage(), ex);
		}
		try {
			return consume(definition, arguments.maxEvents(), output);
		}
		finally {
			closeQuietly(output);
		}
	}

	/**
	 * Ask a running worker to stop; it acknowledges what was handled and the command returns.
	 */
	public void stop() {
		EventBusConsumer worker = this.running.get();
		if (worker != null) {
			worker.stop(this.shutdownTimeout);
		}
	}

	private int consume(ConsumerSettings definition, @Nullable Long maxEvents, @Nullable JsonLinesOutput output) {
		AtomicReference<EventBusConsumer> self = new AtomicReference<>();
		AtomicLong handled = new AtomicLong();
		AtomicReference<IOException> outputFailure = new AtomicReference<>();
		EventDispatcher command = (event) -> {
			this.dispatcher.dispatch(event);
			if (output != null) {
				try {
					output.write(this.json.toJson(event));
				}
				catch (IOException ex) {
					outputFailure.set(ex);
					// Stop first: the engine does not acknowledge a message that failed while a stop was asked for.
					self.get().stop(Duration.ZERO);
					throw ex;
				}
			}
			if (maxEvents != null && handled.incrementAndGet() >= maxEvents) {
				self.get().stop(Duration.ZERO);
			}
		};
		EventBusConsumer worker = this.factory.create(definition,
				WorkerDispatcher.of(command).selecting(definition.eventTypes()).interceptedBy(this.interceptors),
				this.observer);
		self.set(worker);
		this.running.set(worker);
		logger.info(() -> "Consuming " + definition.destination() + " with group " + definition.group() + " ("
				+ this.transport + ")" + ((maxEvents != null) ? ", at most " + maxEvents + " events" : "")
				+ ((output != null) ? ", writing events to " + output : ""));
		try {
			worker.start();
			ConsumerState end = worker.termination().join();
			if (outputFailure.get() != null) {
				logger.error(outputFailure.get(), () -> "Stopped: cannot write to " + output);
				return EventBusExitCodes.FAILURE;
			}
			if (end == ConsumerState.FAILED) {
				logger.error(() -> "Stopped: " + worker.status().lastError());
				return EventBusExitCodes.FAILURE;
			}
			logger.info(() -> "Stopped after " + worker.status().handled() + " handled events");
			return EventBusExitCodes.SUCCESS;
		}
		finally {
			this.running.set(null);
		}
	}

	private static void closeQuietly(@Nullable JsonLinesOutput output) {
		if (output == null) {
			return;
		}
		try {
			output.close();
		}
		catch (IOException ex) {
			logger.warn(ex, () -> "Could not close " + output);
		}
	}

}
