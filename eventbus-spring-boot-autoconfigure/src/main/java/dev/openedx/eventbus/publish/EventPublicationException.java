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

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Thrown (as the failure of the future {@link EventBusPublisher#publish} returns) when an event could not be sent to
 * one or more of its topics. The first failure is the cause, the others are suppressed.
 *
 * @since 0.1.0
 */
public class EventPublicationException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final List<String> failedTopics;

	/**
	 * Create an exception.
	 * @param event the event
	 * @param failures the failure of each topic that failed, in route order; not empty
	 * @param routeCount how many routes the event was sent on
	 */
	public EventPublicationException(OpenEdxEvent<?> event, Map<String, Throwable> failures, int routeCount) {
		super(message(event, failures, routeCount), failures.values().iterator().next());
		this.failedTopics = List.copyOf(failures.keySet());
		failures.values().stream().skip(1).forEach(this::addSuppressed);
	}

	private static String message(OpenEdxEvent<?> event, Map<String, Throwable> failures, int routeCount) {
		return "Event " + event.type().type() + " id=" + event.metadata().id() + " could not be sent to "
				+ failures.size() + " of " + routeCount + " topic(s): " + failures.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + " (" + entry.getValue() + ")")
					.collect(Collectors.joining(", "));
	}

	/**
	 * The topics (without prefix) the event could not be sent to.
	 * @return the topics, never {@code null}
	 */
	public List<String> getFailedTopics() {
		return this.failedTopics;
	}

}
