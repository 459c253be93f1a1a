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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * The Java types that Avro writes as one of its primitives, one row each: how a value is written and read in Avro
 * binary and JSON, and what its Avro form is. The rows are the only instances, built once.
 */
final class PrimitiveCodec extends ScalarCodec {

	static final PrimitiveCodec STRING = new PrimitiveCodec(Schema.Type.STRING, "string", 1,
			(value, out) -> out.writeString((String) value), AvroInput::readString,
			(value, json) -> json.writeString((String) value), "a string", JsonNode::isTextual, JsonNode::textValue,
			(value) -> value);

	static final PrimitiveCodec LONG = new PrimitiveCodec(Schema.Type.LONG, "long", 1,
			(value, out) -> out.writeLong((Long) value), AvroInput::readLong,
			(value, json) -> json.writeNumber((Long) value), "an integer that fits in 64 bits",
			(node) -> node.isIntegralNumber() && node.canConvertToLong(), JsonNode::longValue, (value) -> value);

	/**
	 * Java {@code int} components: Avro {@code long} (openedx-events never writes {@code int}), range-checked when
	 * read.
	 */
	static final PrimitiveCodec INT = new PrimitiveCodec(Schema.Type.LONG, "long (Java int)", 1,
			(value, out) -> out.writeLong((Integer) value), (in) -> narrow(in.readLong()),
			(value, json) -> json.writeNumber((Integer) value), "an integer",
			(node) -> node.isIntegralNumber() && node.canConvertToLong(), (node) -> narrow(node.longValue()),
			(value) -> ((Integer) value).longValue());

	static final PrimitiveCodec DOUBLE = new PrimitiveCodec(Schema.Type.DOUBLE, "double", 8,
			(value, out) -> out.writeDouble((Double) value), AvroInput::readDouble,
			(value, json) -> json.writeNumber((Double) value), "a number", JsonNode::isNumber, JsonNode::doubleValue,
			(value) -> value);

	static final PrimitiveCodec BOOLEAN = new PrimitiveCodec(Schema.Type.BOOLEAN, "boolean", 1,
			(value, out) -> out.writeBoolean((Boolean) value), AvroInput::readBoolean,
			(value, json) -> json.writeBoolean((Boolean) value), "true or false", JsonNode::isBoolean,
			JsonNode::booleanValue, (value) -> value);

	private final String description;

	private final int minimumSize;

	private final Writer<Encoder> writer;

	private final Reader reader;

	private final Writer<JsonGenerator> jsonWriter;

	private final String jsonExpected;

	private final Predicate<JsonNode> jsonAccepts;

	private final Function<JsonNode, Object> jsonReader;

	private final UnaryOperator<Object> toAvro;

	private PrimitiveCodec(Schema.Type avroType, String description, int minimumSize, Writer<Encoder> writer,
			Reader reader, Writer<JsonGenerator> jsonWriter, String jsonExpected, Predicate<JsonNode> jsonAccepts,
			Function<JsonNode, Object> jsonReader, UnaryOperator<Object> toAvro) {
		super(avroType);
		this.description = description;
		this.minimumSize = minimumSize;
		this.writer = writer;
		this.reader = reader;
		this.jsonWriter = jsonWriter;
		this.jsonExpected = jsonExpected;
		this.jsonAccepts = jsonAccepts;
		this.jsonReader = jsonReader;
		this.toAvro = toAvro;
	}

	/**
	 * The codec that writes a value in {@link #toAvro Avro form} of the given primitive type.
	 */
	static PrimitiveCodec ofAvroForm(Schema.Type avroType) {
		return switch (avroType) {
			case STRING -> STRING;
			case LONG -> LONG;
			case DOUBLE -> DOUBLE;
			case BOOLEAN -> BOOLEAN;
			default -> throw new IllegalArgumentException("Not the Avro form of a scalar: " + avroType);
		};
	}

	static int narrow(long value) {
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw FieldFailure.invalid("holds " + value + ", which does not fit the Java int component", null);
		}
		return (int) value;
	}

	@Override
	String describe() {
		return this.description;
	}

	@Override
	void write(Object value, Encoder out) throws IOException {
		this.writer.write(value, out);
	}

	@Override
	Object read(AvroInput in) throws IOException {
		return this.reader.read(in);
	}

	@Override
	void writeJson(Object value, JsonGenerator json) throws IOException {
		this.jsonWriter.write(value, json);
	}

	@Override
	Object readJson(JsonNode node) {
		if (!this.jsonAccepts.test(node)) {
			throw wrongJson(node, this.jsonExpected);
		}
		return this.jsonReader.apply(node);
	}

	@Override
	int minimumSize() {
		return this.minimumSize;
	}

	@Override
	Object toAvro(Object value) {
		return this.toAvro.apply(value);
	}

	@FunctionalInterface
	private interface Writer<O> {

		void write(Object value, O out) throws IOException;

	}

	@FunctionalInterface
	private interface Reader {

		Object read(AvroInput in) throws IOException;

	}

}
