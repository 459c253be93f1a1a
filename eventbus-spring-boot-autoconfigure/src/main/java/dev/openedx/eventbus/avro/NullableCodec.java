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
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;
import org.jspecify.annotations.Nullable;

/**
 * A {@code @Nullable} component: the union {@code ["null", T]}, null first, as openedx-events writes it (ADR 0007).
 */
final class NullableCodec extends ValueCodec {

	private final ValueCodec value;

	NullableCodec(ValueCodec value) {
		this.value = value;
	}

	ValueCodec value() {
		return this.value;
	}

	@Override
	Schema schema() {
		return Schema.createUnion(List.of(Schema.create(Schema.Type.NULL), this.value.schema()));
	}

	@Override
	String describe() {
		return "[null, " + this.value.describe() + "]";
	}

	@Override
	void write(@Nullable Object value, Encoder out) throws IOException {
		if (value == null) {
			out.writeIndex(0);
		}
		else {
			out.writeIndex(1);
			this.value.write(value, out);
		}
	}

	@Override
	@Nullable Object read(AvroInput in) throws IOException {
		int branch = in.readIndex();
		if (branch == 0) {
			return null;
		}
		if (branch != 1) {
			throw FieldFailure.malformed("is malformed: union branch " + branch + " is neither 0 (null) nor 1");
		}
		return this.value.read(in);
	}

	@Override
	void writeJson(@Nullable Object value, JsonGenerator json) throws IOException {
		if (value == null) {
			json.writeNull();
		}
		else {
			this.value.writeJson(value, json);
		}
	}

	@Override
	@Nullable Object readJson(JsonNode node) {
		return node.isNull() ? null : this.value.readJson(node);
	}

}
