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

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * One node of the tree compiled per event type: how one Java type is written to and read from Avro binary and the
 * JSON form, and which Avro schema it has. Failures are thrown as {@link FieldFailure} (or as the decoder's own
 * exceptions) and get their field path added on the way up.
 */
abstract class ValueCodec {

	/**
	 * The Avro schema of this node. Records return the same instance every time (re-use by name).
	 */
	abstract Schema schema();

	/**
	 * A short description for messages, for example {@code string} or {@code record UserData}.
	 */
	abstract String describe();

	/**
	 * Write a non-null value (nullable values are wrapped by {@link NullableCodec}).
	 */
	abstract void write(Object value, Encoder out) throws IOException;

	abstract Object read(AvroInput in) throws IOException;

	abstract void writeJson(Object value, JsonGenerator json) throws IOException;

	/**
	 * Read the JSON form of a value; {@code node} is never Java {@code null} (a JSON null is a
	 * {@code NullNode}).
	 */
	abstract Object readJson(JsonNode node);

	/**
	 * The smallest number of bytes one value takes in Avro binary, to refuse array and map counts the input cannot
	 * hold before allocating for them.
	 */
	int minimumSize() {
		return 1;
	}

}
