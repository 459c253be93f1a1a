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

package dev.openedx.eventbus.catalog;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.openedx.eventbus.catalog.EventsSpec.DataClass;
import dev.openedx.eventbus.catalog.learning.CourseNotificationData;
import dev.openedx.eventbus.catalog.learning.ORASubmissionAnswer;
import dev.openedx.eventbus.event.key.CcxLocator;
import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.event.key.LibraryCollectionLocator;
import dev.openedx.eventbus.event.key.LibraryContainerLocator;
import dev.openedx.eventbus.event.key.LibraryLocatorV2;
import dev.openedx.eventbus.event.key.LibraryUsageLocatorV2;
import dev.openedx.eventbus.event.key.UsageKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The data records of the catalog hold immutable copies of the collections they are given, with maps in key order
 * (the order Python writes them in), and their short constructors fill in exactly the attrs defaults of
 * {@code events.md}.
 */
class CatalogRecordsTests {

	private static final EventsSpec SPEC = EventsSpec.read();

	@Test
	void collectionComponentsAreUnmodifiableCopiesWithMapsInKeyOrder() throws Exception {
		int checked = 0;
		for (DataClass table : SPEC.dataClasses()) {
			Class<?> record = Class.forName(table.javaName());
			RecordComponent[] components = record.getRecordComponents();
			Object[] arguments = Arrays.stream(components).map((c) -> sample(c.getGenericType())).toArray();
			Object instance = canonical(record).newInstance(arguments);
			for (int i = 0; i < components.length; i++) {
				Object given = arguments[i];
				Object held = components[i].getAccessor().invoke(instance);
				String where = table.javaName() + "." + components[i].getName();
				if (given instanceof List<?> list) {
					assertThat(held).as(where).isEqualTo(given).isNotSameAs(given);
					assertUnmodifiable((List<?>) held, where);
					list.clear();
					assertThat((List<?>) held).as(where + " after the caller's list changed").isNotEmpty();
					checked++;
				}
				else if (given instanceof Map<?, ?> map) {
					assertThat(held).as(where).isEqualTo(given).isNotSameAs(given);
					assertThat(List.copyOf(((Map<?, ?>) held).keySet())).as(where).isEqualTo(List.of("a", "b"));
					assertUnmodifiable((Map<?, ?>) held, where);
					map.clear();
					assertThat((Map<?, ?>) held).as(where + " after the caller's map changed").isNotEmpty();
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(20);
	}

	@Test
	void nestedCollectionsAreCopiedToo() {
		Map<String, String> part = new LinkedHashMap<>(Map.of("b", "2"));
		part.put("a", "1");
		ORASubmissionAnswer answer = new ORASubmissionAnswer(new ArrayList<>(List.of(part)), List.of(), List.of(),
				List.of(), List.of(), List.of());
		assertThat(answer.parts().get(0).keySet()).containsExactly("a", "b");
		assertUnmodifiable(answer.parts().get(0), "parts[0]");

		List<String> emails = new ArrayList<>(List.of("x@example.com"));
		CourseNotificationData notification = new CourseNotificationData(CourseKey.of("course-v1:o+c+r"), "app",
				"type", "url", Map.of(), Map.of("b", List.of(), "a", emails));
		emails.clear();
		assertThat(notification.audienceFilters().keySet()).containsExactly("a", "b");
		assertThat(notification.audienceFilters().get("a")).containsExactly("x@example.com");
		assertUnmodifiable(notification.audienceFilters().get("a"), "audienceFilters[a]");
		assertUnmodifiable(notification.audienceFilters(), "audienceFilters");
	}

	@Test
	void shortConstructorsFillInTheAttrsDefaults() throws Exception {
		int checked = 0;
		for (DataClass table : SPEC.dataClasses()) {
			Class<?> record = Class.forName(table.javaName());
			RecordComponent[] components = record.getRecordComponents();
			for (Constructor<?> constructor : record.getConstructors()) {
				if (constructor.getParameterCount() == components.length) {
					continue;
				}
				Parameter[] parameters = constructor.getParameters();
				Map<String, Object> given = new LinkedHashMap<>();
				for (Parameter parameter : parameters) {
					assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
					given.put(parameter.getName(), sample(parameter.getParameterizedType()));
				}
				Object instance = constructor.newInstance(given.values().toArray());
				for (int i = 0; i < components.length; i++) {
					String name = components[i].getName();
					Object held = components[i].getAccessor().invoke(instance);
					Object expected = given.containsKey(name) ? given.get(name)
							: attrsDefault(table.fields().get(i).pythonDefault(), table.javaName() + "." + name);
					assertThat(held).as(table.javaName() + "." + name).isEqualTo(expected);
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(20);
	}

	private static Object attrsDefault(String pythonDefault, String where) {
		return switch (pythonDefault) {
			case "None" -> null;
			case "False" -> false;
			case "True" -> true;
			case "factory str()" -> "";
			case "factory list()" -> List.of();
			case "factory dict()", "<class 'dict'>" -> Map.of();
			default -> throw new AssertionError(where + " is required (" + pythonDefault
					+ ") but a short constructor leaves it out");
		};
	}

	private static Constructor<?> canonical(Class<?> record) throws NoSuchMethodException {
		Class<?>[] types = Arrays.stream(record.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		return record.getDeclaredConstructor(types);
	}

	private static void assertUnmodifiable(List<?> list, String where) {
		assertThatExceptionOfType(UnsupportedOperationException.class).as(where).isThrownBy(() -> list.add(null));
	}

	private static void assertUnmodifiable(Map<?, ?> map, String where) {
		assertThatExceptionOfType(UnsupportedOperationException.class).as(where).isThrownBy(map::clear);
	}

	/** A non-null value of the given type; lists have one element, maps the keys "b" then "a" (not sorted). */
	private static Object sample(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			Type[] args = parameterized.getActualTypeArguments();
			if (parameterized.getRawType() == List.class) {
				return new ArrayList<>(List.of(sample(args[0])));
			}
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("b", sample(args[1]));
			map.put("a", sample(args[1]));
			return map;
		}
		Class<?> cls = (Class<?>) type;
		if (cls.isRecord()) {
			try {
				return canonical(cls).newInstance(
						Arrays.stream(cls.getRecordComponents()).map((c) -> sample(c.getGenericType())).toArray());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex instanceof InvocationTargetException ite ? ite.getCause() : ex);
			}
		}
		Map<Class<?>, Object> samples = Map.ofEntries(Map.entry(String.class, "text"), Map.entry(long.class, 7L),
				Map.entry(Long.class, 7L), Map.entry(double.class, 0.5), Map.entry(Double.class, 0.5),
				Map.entry(boolean.class, true), Map.entry(Boolean.class, true),
				Map.entry(OffsetDateTime.class, OffsetDateTime.of(2026, 3, 14, 15, 9, 26, 535897000, ZoneOffset.UTC)),
				Map.entry(UUID.class, UUID.fromString("d9e1c3a5-3b1f-4e0f-9a35-6c0b2c1e4f11")),
				Map.entry(CourseKey.class, CourseKey.of("course-v1:edX+DemoX+2014")),
				Map.entry(UsageKey.class, UsageKey.of("block-v1:edX+DemoX+2014+type@problem+block@p1")),
				Map.entry(CcxLocator.class, CcxLocator.of("ccx-v1:edX+DemoX+2014+ccx@1")),
				Map.entry(LibraryLocatorV2.class, LibraryLocatorV2.of("lib:MITx:lib")),
				Map.entry(LibraryUsageLocatorV2.class, LibraryUsageLocatorV2.of("lb:MITx:lib:problem:p1")),
				Map.entry(LibraryCollectionLocator.class, LibraryCollectionLocator.of("lib-collection:MITx:lib:c1")),
				Map.entry(LibraryContainerLocator.class, LibraryContainerLocator.of("lct:MITx:lib:unit:u1")));
		if (cls == InputStream.class) {
			return new ByteArrayInputStream(new byte[] { 1 });
		}
		Object sample = samples.get(cls);
		if (sample == null) {
			throw new IllegalStateException("No sample for " + cls);
		}
		return sample;
	}

}
