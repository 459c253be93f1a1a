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

package dev.openedx.eventbus.test;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.openedx.eventbus.kafka.SchemaRegistryException;
import dev.openedx.eventbus.kafka.WriterSchemas;
import org.apache.avro.Schema;

/**
 * The schema registry of the in-memory transport: one id per distinct schema (as a Confluent registry gives them),
 * in registration order from {@value #FIRST_ID}, so they never clash with the small ids of another registry that a
 * test names for the writer schemas of raw records from another service.
 */
final class InMemoryWriterSchemas implements WriterSchemas {

	static final int FIRST_ID = 1001;

	private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();

	private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();

	private final AtomicInteger lastId = new AtomicInteger(FIRST_ID - 1);

	/**
	 * The id of a schema, registering it when new.
	 * @param schema the schema
	 * @return its id
	 */
	synchronized int register(Schema schema) {
		Integer id = this.ids.get(schema);
		if (id != null) {
			return id;
		}
		int next = this.lastId.incrementAndGet();
		while (this.byId.containsKey(next)) {
			next = this.lastId.incrementAndGet();
		}
		this.byId.put(next, schema);
		this.ids.put(schema, next);
		return next;
	}

	/**
	 * Register a schema under the id another service's registry gave it.
	 * @param id the id in the frames of that service's records
	 * @param schema the schema
	 * @throws IllegalArgumentException when the id already names another schema
	 */
	synchronized void put(int id, Schema schema) {
		Objects.requireNonNull(schema, "schema must not be null");
		Schema existing = this.byId.get(id);
		if (existing != null && !existing.equals(schema)) {
			throw new IllegalArgumentException("Schema id " + id + " already names another schema: " + existing
					+ "; a registry gives one id one schema");
		}
		this.byId.put(id, schema);
		this.ids.putIfAbsent(schema, id);
	}

	@Override
	public Schema schemaById(int id) {
		Schema schema = this.byId.get(id);
		if (schema == null) {
			throw new SchemaRegistryException("The in-memory schema registry has no schema with id "
					+ Integer.toUnsignedString(id) + " (register a raw record's writer schema with "
					+ "InboundEvents.registerSchema)", 404, 40403);
		}
		return schema;
	}

}
