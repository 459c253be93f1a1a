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
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * A data record: an Avro record named after the class, fields in component order. One instance per record class
 * and event type, shared by every place the class occurs (the schema defines it once and refers to it by name after
 * that). Its fields are set once, after construction, so that a record may contain itself.
 */
final class RecordCodec extends ValueCodec {

	private final RecordAccessors accessors;

	private final Schema schema;

	private FieldCodec[] fields = new FieldCodec[0];

	private FieldCodec[] jsonOrder = new FieldCodec[0];

	private Set<String> names = Set.of();

	private int minimumSize = 1;

	RecordCodec(RecordAccessors accessors, Schema schema) {
		this.accessors = accessors;
		this.schema = schema;
	}

	void setFields(List<FieldCodec> fields) {
		this.fields = fields.toArray(new FieldCodec[0]);
		this.jsonOrder = this.fields.clone();
		Arrays.sort(this.jsonOrder, Comparator.comparing(FieldCodec::name, MapCodec.CODE_POINT_ORDER));
		this.names = Arrays.stream(this.fields).map(FieldCodec::name).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Computed once all records of the event type have their fields, so that a recursive record counts itself
	 * as the one byte its union or array takes.
	 */
	void computeMinimumSize(Set<RecordCodec> inProgress) {
		if (!inProgress.add(this)) {
			return;
		}
		int size = 0;
		for (FieldCodec field : this.fields) {
			ValueCodec codec = field.codec();
			if (codec instanceof RecordCodec nested) {
				nested.computeMinimumSize(inProgress);
			}
			size += codec.minimumSize();
		}
		this.minimumSize = Math.max(size, 1);
	}

	FieldCodec[] fields() {
		return this.fields;
	}

	Class<?> recordClass() {
		return this.accessors.recordClass();
	}

	FieldCodec field(String name) {
		for (FieldCodec field : this.fields) {
			if (field.name().equals(name)) {
				return field;
			}
		}
		return null;
	}

	@Override
	Schema schema() {
		return this.schema;
	}

	@Override
	String describe() {
		return "record " + this.schema.getName();
	}

	@Override
	int minimumSize() {
		return this.minimumSize;
	}

	@Override
	void write(Object value, Encoder out) throws IOException {
		FieldCodec[] fields = this.fields;
		for (int i = 0; i < fields.length; i++) {
			try {
				fields[i].write(value, out);
			}
			catch (IOException | RuntimeException ex) {
				throw FieldFailure.of(ex).at(fields[i].name());
			}
		}
	}

	@Override
	Object read(AvroInput in) throws IOException {
		FieldCodec[] fields = this.fields;
		Object[] values = new Object[fields.length];
		if (in.isResolving()) {
			for (Schema.Field field : in.readFieldOrder()) {
				int i = field.pos();
				try {
					values[i] = fields[i].read(in);
				}
				catch (IOException | RuntimeException ex) {
					throw FieldFailure.of(ex).at(fields[i].name());
				}
			}
		}
		else {
			for (int i = 0; i < fields.length; i++) {
				try {
					values[i] = fields[i].read(in);
				}
				catch (IOException | RuntimeException ex) {
					throw FieldFailure.of(ex).at(fields[i].name());
				}
			}
		}
		return construct(values);
	}

	private Object construct(Object[] values) {
		try {
			return this.accessors.construct(values);
		}
		catch (Throwable ex) {
			if (ex instanceof Error error) {
				throw error;
			}
			throw FieldFailure.invalid("was rejected by the constructor of " + this.accessors.recordClass().getName()
					+ ": " + ex, ex);
		}
	}

	@Override
	void writeJson(Object value, JsonGenerator json) throws IOException {
		json.writeStartObject();
		for (FieldCodec field : this.jsonOrder) {
			try {
				Object fieldValue = field.get(value);
				json.writeFieldName(field.name());
				if (fieldValue == null) {
					if (!field.nullable()) {
						throw FieldFailure.nullRequired();
					}
					json.writeNull();
				}
				else {
					field.codec().writeJson(fieldValue, json);
				}
			}
			catch (IOException | RuntimeException ex) {
				throw FieldFailure.of(ex).at(field.name());
			}
		}
		json.writeEndObject();
	}

	@Override
	Object readJson(JsonNode node) {
		if (!node.isObject()) {
			throw ScalarCodec.wrongJson(node, "an object (" + describe() + ")");
		}
		List<String> unknown = new ArrayList<>();
		Iterator<String> names = node.fieldNames();
		while (names.hasNext()) {
			String name = names.next();
			if (!this.names.contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			throw FieldFailure.malformed("has unknown fields " + unknown + "; " + describe() + " has "
					+ Arrays.stream(this.fields).map(FieldCodec::name).toList());
		}
		Object[] values = new Object[this.fields.length];
		for (int i = 0; i < this.fields.length; i++) {
			FieldCodec field = this.fields[i];
			JsonNode fieldNode = node.get(field.name());
			try {
				if (fieldNode == null || fieldNode.isNull()) {
					if (!field.nullable()) {
						throw (fieldNode == null) ? FieldFailure.missing() : FieldFailure.nullRequired();
					}
					values[i] = null;
				}
				else {
					values[i] = field.codec().readJson(fieldNode);
				}
			}
			catch (RuntimeException ex) {
				throw FieldFailure.of(ex).at(field.name());
			}
		}
		return construct(values);
	}

}
