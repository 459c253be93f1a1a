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

package dev.openedx.eventbus.kafka;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown when the schema registry cannot register or return a schema. The message names the registry URL and the
 * subject or schema id; {@link #status()} and {@link #errorCode()} give the HTTP status and Confluent error code when
 * the registry answered.
 *
 * @since 0.1.0
 */
public class SchemaRegistryException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final int errorCode;

	public SchemaRegistryException(String message, int status, int errorCode) {
		super(message);
		this.status = status;
		this.errorCode = errorCode;
	}

	public SchemaRegistryException(String message, Throwable cause) {
		this(message, 0, 0, cause);
	}

	/**
	 * Create an exception for an answer of the registry that a cause explains.
	 * @param message what failed, naming the registry URL and the subject or id
	 * @param status the HTTP status, or 0 when no answer came
	 * @param errorCode the Confluent error code, or 0
	 * @param cause the cause
	 * @since 0.2.0
	 */
	public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.errorCode = errorCode;
	}

	/**
	 * The HTTP status the registry answered.
	 * @return the status, or 0 when no answer came (connection failure, timeout)
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The Confluent error code, for example {@code 40403} (schema not found) or {@code 409} (incompatible schema).
	 * @return the code, or 0 when unknown
	 */
	public int errorCode() {
		return this.errorCode;
	}

}
