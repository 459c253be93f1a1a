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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * {@code Map<String, V>}: an Avro map, one block, entries in the order Python writes them: sorted by key code
 * points ({@code json.dumps(sort_keys=True)} runs before fastavro). Maps the records keep sorted
 * ({@code DataCollections.sortedMap}) are written as they are; others are sorted per write. Decoded maps are
 * unmodifiable sorted maps.
 */
final class MapCodec extends ValueCodec {

	/**
	 * Python's order. {@code String.compareTo} compares UTF-16 units, which differs only when a key holds a
	 * character outside the Basic Multilingual Plane; {@link #needsCodePointOrder} finds those rare keys.
	 */
	static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int ca = a.codePointAt(i);
			int cb = b.codePointAt(j);
			if (ca != cb) {
				return Integer.compare(ca, cb);
			}
			i += Character.charCount(ca);
			j += Character.charCount(cb);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	};

	private final ValueCodec value;

	MapCodec(ValueCodec value) {
		this.value = value;
	}

	ValueCodec value() {
		return this.value;
	}

	@Override
	Schema schema() {
		return Schema.createMap(this.value.schema());
	}

	@Override
	String describe() {
		return "map<" + this.value.describe() + ">";
	}

	@Override
	void write(Object value, Encoder out) throws IOException {
		Map<?, ?> map = (Map<?, ?>) value;
		out.writeMapStart();
		out.setItemCount(map.size());
		for (Map.Entry<?, ?> entry : inPythonOrder(map)) {
			Object key = entry.getKey();
			Object item = entry.getValue();
			out.startItem();
			try {
				if (key == null) {
					throw FieldFailure.invalid("holds a null map key", null);
				}
				out.writeString((String) key);
				if (item == null) {
					throw FieldFailure.nullRequired();
				}
				this.value.write(item, out);
			}
			catch (IOException | RuntimeException ex) {
				throw FieldFailure.of(ex).at("[" + key + "]");
			}
		}
		out.writeMapEnd();
	}

	@Override
	Object read(AvroInput in) throws IOException {
		TreeMap<String, Object> map = new TreeMap<>();
		for (long count = in.readMapStart(); count != 0; count = in.mapNext()) {
			// A tighter bound than BoundedDecoder's one byte per item; not on the resolving path, where the writer's
			// items may be smaller than this codec's.
			if (!in.isResolving() && count > in.remaining() / (1 + this.value.minimumSize())) {
				throw FieldFailure.truncated("is truncated: " + count + " map entries are announced, more than "
						+ "the input can hold");
			}
			for (long i = 0; i < count; i++) {
				String key = null;
				try {
					key = in.readString();
					map.put(key, this.value.read(in));
				}
				catch (IOException | RuntimeException ex) {
					throw FieldFailure.of(ex).at("[" + ((key != null) ? key : "#" + (map.size())) + "]");
				}
			}
		}
		return Collections.unmodifiableSortedMap(map);
	}

	@Override
	void writeJson(Object value, JsonGenerator json) throws IOException {
		json.writeStartObject();
		for (Map.Entry<?, ?> entry : inPythonOrder((Map<?, ?>) value)) {
			Object key = entry.getKey();
			Object item = entry.getValue();
			try {
				if (key == null) {
					throw FieldFailure.invalid("holds a null map key", null);
				}
				json.writeFieldName((String) key);
				if (item == null) {
					throw FieldFailure.nullRequired();
				}
				this.value.writeJson(item, json);
			}
			catch (IOException | RuntimeException ex) {
				throw FieldFailure.of(ex).at("[" + key + "]");
			}
		}
		json.writeEndObject();
	}

	@Override
	Object readJson(JsonNode node) {
		if (!node.isObject()) {
			throw ScalarCodec.wrongJson(node, "an object (map)");
		}
		TreeMap<String, Object> map = new TreeMap<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			try {
				if (field.getValue().isNull()) {
					throw FieldFailure.nullRequired();
				}
				map.put(field.getKey(), this.value.readJson(field.getValue()));
			}
			catch (RuntimeException ex) {
				throw FieldFailure.of(ex).at("[" + field.getKey() + "]");
			}
		}
		return Collections.unmodifiableSortedMap(map);
	}

	@SuppressWarnings("unchecked")
	private static Iterable<? extends Map.Entry<?, ?>> inPythonOrder(Map<?, ?> map) {
		if (map instanceof SortedMap<?, ?> sorted && sorted.comparator() == null && !needsCodePointOrder(map)) {
			return map.entrySet();
		}
		List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
		entries.sort((a, b) -> CODE_POINT_ORDER.compare(String.valueOf(a.getKey()), String.valueOf(b.getKey())));
		return entries;
	}

	private static boolean needsCodePointOrder(Map<?, ?> map) {
		for (Object key : map.keySet()) {
			if (key instanceof String text) {
				for (int i = 0; i < text.length(); i++) {
					if (Character.isSurrogate(text.charAt(i))) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
