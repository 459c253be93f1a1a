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

import java.util.Set;

import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;

import org.springframework.core.log.LogAccessor;

/**
 * Hands only the selected event types to the listeners; the others are acknowledged without being dispatched, as a
 * deliberate choice of the worker's configuration (not a failure).
 *
 * @since 0.1.0
 */
public final class EventTypeFilteringDispatcher implements EventDispatcher {

	private static final LogAccessor logger = new LogAccessor(EventTypeFilteringDispatcher.class);

	private final Set<String> eventTypes;

	private final EventDispatcher delegate;

	private EventTypeFilteringDispatcher(Set<String> eventTypes, EventDispatcher delegate) {
		this.eventTypes = Set.copyOf(eventTypes);
		this.delegate = delegate;
	}

	/**
	 * A dispatcher that passes only the given event types on.
	 * @param eventTypes the event types; empty for all
	 * @param delegate the dispatcher to pass them to
	 * @return the filtering dispatcher, or the delegate itself when every type passes
	 */
	public static EventDispatcher of(Set<String> eventTypes, EventDispatcher delegate) {
		return eventTypes.isEmpty() ? delegate : new EventTypeFilteringDispatcher(eventTypes, delegate);
	}

	@Override
	public void dispatch(OpenEdxEvent<?> event) throws Exception {
		if (this.eventTypes.contains(event.type().type())) {
			this.delegate.dispatch(event);
		}
		else {
			logger.debug(() -> "Skipping " + event + ": not one of the selected event types " + this.eventTypes);
		}
	}

}
