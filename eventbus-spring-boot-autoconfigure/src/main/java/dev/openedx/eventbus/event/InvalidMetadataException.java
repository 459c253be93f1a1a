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
 * Thrown when {@link EventsMetadata} would carry a value that a Python Open edX consumer rejects (for example a
 * non-UTC time or a {@code sourcelib} that is not dot-separated integers), or when metadata read from the wire
 * cannot be parsed.
 *
 * @since 0.1.0
 */
public class InvalidMetadataException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String field;

	/**
	 * Create an exception.
	 * @param field the metadata field, for example {@code time}
	 * @param message the message, saying what failed and where
	 */
	public InvalidMetadataException(String field, String message) {
		super("Invalid event metadata field '" + field + "': " + message);
		this.field = field;
	}

	/**
	 * Create an exception.
	 * @param field the metadata field, for example {@code time}
	 * @param message the message, saying what failed and where
	 * @param cause the underlying failure
	 */
	public InvalidMetadataException(String field, String message, Throwable cause) {
		super("Invalid event metadata field '" + field + "': " + message, cause);
		this.field = field;
	}

	/**
	 * Name of the offending metadata field as Python spells it ({@code time}, {@code sourcelib}, ...).
	 * @return the field name, never {@code null}
	 */
	public String field() {
		return this.field;
	}

}
