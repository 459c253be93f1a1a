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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.openedx.eventbus.event.key.CcxLocator;
import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.event.key.LibraryCollectionLocator;
import dev.openedx.eventbus.event.key.LibraryContainerLocator;
import dev.openedx.eventbus.event.key.LibraryLocatorV2;
import dev.openedx.eventbus.event.key.LibraryUsageLocatorV2;
import dev.openedx.eventbus.event.key.UsageKey;

/**
 * Sample values for any compiled event type, built by walking its codec tree: every field filled, and nullable
 * fields either all {@code null} or all present.
 */
final class SampleData {

	private static final Map<Class<?>, Object> KEYS = Map.of(CourseKey.class,
			CourseKey.of("course-v1:edX+DemoX+2026_T1"), UsageKey.class,
			UsageKey.of("block-v1:edX+DemoX+2026_T1+type@html+block@intro"), CcxLocator.class,
			CcxLocator.of("ccx-v1:edX+DemoX+Demo_Course+ccx@1"), LibraryLocatorV2.class,
			LibraryLocatorV2.of("lib:MITx:reallyhardproblems"), LibraryUsageLocatorV2.class,
			LibraryUsageLocatorV2.of("lb:MITx:reallyhardproblems:problem:problem1"), LibraryCollectionLocator.class,
			LibraryCollectionLocator.of("lib-collection:MITx:reallyhardproblems:col1"), LibraryContainerLocator.class,
			LibraryContainerLocator.of("lct:MITx:reallyhardproblems:unit:test-container"));

	private final boolean optionals;

	private int counter;

	private SampleData(boolean optionals) {
		this.optionals = optionals;
	}

	static Object of(ValueCodec codec, boolean optionals) {
		return new SampleData(optionals).value(codec);
	}

	private Object value(ValueCodec codec) {
		int n = ++this.counter;
		if (codec == PrimitiveCodec.STRING) {
			return "text " + n + " \u00e9\u4e2d";
		}
		if (codec == PrimitiveCodec.LONG) {
			return -1_000_000_007L * n;
		}
		if (codec == PrimitiveCodec.INT) {
			return n;
		}
		if (codec == PrimitiveCodec.DOUBLE) {
			return n + 0.25;
		}
		if (codec == PrimitiveCodec.BOOLEAN) {
			return n % 2 == 0;
		}
		if (codec instanceof ScalarCodec.DateTimeCodec) {
			return OffsetDateTime.of(2026, 1, 2, 3, 4, 5, n * 1000, ZoneOffset.UTC);
		}
		if (codec instanceof ScalarCodec.UuidCodec) {
			return new UUID(n, -n);
		}
		if (codec instanceof ScalarCodec.OpaqueKeyCodec key) {
			Object sample = KEYS.get(key.keyClass());
			if (sample == null) {
				throw new IllegalStateException("No sample for " + key.keyClass());
			}
			return sample;
		}
		if (codec instanceof NullableCodec nullable) {
			return this.optionals ? value(nullable.value()) : null;
		}
		if (codec instanceof ListCodec list) {
			return List.of(value(list.element()), value(list.element()));
		}
		if (codec instanceof MapCodec map) {
			Map<String, Object> values = new TreeMap<>();
			values.put("b" + n, value(map.value()));
			values.put("a" + n, value(map.value()));
			return values;
		}
		if (codec instanceof RecordCodec record) {
			FieldCodec[] fields = record.fields();
			Object[] values = new Object[fields.length];
			for (int i = 0; i < fields.length; i++) {
				values[i] = value(fields[i].codec());
			}
			try {
				return RecordAccessors.of(record.recordClass()).construct(values);
			}
			catch (Throwable ex) {
				throw new IllegalStateException("Cannot build a sample " + record.recordClass().getName(), ex);
			}
		}
		throw new IllegalStateException("No sample for " + codec.describe());
	}

}
