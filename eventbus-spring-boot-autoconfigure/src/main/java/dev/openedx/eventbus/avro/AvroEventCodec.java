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

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.UnserializableEventException;

/**
 * The Avro codec of Open edX events, byte for byte what openedx-events writes: the schema is derived from the data
 * record (see {@link #schema(EventType)}) and the data is written as plain Avro binary of the top-level
 * {@code CloudEvent} record, with no framing (Redis carries these bytes as they are; Kafka adds the Confluent
 * framing).
 * <p>
 * Everything is prepared once per event type, on first use: the schema, and a tree of field writers and readers
 * bound to the record accessors and canonical constructors, so encoding goes straight from the record to Avro's
 * binary encoder and decoding straight back, with no generic records and no reflection per event. Thread-safe.
 * <pre class="code">
 * AvroEventCodec codec = new AvroEventCodec();
 * byte[] bytes = codec.encode(LearningEvents.COURSE_ENROLLMENT_CREATED, enrollment);
 * CourseEnrollmentData back = codec.decode(LearningEvents.COURSE_ENROLLMENT_CREATED, bytes);
 * </pre>
 * Value mapping: strings, {@code long} (also Java {@code int}), {@code double}, {@code boolean}; date-times as
 * Python's {@code isoformat()} text (text without offset, which naive Python datetimes produce, is read as UTC);
 * UUIDs and opaque keys as their string form; lists as arrays; maps as Avro maps written in sorted key order, as
 * Python writes them. Errors name the event type and the dotted field path.
 *
 * @since 0.1.0
 */
public final class AvroEventCodec implements EventCodec {

	private final ConcurrentMap<EventType<?>, Object> models = new ConcurrentHashMap<>();

	/**
	 * A codec with empty caches; each event type is prepared on first use.
	 */
	public AvroEventCodec() {
	}

	/**
	 * Parse an Avro schema as openedx-events' schemas need it: with name validation off, because one event type
	 * ({@code org.openedx.enterprise.subsidy.redemption-reversed.v1}) has a namespace Avro's default validation
	 * refuses. For writer schemas fetched from a schema registry.
	 * @param json the schema JSON
	 * @return the schema, never {@code null}
	 * @throws org.apache.avro.SchemaParseException when the text is not an Avro schema
	 */
	public static Schema parseSchema(String json) {
		return new Schema.Parser(NameValidator.NO_VALIDATION).parse(json);
	}

	/**
	 * The Avro schema of an event type, derived from its data record once and cached: the record
	 * {@code CloudEvent} in the event type's namespace, one field named after the data key, nested records named
	 * after their classes (or {@code @WireName}), {@code @Nullable} components as {@code ["null", T]} with default
	 * {@code null}.
	 * @param type the event type
	 * @return the schema, never {@code null}
	 * @throws UnserializableEventException when the event type cannot travel on the bus, or a component type has
	 * no Avro mapping (the message names the field path)
	 */
	public Schema schema(EventType<?> type) {
		return model(type).schema();
	}

	/**
	 * The 64-bit Rabin fingerprint of an event type's schema in Avro's parsing canonical form
	 * ({@code SchemaNormalization.parsingFingerprint64}): what a store of encoded events (the transactional outbox)
	 * keeps to tell whether bytes written earlier still match the schema of this codec.
	 * @param type the event type
	 * @return the fingerprint
	 * @throws UnserializableEventException when the event type cannot travel on the bus
	 */
	public long schemaFingerprint(EventType<?> type) {
		return model(type).fingerprint();
	}

	/**
	 * Encode event data as Avro binary.
	 * @param <D> the data type
	 * @param type the event type
	 * @param data the data
	 * @return the bytes, never {@code null}
	 * @throws EventEncodingException naming the event type and field path (a required field is {@code null}, a
	 * value cannot be represented)
	 * @throws UnserializableEventException when the event type cannot travel on the bus
	 */
	@Override
	public <D> byte[] encode(EventType<D> type, D data) {
		return model(type).encode(data);
	}

	/**
	 * Decode Avro binary written with this event type's schema.
	 * @param <D> the data type
	 * @param type the event type
	 * @param bytes the bytes, exactly one record
	 * @return the data, never {@code null}
	 * @throws EventDecodingException naming the event type and field path on truncated or malformed input, bytes
	 * left after the record (a schema mismatch), or values that do not parse (opaque keys, date-times)
	 */
	@Override
	public <D> D decode(EventType<D> type, byte[] bytes) {
		return decode(type, bytes, 0, bytes.length);
	}

	/**
	 * Decode Avro binary written with this event type's schema, from part of an array.
	 * @param <D> the data type
	 * @param type the event type
	 * @param bytes the array
	 * @param offset where the record starts
	 * @param length the length of the record
	 * @return the data, never {@code null}
	 * @throws EventDecodingException as {@link #decode(EventType, byte[])}
	 */
	public <D> D decode(EventType<D> type, byte[] bytes, int offset, int length) {
		return type.dataType().cast(model(type).decode(bytes, offset, length));
	}

	/**
	 * Decode Avro binary written with another schema (the writer schema a Kafka message names through the schema
	 * registry), resolving it into this event type's schema by Avro's rules: fields the reader lacks are skipped,
	 * nullable fields the writer lacks take their default. Equal schemas take the fast path; the resolution is
	 * prepared once per writer schema.
	 * @param <D> the data type
	 * @param type the event type
	 * @param bytes the array
	 * @param offset where the record starts
	 * @param length the length of the record
	 * @param writerSchema the schema the bytes were written with
	 * @return the data, never {@code null}
	 * @throws EventDecodingException as {@link #decode(EventType, byte[])}, or when the writer schema cannot be
	 * resolved into this event type's schema (naming the incompatibilities)
	 */
	public <D> D decode(EventType<D> type, byte[] bytes, int offset, int length, Schema writerSchema) {
		return type.dataType().cast(model(type).decode(bytes, offset, length, writerSchema));
	}

	/**
	 * The key field of an event type, compiled once per path.
	 * @param type the event type
	 * @param eventKeyField a dotted path starting with the data key, for example
	 * {@code enrollment.course.course_key}
	 * @return the key field, never {@code null}
	 * @throws InvalidKeyFieldException naming the event type, path and reason when the path does not reach a
	 * non-null primitive value
	 */
	public EventKeyField keyField(EventType<?> type, String eventKeyField) {
		Objects.requireNonNull(eventKeyField, "eventKeyField must not be null");
		return model(type).keyField(eventKeyField);
	}

	EventTypeModel model(EventType<?> type) {
		Object model = this.models.get(type);
		if (model == null) {
			if (!type.busCapable()) {
				throw new UnserializableEventException(type.type(), type.unserializableReason());
			}
			model = this.models.computeIfAbsent(type, AvroEventCodec::derive);
		}
		if (model instanceof EventTypeModel eventTypeModel) {
			return eventTypeModel;
		}
		throw new UnserializableEventException(type.type(), (String) model);
	}

	/**
	 * The model, or the reason it cannot be built (kept, so a bad type fails fast every time without deriving
	 * again).
	 */
	private static Object derive(EventType<?> type) {
		try {
			return SchemaDerivation.derive(type);
		}
		catch (UnserializableEventException ex) {
			String prefix = "Event type '" + type.type() + "' cannot be sent on the event bus: ";
			String message = ex.getMessage();
			return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
		}
	}

}
