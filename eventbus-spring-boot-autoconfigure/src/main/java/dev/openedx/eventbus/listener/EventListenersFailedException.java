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

package dev.openedx.eventbus.listener;

import java.util.List;
import java.util.stream.Collectors;

import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Thrown by the dispatcher when more than one listener failed on an event received from the bus: every
 * {@code @OpenEdxEventListener} method ran, then the failures are raised together (Python's {@code ReceiverError}).
 * The first failure is the cause, the others are suppressed.
 *
 * @since 0.1.0
 */
public class EventListenersFailedException extends EventBusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param event the event the listeners failed on
	 * @param failures the failures, at least two
	 */
	EventListenersFailedException(OpenEdxEvent<?> event, List<ListenerFailures.Failure> failures) {
		super(failures.size() + " listeners failed on " + event.type().type() + " id=" + event.metadata().id() + ": "
				+ failures.stream()
					.map((failure) -> failure.listener() + "=" + failure.error())
					.collect(Collectors.joining("; ")),
				failures.get(0).error());
		failures.stream().skip(1).forEach((failure) -> addSuppressed(failure.error()));
	}

}
