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
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

import dev.openedx.eventbus.event.PythonDateTimes;

/**
 * The leaves of the codec tree: Avro primitives ({@link PrimitiveCodec}), and the Java types openedx-events carries
 * as Avro strings (date-times, UUIDs, opaque keys). Leaves are what an event key field may end on.
 */
abstract class ScalarCodec extends ValueCodec {

	private final Schema.Type avroType;

	ScalarCodec(Schema.Type avroType) {
		this.avroType = avroType;
	}

	@Override
	final Schema schema() {
		return Schema.create(this.avroType);
	}

	final Schema.Type avroType() {
		return this.avroType;
	}

	/**
	 * The value as Avro holds it: a {@code String} for strings and everything carried as one, a {@code Long},
	 * {@code Double} or {@code Boolean} otherwise.
	 */
	abstract Object toAvro(Object value);

	static FieldFailure wrongJson(JsonNode node, String expected) {
		return FieldFailure.malformed("holds JSON " + node.getNodeType().name().toLowerCase() + ", expected " + expected);
	}

	/**
	 * A Java type carried as an Avro string.
	 */
	abstract static class TextCodec extends ScalarCodec {

		TextCodec() {
			super(Schema.Type.STRING);
		}

		abstract String toText(Object value);

		/**
		 * @throws FieldFailure naming the value when it does not parse
		 */
		abstract Object fromText(String text);

		@Override
		final void write(Object value, Encoder out) throws IOException {
			out.writeString(toText(value));
		}

		@Override
		final Object read(AvroInput in) throws IOException {
			return fromText(in.readString());
		}

		@Override
		final void writeJson(Object value, JsonGenerator json) throws IOException {
			json.writeString(toText(value));
		}

		@Override
		final Object readJson(JsonNode node) {
			if (!node.isTextual()) {
				throw wrongJson(node, "a string (" + describe() + ")");
			}
			return fromText(node.textValue());
		}

		@Override
		final Object toAvro(Object value) {
			return toText(value);
		}

	}

	/**
	 * {@code datetime} as Python's {@code isoformat()} writes it and {@code fromisoformat()} reads it; text without
	 * an offset (a naive Python datetime) is read as UTC.
	 */
	static final class DateTimeCodec extends TextCodec {

		static final DateTimeCodec INSTANCE = new DateTimeCodec();

		@Override
		String describe() {
			return "string (date-time)";
		}

		@Override
		String toText(Object value) {
			try {
				return PythonDateTimes.format((OffsetDateTime) value);
			}
			catch (DateTimeException ex) {
				throw FieldFailure.invalid("holds " + value + ", which Python cannot represent: " + ex.getMessage(),
						ex);
			}
		}

		@Override
		Object fromText(String text) {
			try {
				return PythonDateTimes.parse(text);
			}
			catch (DateTimeException ex) {
				throw FieldFailure.invalid("holds '" + text + "', which is not a date-time Python's fromisoformat "
						+ "accepts: " + ex.getMessage(), ex);
			}
		}

	}

	/**
	 * {@code uuid.UUID} as {@code str(uuid)}.
	 */
	static final class UuidCodec extends TextCodec {

		static final UuidCodec INSTANCE = new UuidCodec();

		@Override
		String describe() {
			return "string (UUID)";
		}

		@Override
		String toText(Object value) {
			return ((UUID) value).toString();
		}

		@Override
		Object fromText(String text) {
			try {
				return UuidText.parse(text);
			}
			catch (IllegalArgumentException ex) {
				throw FieldFailure.invalid("holds '" + text + "', which is not a UUID: " + ex.getMessage(), ex);
			}
		}

	}

	/**
	 * An opaque key: its string form on the wire, its {@code of(String)} factory when read.
	 */
	static final class OpaqueKeyCodec extends TextCodec {

		private final Class<?> keyClass;

		private final Function<String, Object> factory;

		private final KeyCache cache;

		OpaqueKeyCodec(Class<?> keyClass, Function<String, Object> factory) {
			this.keyClass = keyClass;
			this.factory = factory;
			this.cache = KeyCache.of(keyClass);
		}

		Class<?> keyClass() {
			return this.keyClass;
		}

		@Override
		String describe() {
			return "string (" + this.keyClass.getSimpleName() + ")";
		}

		@Override
		String toText(Object value) {
			return value.toString();
		}

		@Override
		Object fromText(String text) {
			Object key;
			try {
				key = this.cache.get(text, this.factory);
			}
			catch (RuntimeException ex) {
				throw FieldFailure.invalid("does not hold a valid " + this.keyClass.getSimpleName() + ": "
						+ ex.getMessage(), ex);
			}
			if (key == null) {
				throw FieldFailure.invalid("holds '" + text + "', for which " + this.keyClass.getSimpleName()
						+ ".of(String) returned null", null);
			}
			return key;
		}

	}

}
