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

package dev.openedx.eventbus.avro;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown when an event key field (edx-event-bus-kafka's {@code event_key_field}) does not lead to a non-null
 * primitive value of the event type's data: a path that does not exist, ends on a record, array or map, or crosses
 * or ends on a nullable field (Python producers cannot use such paths either).
 *
 * @since 0.1.0
 */
public class InvalidKeyFieldException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	private final String path;

	private final String reason;

	/**
	 * Create an exception.
	 * @param eventType the event type string, for example {@code org.openedx.learning.course.enrollment.created.v1}
	 * @param path the dotted key path, for example {@code enrollment.course.course_key}
	 * @param reason why, in one sentence
	 */
	public InvalidKeyFieldException(String eventType, String path, String reason) {
		super("Event key field '" + path + "' of event type " + eventType + " is not usable: " + reason);
		this.eventType = eventType;
		this.path = path;
		this.reason = reason;
	}

	/**
	 * The event type string.
	 * @return the event type, never {@code null}
	 */
	public String eventType() {
		return this.eventType;
	}

	/**
	 * The rejected dotted path.
	 * @return the path, never {@code null}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Why the path cannot be used.
	 * @return the reason, never {@code null}
	 */
	public String reason() {
		return this.reason;
	}

}
