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

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.apache.avro.Schema;

import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;

/**
 * The message key of an event type, compiled once from an edx-event-bus-kafka {@code event_key_field} path such as
 * {@code enrollment.course.course_key}: where the value sits in the data record, its Avro primitive schema, and its
 * Avro binary form (what a Kafka key carries after the Confluent framing).
 * <pre class="code">
 * EventKeyField key = codec.keyField(LearningEvents.COURSE_ENROLLMENT_CREATED, "enrollment.course.course_key");
 * String subject = topic + "-" + key.primitiveName(); // learning-course-enrollment-lifecycle-string
 * byte[] avro = key.encode(enrollment);
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventKeyField {

	private final EventType<?> eventType;

	private final String path;

	private final List<String> segments;

	private final Function<Object, Object>[] getters;

	private final ScalarCodec leaf;

	private final PrimitiveCodec avroForm;

	EventKeyField(EventType<?> eventType, String path, List<String> segments, List<Function<Object, Object>> getters,
			ScalarCodec leaf) {
		this.eventType = eventType;
		this.path = path;
		this.segments = List.copyOf(segments);
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Function<Object, Object>[] array = getters.toArray(new Function[0]);
		this.getters = array;
		this.leaf = leaf;
		this.avroForm = PrimitiveCodec.ofAvroForm(leaf.avroType());
	}

	/**
	 * The event type this key belongs to.
	 * @return the event type, never {@code null}
	 */
	public EventType<?> eventType() {
		return this.eventType;
	}

	/**
	 * The dotted path, starting with the data key.
	 * @return for example {@code enrollment.course.course_key}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The Avro schema of the key: a primitive.
	 * @return a {@code string}, {@code long}, {@code boolean} or {@code double} schema
	 */
	public Schema schema() {
		return Schema.create(this.leaf.avroType());
	}

	/**
	 * The Avro primitive type name, which the Kafka key subject ends with ({@code <topic>-string}).
	 * @return {@code string}, {@code long}, {@code boolean} or {@code double}
	 */
	public String primitiveName() {
		return this.leaf.avroType().getName();
	}

	/**
	 * The key value of some event data, in Avro form.
	 * @param data the event data, an instance of the event type's data record
	 * @return a {@code String} (also for opaque keys, UUIDs and date-times), {@code Long}, {@code Boolean} or
	 * {@code Double}, never {@code null}
	 * @throws EventEncodingException naming the event type and path when a field on the way is {@code null}
	 */
	public Object value(Object data) {
		if (!this.eventType.dataType().isInstance(data)) {
			throw new EventEncodingException(this.eventType.type(), "key field '" + this.path + "' cannot be read from "
					+ ((data != null) ? data.getClass().getName() : "null") + "; the data of this event type is "
					+ this.eventType.dataType().getName());
		}
		Object current = data;
		for (int i = 0; i < this.getters.length; i++) {
			current = this.getters[i].apply(current);
			if (current == null) {
				throw new EventEncodingException(this.eventType.type(), "field '"
						+ String.join(".", this.segments.subList(0, i + 2)) + "' of key field '" + this.path
						+ "' is null, but it is required");
			}
		}
		return this.leaf.toAvro(current);
	}

	/**
	 * The Avro binary encoding of the key value (no framing).
	 * @param data the event data
	 * @return the bytes, never {@code null}
	 * @throws EventEncodingException naming the event type and path when the value cannot be read
	 */
	public byte[] encode(Object data) {
		Object value = value(data);
		AvroOutput output = AvroOutput.acquire();
		try {
			this.avroForm.write(value, output.encoder());
			return output.toByteArray();
		}
		catch (IOException ex) {
			throw new EventEncodingException(this.eventType.type(), "key field '" + this.path + "': " + ex, ex);
		}
		finally {
			output.release();
		}
	}

	@Override
	public String toString() {
		return "EventKeyField[" + this.eventType.type() + " " + this.path + ": " + primitiveName() + "]";
	}

	static List<String> split(String path) {
		return Arrays.asList(path.split("\\.", -1));
	}

}
