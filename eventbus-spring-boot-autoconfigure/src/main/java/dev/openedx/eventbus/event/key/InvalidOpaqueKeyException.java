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

package dev.openedx.eventbus.event.key;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown when text is not a valid opaque key of the requested class. The message quotes the text, names the key
 * class, says what was wrong with it when that is known, and lists the forms the class accepts.
 *
 * @since 0.1.0
 */
public class InvalidOpaqueKeyException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String keyType;

	private final String value;

	private final @Nullable String reason;

	/**
	 * Create an exception.
	 * @param keyType the key class name, for example {@code CourseKey}
	 * @param value the text that was refused
	 * @param expected the syntax the key expects
	 */
	public InvalidOpaqueKeyException(String keyType, String value, String expected) {
		this(keyType, value, expected, null);
	}

	/**
	 * Create an exception that also says what was wrong with the text.
	 * @param keyType the key class name, for example {@code CourseKey}
	 * @param value the rejected text
	 * @param expected the forms the key class accepts
	 * @param reason what was wrong, or {@code null} when only the expected forms are known
	 */
	public InvalidOpaqueKeyException(String keyType, String value, String expected, @Nullable String reason) {
		super("'" + value + "' is not a valid " + keyType + ((reason != null) ? " (" + reason + ")" : "")
				+ "; expected " + expected);
		this.keyType = keyType;
		this.value = value;
		this.reason = reason;
	}

	/**
	 * The key class name, for example {@code CourseKey}.
	 * @return the key type
	 */
	public String keyType() {
		return this.keyType;
	}

	/**
	 * The rejected text.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

	/**
	 * What was wrong with the text, when known.
	 * @return the reason, or {@code null}
	 */
	public @Nullable String reason() {
		return this.reason;
	}

}
