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

import org.apache.avro.Schema;

/**
 * Where a Kafka consumer finds the schema a value was written with, by the id in its Confluent frame: the schema
 * registry ({@link SchemaRegistryClient}) in production, an in-memory table in tests.
 * <pre class="code">
 * WriterSchemas schemas = new SchemaRegistryClient(SchemaRegistrySettings.of("http://localhost:8081"));
 * Schema writer = schemas.schemaById(2);
 * </pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WriterSchemas {

	/**
	 * The schema registered under an id.
	 * @param id the id read from a message frame
	 * @return the schema, never {@code null}
	 * @throws UnusableSchemaException when the id has a schema this consumer cannot read (not Avro, with
	 * references, none at all)
	 * @throws SchemaRegistryException when the id is unknown ({@link SchemaRegistryException#status()} 404), the
	 * request is refused (400, 422), the credentials are (401, 403), or the schemas cannot be reached right now (0 for
	 * no answer, or any other status)
	 */
	Schema schemaById(int id);

}
