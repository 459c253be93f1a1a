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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.ResolvingDecoder;
import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;

/**
 * Everything compiled for one event type: its schema, its codec tree, the resolving plans for other writer schemas
 * and its key fields.
 */
final class EventTypeModel {

	// Writer schemas come from a schema registry, a handful per event type; the bound only guards against misuse.
	private static final int MAX_WRITER_SCHEMAS = 64;

	private final EventType<?> eventType;

	private final String typeName;

	private final String dataKey;

	private final Schema schema;

	private final ValueCodec data;

	private final long fingerprint;

	private final ConcurrentMap<Schema, WriterPlan> writerPlans = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, EventKeyField> keyFields = new ConcurrentHashMap<>();

	EventTypeModel(EventType<?> eventType, Schema schema, ValueCodec data) {
		this.eventType = eventType;
		this.typeName = eventType.type();
		this.dataKey = eventType.dataKey();
		this.schema = schema;
		this.data = data;
		this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
	}

	long fingerprint() {
		return this.fingerprint;
	}

	EventType<?> eventType() {
		return this.eventType;
	}

	Schema schema() {
		return this.schema;
	}

	ValueCodec data() {
		return this.data;
	}

	byte[] encode(@Nullable Object value) {
		checkData(value);
		AvroOutput output = AvroOutput.acquire();
		try {
			this.data.write(value, output.encoder());
			return output.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			FieldFailure failure = FieldFailure.of(ex).at(this.dataKey);
			throw new EventEncodingException(this.typeName, failure.describe(), failure.getCause());
		}
		finally {
			output.release();
		}
	}

	private void checkData(@Nullable Object value) {
		if (value == null) {
			throw new EventEncodingException(this.typeName,
					"field '" + this.dataKey + "' is null, but event data is required");
		}
		if (!this.eventType.dataType().isInstance(value)) {
			throw new EventEncodingException(this.typeName, "field '" + this.dataKey + "' holds "
					+ value.getClass().getName() + ", but this event type carries " + this.eventType.dataType().getName());
		}
	}

	Object decode(byte[] bytes, int offset, int length) {
		return read(bytes, offset, length, null);
	}

	Object decode(byte[] bytes, int offset, int length, Schema writerSchema) {
		Objects.requireNonNull(writerSchema, "writerSchema must not be null");
		if (writerSchema == this.schema) {
			return read(bytes, offset, length, null);
		}
		WriterPlan plan = this.writerPlans.get(writerSchema);
		if (plan == null) {
			if (this.writerPlans.size() >= MAX_WRITER_SCHEMAS) {
				this.writerPlans.clear();
			}
			plan = this.writerPlans.computeIfAbsent(writerSchema, this::plan);
		}
		if (plan.failure != null) {
			throw new EventDecodingException(this.typeName, plan.failure);
		}
		return read(bytes, offset, length, plan.decoders);
	}

	private Object read(byte[] bytes, int offset, int length,
			@Nullable ThreadLocal<ResolvingDecoder> resolvingDecoders) {
		Objects.checkFromIndexSize(offset, length, bytes.length);
		Object value;
		int trailing;
		AvroInput input = null;
		try {
			input = AvroInput.acquire(bytes, offset, length,
					(resolvingDecoders != null) ? resolvingDecoders.get() : null);
			if (input.isResolving()) {
				// The top-level CloudEvent record has exactly one field in the reader schema: the data.
				input.readFieldOrder();
				value = this.data.read(input);
				input.drain();
			}
			else {
				value = this.data.read(input);
			}
			trailing = input.remaining();
		}
		catch (IOException | RuntimeException ex) {
			FieldFailure failure = FieldFailure.of(ex).at(this.dataKey);
			throw new EventDecodingException(this.typeName, describe(failure, length), failure.getCause());
		}
		finally {
			if (input != null) {
				input.release();
			}
		}
		if (trailing > 0) {
			throw new EventDecodingException(this.typeName, trailing + " bytes are left after the end of the "
					+ "record (" + length + " bytes given): the data was written with a schema other than the one "
					+ "it is read with (schema mismatch), or is not one " + this.typeName + " record");
		}
		return value;
	}

	private static String describe(FieldFailure failure, int length) {
		return switch (failure.kind()) {
			case TRUNCATED -> "truncated data (" + length + " bytes): " + failure.describe();
			case MALFORMED -> "malformed data (" + length + " bytes): " + failure.describe();
			default -> failure.describe();
		};
	}

	private WriterPlan plan(Schema writerSchema) {
		if (writerSchema.equals(this.schema)) {
			return new WriterPlan(null, null);
		}
		SchemaCompatibility.SchemaPairCompatibility compatibility = SchemaCompatibility
			.checkReaderWriterCompatibility(this.schema, writerSchema);
		if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
			return new WriterPlan(null, "data written with writer schema " + writerSchema.getFullName()
					+ " cannot be read as this event type: " + compatibility.getResult().getIncompatibilities()
						.stream()
						.map((incompatibility) -> incompatibility.getMessage() + " at "
								+ incompatibility.getLocation())
						.toList());
		}
		Schema reader = this.schema;
		ThreadLocal<ResolvingDecoder> decoders = ThreadLocal.withInitial(() -> {
			try {
				return DecoderFactory.get().resolvingDecoder(writerSchema, reader, null);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return new WriterPlan(decoders, null);
	}

	void writeJson(Object value, JsonGenerator json) throws IOException {
		checkData(value);
		json.writeStartObject();
		json.writeFieldName(this.dataKey);
		try {
			this.data.writeJson(value, json);
		}
		catch (IOException | RuntimeException ex) {
			FieldFailure failure = FieldFailure.of(ex).at(this.dataKey);
			throw new EventEncodingException(this.typeName, failure.describe(), failure.getCause());
		}
		json.writeEndObject();
	}

	Object readJson(JsonNode node) {
		if (!node.isObject()) {
			throw new EventDecodingException(this.typeName,
					"event data JSON must be an object {\"" + this.dataKey + "\": {...}}, not " + node.getNodeType());
		}
		List<String> others = new ArrayList<>();
		node.fieldNames().forEachRemaining((name) -> {
			if (!name.equals(this.dataKey)) {
				others.add(name);
			}
		});
		if (!others.isEmpty()) {
			throw new EventDecodingException(this.typeName, "event data JSON has unknown fields " + others
					+ "; this event type has only '" + this.dataKey + "'");
		}
		JsonNode dataNode = node.get(this.dataKey);
		try {
			if (dataNode == null) {
				throw FieldFailure.missing();
			}
			if (dataNode.isNull()) {
				throw FieldFailure.nullRequired();
			}
			return this.data.readJson(dataNode);
		}
		catch (RuntimeException ex) {
			FieldFailure failure = FieldFailure.of(ex).at(this.dataKey);
			throw new EventDecodingException(this.typeName, failure.describe(), failure.getCause());
		}
	}

	EventKeyField keyField(String path) {
		EventKeyField keyField = this.keyFields.get(path);
		if (keyField == null) {
			keyField = compileKeyField(path);
			this.keyFields.putIfAbsent(path, keyField);
		}
		return keyField;
	}

	private EventKeyField compileKeyField(String path) {
		List<String> segments = EventKeyField.split(path);
		if (!segments.get(0).equals(this.dataKey)) {
			throw new InvalidKeyFieldException(this.typeName, path, "it must start with the data key '"
					+ this.dataKey + "', the only top-level field of this event type");
		}
		List<Function<Object, Object>> getters = new ArrayList<>();
		ValueCodec current = this.data;
		for (int i = 1; i < segments.size(); i++) {
			String segment = segments.get(i);
			String prefix = String.join(".", segments.subList(0, i));
			if (!(current instanceof RecordCodec record)) {
				throw new InvalidKeyFieldException(this.typeName, path, "'" + prefix + "' is " + current.describe()
						+ ", which has no field '" + segment + "'");
			}
			FieldCodec field = record.field(segment);
			if (field == null) {
				throw new InvalidKeyFieldException(this.typeName, path, "'" + prefix + "' (" + record.describe()
						+ ") has no field '" + segment + "'; its fields are "
						+ Arrays.stream(record.fields()).map(FieldCodec::name).toList());
			}
			if (field.nullable()) {
				throw new InvalidKeyFieldException(this.typeName, path, "'" + prefix + "." + segment
						+ "' is nullable; Python producers cannot extract a key across or at a nullable field");
			}
			getters.add(field::get);
			current = field.codec();
		}
		if (!(current instanceof ScalarCodec leaf)) {
			throw new InvalidKeyFieldException(this.typeName, path,
					"it ends on " + current.describe() + ", not on a primitive value");
		}
		return new EventKeyField(this.eventType, path, segments, getters, leaf);
	}

	private static final class WriterPlan {

		final @Nullable ThreadLocal<ResolvingDecoder> decoders;

		final @Nullable String failure;

		WriterPlan(@Nullable ThreadLocal<ResolvingDecoder> decoders, @Nullable String failure) {
			this.decoders = decoders;
			this.failure = failure;
		}

	}

}
