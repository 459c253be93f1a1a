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
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * {@code List<T>}: an Avro array, one block. Decoded lists are unmodifiable.
 */
final class ListCodec extends ValueCodec {

	private final ValueCodec element;

	ListCodec(ValueCodec element) {
		this.element = element;
	}

	ValueCodec element() {
		return this.element;
	}

	@Override
	Schema schema() {
		return Schema.createArray(this.element.schema());
	}

	@Override
	String describe() {
		return "array<" + this.element.describe() + ">";
	}

	@Override
	void write(Object value, Encoder out) throws IOException {
		List<?> list = (List<?>) value;
		int size = list.size();
		out.writeArrayStart();
		out.setItemCount(size);
		for (int i = 0; i < size; i++) {
			Object item = list.get(i);
			out.startItem();
			try {
				if (item == null) {
					throw FieldFailure.nullRequired();
				}
				this.element.write(item, out);
			}
			catch (IOException | RuntimeException ex) {
				throw FieldFailure.of(ex).at("[" + i + "]");
			}
		}
		out.writeArrayEnd();
	}

	@Override
	Object read(AvroInput in) throws IOException {
		List<Object> list = null;
		int index = 0;
		for (long count = in.readArrayStart(); count != 0; count = in.arrayNext()) {
			// A tighter bound than BoundedDecoder's one byte per item; not on the resolving path, where the writer's
			// items may be smaller than this codec's.
			if (!in.isResolving() && count > in.remaining() / this.element.minimumSize()) {
				throw FieldFailure.truncated("is truncated: " + count + " array items are announced, more than "
						+ "the input can hold");
			}
			if (list == null) {
				list = new ArrayList<>((int) count);
			}
			for (long i = 0; i < count; i++, index++) {
				try {
					list.add(this.element.read(in));
				}
				catch (IOException | RuntimeException ex) {
					throw FieldFailure.of(ex).at("[" + index + "]");
				}
			}
		}
		return (list != null) ? List.copyOf(list) : List.of();
	}

	@Override
	void writeJson(Object value, JsonGenerator json) throws IOException {
		List<?> list = (List<?>) value;
		json.writeStartArray();
		for (int i = 0; i < list.size(); i++) {
			Object item = list.get(i);
			try {
				if (item == null) {
					throw FieldFailure.nullRequired();
				}
				this.element.writeJson(item, json);
			}
			catch (IOException | RuntimeException ex) {
				throw FieldFailure.of(ex).at("[" + i + "]");
			}
		}
		json.writeEndArray();
	}

	@Override
	Object readJson(JsonNode node) {
		if (!node.isArray()) {
			throw ScalarCodec.wrongJson(node, "an array");
		}
		List<Object> list = new ArrayList<>(node.size());
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			try {
				if (item.isNull()) {
					throw FieldFailure.nullRequired();
				}
				list.add(this.element.readJson(item));
			}
			catch (RuntimeException ex) {
				throw FieldFailure.of(ex).at("[" + i + "]");
			}
		}
		return List.copyOf(list);
	}

}
