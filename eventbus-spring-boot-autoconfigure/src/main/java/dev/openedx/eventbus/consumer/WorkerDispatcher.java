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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

/**
 * What a worker hands its messages to: the event types it selects ({@code event-types}), the
 * {@link DispatchInterceptor interceptors} around each attempt, and the listeners. It is an {@link EventDispatcher}, so
 * it travels through {@link EventBusConsumerFactory#create} and the transports' consumers unchanged; the
 * {@link ConsumerWorker} that receives one checks the selection on each message's type header or field
 * ({@link InboundMessage#eventType()}) <em>before</em> decoding it, so a message of another type is acknowledged
 * without being decoded, dead-lettered, counted or deferred. A plain dispatcher selects every type and has no
 * interceptor.
 * <pre class="code">
 * EventDispatcher dispatcher = WorkerDispatcher.of(listeners)
 *     .selecting(Set.of("org.openedx.learning.course.enrollment.created.v1"))
 *     .interceptedBy(List.of(tracing));
 * EventBusConsumer worker = factory.create(definition, dispatcher, observer);
 * </pre>
 *
 * @since 0.2.0
 */
public final class WorkerDispatcher implements EventDispatcher {

	private final EventDispatcher listeners;

	private final Set<String> eventTypes;

	private final List<DispatchInterceptor> interceptors;

	private WorkerDispatcher(EventDispatcher listeners, Set<String> eventTypes,
			List<DispatchInterceptor> interceptors) {
		this.listeners = listeners;
		this.eventTypes = Set.copyOf(eventTypes);
		this.interceptors = List.copyOf(interceptors);
	}

	/**
	 * The worker dispatcher of a dispatcher: itself when it is one, else one that selects every event type and has no
	 * interceptor.
	 * @param dispatcher the dispatcher, must not be {@code null}
	 * @return the worker dispatcher, never {@code null}
	 */
	public static WorkerDispatcher of(EventDispatcher dispatcher) {
		Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		return (dispatcher instanceof WorkerDispatcher worker) ? worker
				: new WorkerDispatcher(dispatcher, Set.of(), List.of());
	}

	/**
	 * A copy that selects only these event types.
	 * @param eventTypes the event types (as in {@code ce_type}); empty for all
	 * @return a new worker dispatcher
	 */
	public WorkerDispatcher selecting(Set<String> eventTypes) {
		return new WorkerDispatcher(this.listeners, Objects.requireNonNull(eventTypes, "eventTypes must not be null"),
				this.interceptors);
	}

	/**
	 * A copy with these interceptors added inside the ones it has, the first one outermost.
	 * @param interceptors the interceptors
	 * @return a new worker dispatcher, or this one when there is none to add
	 */
	public WorkerDispatcher interceptedBy(List<? extends DispatchInterceptor> interceptors) {
		if (interceptors.isEmpty()) {
			return this;
		}
		List<DispatchInterceptor> all = new ArrayList<>(this.interceptors);
		all.addAll(interceptors);
		return new WorkerDispatcher(this.listeners, this.eventTypes, all);
	}

	/**
	 * The selected event types.
	 * @return the event types, empty for all
	 */
	public Set<String> eventTypes() {
		return this.eventTypes;
	}

	/**
	 * Whether a message of this type goes to the listeners.
	 * @param eventType the raw type of the message, or {@code null} when it has none (then only decoding can tell,
	 * and a message without a type is a failure of its own)
	 * @return {@code true} when every type is selected, the type is one of them, or the type is unknown
	 */
	public boolean selects(@Nullable String eventType) {
		return this.eventTypes.isEmpty() || eventType == null || this.eventTypes.contains(eventType);
	}

	/**
	 * Run one attempt of the interceptors and the listeners on an event a worker decoded.
	 * @param worker the worker's settings
	 * @param message the message
	 * @param event the event
	 * @throws Exception what an interceptor or listener threw
	 */
	public void dispatch(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event) throws Exception {
		dispatch(0, worker, message, event);
	}

	private void dispatch(int index, ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event)
			throws Exception {
		if (index == this.interceptors.size()) {
			this.listeners.dispatch(event);
			return;
		}
		this.interceptors.get(index).intercept(worker, message, event, (e) -> dispatch(index + 1, worker, message, e));
	}

	/**
	 * Hand an event to the listeners when its type is selected, without interceptors (there is no message to give
	 * them).
	 * @param event the event
	 * @throws Exception what the listeners threw
	 */
	@Override
	public void dispatch(OpenEdxEvent<?> event) throws Exception {
		if (selects(event.type().type())) {
			this.listeners.dispatch(event);
		}
	}

	@Override
	public String toString() {
		return "WorkerDispatcher[eventTypes=" + (this.eventTypes.isEmpty() ? "all" : this.eventTypes)
				+ ", interceptors=" + this.interceptors + ", listeners=" + this.listeners + "]";
	}

}
