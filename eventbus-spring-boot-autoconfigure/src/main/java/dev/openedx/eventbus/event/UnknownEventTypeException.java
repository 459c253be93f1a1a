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

package dev.openedx.eventbus.event;

/**
 * Thrown when an event type string is not in the {@link EventCatalog} in use.
 *
 * @since 0.1.0
 */
public class UnknownEventTypeException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	/**
	 * Create an exception.
	 * @param eventType the event type string, for example {@code org.openedx.learning.course.enrollment.created.v1}
	 */
	public UnknownEventTypeException(String eventType) {
		super("Unknown event type '" + eventType
				+ "': it is neither in the Open edX catalog nor declared by the application as an EventType bean");
		this.eventType = eventType;
	}

	public String eventType() {
		return this.eventType;
	}

}
