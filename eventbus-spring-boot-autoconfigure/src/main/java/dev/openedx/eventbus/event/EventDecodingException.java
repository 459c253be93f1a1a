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
 * Thrown when bytes (or JSON) cannot be decoded into event data: truncated or garbage input, a value that does not
 * fit its field (an opaque key that does not parse, a malformed date-time), a missing required field. The message
 * names the event type and, where known, the dotted path of the field.
 *
 * @since 0.1.0
 */
public class EventDecodingException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	/**
	 * Create an exception.
	 * @param eventType the event type string, for example {@code org.openedx.learning.course.enrollment.created.v1}
	 * @param message the message, saying what failed and where
	 */
	public EventDecodingException(String eventType, String message) {
		super(eventType + ": " + message);
		this.eventType = eventType;
	}

	/**
	 * Create an exception.
	 * @param eventType the event type string, for example {@code org.openedx.learning.course.enrollment.created.v1}
	 * @param message the message, saying what failed and where
	 * @param cause the underlying failure
	 */
	public EventDecodingException(String eventType, String message, Throwable cause) {
		super(eventType + ": " + message, cause);
		this.eventType = eventType;
	}

	public String eventType() {
		return this.eventType;
	}

}
