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

/**
 * Thrown when the schema registry answers for a schema id, but with nothing this consumer can read the value with:
 * a schema that is not Avro ({@code schemaType} {@code PROTOBUF} or {@code JSON}), an Avro schema with references
 * (to other subjects, which this client does not resolve), an answer without a schema, or text that does not parse as
 * Avro. Asking again gives the same answer, so a message written with that id is undecodable, unlike one that meets
 * a registry that cannot answer right now.
 *
 * @since 0.2.0
 */
public class UnusableSchemaException extends SchemaRegistryException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what the registry answered, for which id, and at which URL
	 */
	public UnusableSchemaException(String message) {
		super(message, 200, 0);
	}

	/**
	 * Create an exception with the parser's failure.
	 * @param message what the registry answered, for which id, and at which URL
	 * @param cause the parser's exception
	 */
	public UnusableSchemaException(String message, Throwable cause) {
		super(message, 200, 0, cause);
	}

}
