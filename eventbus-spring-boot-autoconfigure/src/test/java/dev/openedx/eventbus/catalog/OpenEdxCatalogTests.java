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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.openedx.eventbus.catalog.EventsSpec.DataClass;
import dev.openedx.eventbus.catalog.EventsSpec.Signal;
import dev.openedx.eventbus.catalog.analytics.AnalyticsEvents;
import dev.openedx.eventbus.catalog.authz.AuthzEvents;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.enterprise.EnterpriseEvents;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import dev.openedx.eventbus.event.WireName;
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
 * The catalog is {@code shared/spec/events.md}, read from the Markdown itself: every signal row is a constant with
 * that event type, data key, data class and bus capability, and every data-class table is a record with exactly
 * those components, wire names, nullability and types. This holds independently of the Avro codec.
 */
class OpenEdxCatalogTests {

	private static final EventsSpec SPEC = EventsSpec.read();

	private static final Map<String, Class<?>> PYTHON_TYPES = pythonTypes();

	@Test
	void specListsSeventyFiveSignalsAndFiftyDataClasses() {
		assertThat(SPEC.signals()).hasSize(75);
		assertThat(SPEC.dataClasses()).hasSize(50);
	}

	@Test
	void everySignalIsAConstantWithItsEventTypeDataKeyDataClassAndBusCapability() throws Exception {
		for (Signal signal : SPEC.signals()) {
			Class<?> events = Class.forName(signal.eventsClass());
			Field field = events.getField(signal.name());
			assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
				.as(signal.name())
				.isTrue();
			assertThat(field.getType()).as(signal.name()).isEqualTo(EventType.class);
			EventType<?> type = (EventType<?>) field.get(null);
			assertThat(type.type()).as(signal.name()).isEqualTo(signal.eventType());
			assertThat(type.dataKey()).as(signal.name()).isEqualTo(signal.dataKey());
			assertThat(type.dataType().getName()).as(signal.name())
				.isEqualTo(signal.javaPackage() + "." + signal.dataClass());
			assertThat(type.minorVersion()).as(signal.name()).isZero();
			assertThat(type.busCapable()).as(signal.name()).isEqualTo(signal.busCapable());
			assertThat(((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0]).as(signal.name())
				.isEqualTo(type.dataType());
			Field typeString = Class.forName(signal.eventsClass() + "$Types").getField(signal.name());
			assertThat(typeString.getType()).isEqualTo(String.class);
			assertThat(Modifier.isStatic(typeString.getModifiers()) && Modifier.isFinal(typeString.getModifiers()))
				.isTrue();
			assertThat(typeString.get(null)).as(signal.name()).isEqualTo(signal.eventType());
		}
	}

	@Test
	void eventsClassesDeclareExactlyTheSignalsOfTheirSubdomainInSpecOrder() throws Exception {
		for (String subdomain : EventsSpec.EVENTS_CLASSES.keySet()) {
			List<Signal> signals = SPEC.signals().stream().filter((s) -> s.subdomain().equals(subdomain)).toList();
			Class<?> events = Class.forName(signals.get(0).eventsClass());
			List<String> names = signals.stream().map(Signal::name).toList();
			assertThat(publicConstants(events, EventType.class)).as(events.getSimpleName())
				.containsExactlyInAnyOrderElementsOf(names);
			assertThat(publicConstants(Class.forName(events.getName() + "$Types"), String.class))
				.as(events.getSimpleName() + ".Types")
				.containsExactlyInAnyOrderElementsOf(names);
			@SuppressWarnings("unchecked")
			List<EventType<?>> all = (List<EventType<?>>) events.getMethod("all").invoke(null);
			assertThat(all).extracting(EventType::type)
				.containsExactlyElementsOf(signals.stream().map(Signal::eventType).toList());
		}
	}

	@Test
	void typeStringsAreCompileTimeConstantsUsableInAnnotations() throws Exception {
		OpenEdxEventListener listener = AnnotatedListener.class.getDeclaredMethod("on", Object.class)
			.getAnnotation(OpenEdxEventListener.class);
		assertThat(listener.value()).containsExactly(LearningEvents.COURSE_ENROLLMENT_CREATED.type(),
				ContentAuthoringEvents.XBLOCK_PUBLISHED.type());
	}

	@Test
	void allListsEverySignalInSpecOrder() {
		assertThat(OpenEdxCatalog.all()).extracting(EventType::type)
			.containsExactlyElementsOf(SPEC.signals().stream().map(Signal::eventType).toList());
	}

	@Test
	void catalogHasSeventyFiveUniqueTypesOfWhichSeventyTwoCanTravelOnTheBus() {
		assertThat(OpenEdxCatalog.all()).hasSize(75);
		assertThat(OpenEdxCatalog.all()).extracting(EventType::type).doesNotHaveDuplicates();
		assertThat(OpenEdxCatalog.busCapable()).hasSize(72).allMatch(EventType::busCapable);
		assertThat(OpenEdxCatalog.all()).filteredOn((type) -> !type.busCapable())
			.extracting(EventType::type)
			.containsExactly("org.openedx.content_authoring.course.certificate_config.changed.v1",
					"org.openedx.content_authoring.course.certificate_config.deleted.v1",
					"org.openedx.learning.external_grader.score.submitted.v1");
		assertThat(AnalyticsEvents.all()).hasSize(1);
		assertThat(AuthzEvents.all()).hasSize(2);
		assertThat(ContentAuthoringEvents.all()).hasSize(27);
		assertThat(EnterpriseEvents.all()).hasSize(8);
		assertThat(LearningEvents.all()).hasSize(37);
	}

	@Test
	void unserializableTypesSayWhy() {
		assertThat(ContentAuthoringEvents.COURSE_CERTIFICATE_CONFIG_CHANGED.unserializableReason())
			.contains("KNOWN_UNSERIALIZABLE_SIGNALS")
			.contains("BinaryIO");
		assertThat(ContentAuthoringEvents.COURSE_CERTIFICATE_CONFIG_DELETED.unserializableReason())
			.contains("BinaryIO");
		assertThat(LearningEvents.EXTERNAL_GRADER_SCORE_SUBMITTED.unserializableReason())
			.contains("KNOWN_UNSERIALIZABLE_SIGNALS")
			.contains("without a documented reason");
	}

	@Test
	void catalogFindsEveryTypeByItsStringAndNoOther() {
		for (EventType<?> type : OpenEdxCatalog.all()) {
			assertThat(OpenEdxCatalog.catalog().get(type.type())).isSameAs(type);
		}
		assertThat(OpenEdxCatalog.catalog().all()).containsExactlyElementsOf(OpenEdxCatalog.all());
		assertThat(OpenEdxCatalog.catalog().find("org.openedx.learning.course.enrollment.created.v2")).isEmpty();
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> OpenEdxCatalog.catalog().get("org.openedx.nothing.v1"))
			.withMessageContaining("org.openedx.nothing.v1");
	}

	@Test
	void everyDataClassIsARecordWithTheSpecFieldsInOrderWithTheirWireNamesNullabilityAndTypes() throws Exception {
		for (DataClass table : SPEC.dataClasses()) {
			Class<?> record = Class.forName(table.javaName());
			assertThat(record.isRecord()).as(table.javaName()).isTrue();
			assertThat(record.isAnnotationPresent(WireName.class)).as(table.javaName()).isFalse();
			RecordComponent[] components = record.getRecordComponents();
			assertThat(Arrays.stream(components).map(OpenEdxCatalogTests::wireName))
				.as(table.javaName() + " wire names")
				.containsExactlyElementsOf(table.fields().stream().map(EventsSpec.Field::name).toList());
			for (int i = 0; i < components.length; i++) {
				RecordComponent component = components[i];
				EventsSpec.Field field = table.fields().get(i);
				String where = table.javaName() + "." + component.getName();
				assertThat(field.position()).isEqualTo(i + 1);
				assertThat(component.getAnnotatedType().isAnnotationPresent(Nullable.class)).as(where + " @Nullable")
					.isEqualTo(field.nullable());
				assertThat(field.nullable()).as(where + " nullable iff attrs default None")
					.isEqualTo(field.pythonDefault().equals("None"));
				assertThat(component.getGenericType().getTypeName()).as(where + " type")
					.isEqualTo(javaType(field.pythonType(), field.nullable(), table.subdomain()));
			}
		}
	}

	@Test
	void recordsReachableFromTheCatalogAreExactlyTheSpecDataClasses() {
		Set<String> reachable = new LinkedHashSet<>();
		Deque<Class<?>> pending = new ArrayDeque<>();
		OpenEdxCatalog.all().forEach((type) -> pending.add(type.dataType()));
		while (!pending.isEmpty()) {
			Class<?> record = pending.pop();
			if (reachable.add(record.getName())) {
				for (RecordComponent component : record.getRecordComponents()) {
					collectRecords(component.getGenericType(), pending);
				}
			}
		}
		assertThat(reachable)
			.containsExactlyInAnyOrderElementsOf(SPEC.dataClasses().stream().map(DataClass::javaName).toList());
	}

	@Test
	void sameNamedDataClassesOfDifferentSubdomainsAreDifferentRecords() {
		assertThat(ContentAuthoringEvents.COURSE_CREATED.dataType().getSimpleName()).isEqualTo("CourseData");
		assertThat(LearningEvents.COURSE_ENROLLMENT_CREATED.dataType().getRecordComponents()[1].getType()
			.getSimpleName()).isEqualTo("CourseData");
		assertThat(ContentAuthoringEvents.COURSE_CREATED.dataType())
			.isNotEqualTo(LearningEvents.COURSE_ENROLLMENT_CREATED.dataType().getRecordComponents()[1].getType());
	}

	static class AnnotatedListener {

		@OpenEdxEventListener({ LearningEvents.Types.COURSE_ENROLLMENT_CREATED,
				ContentAuthoringEvents.Types.XBLOCK_PUBLISHED })
		void on(Object data) {
		}

	}

	private static void collectRecords(Type type, Deque<Class<?>> pending) {
		if (type instanceof ParameterizedType parameterized) {
			Arrays.stream(parameterized.getActualTypeArguments()).forEach((arg) -> collectRecords(arg, pending));
		}
		else if (type instanceof Class<?> cls && cls.isRecord()) {
			pending.add(cls);
		}
	}

	private static List<String> publicConstants(Class<?> owner, Class<?> type) {
		return Arrays.stream(owner.getDeclaredFields())
			.filter((field) -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
					&& field.getType() == type)
			.map(Field::getName)
			.toList();
	}

	/** The wire name as the conventions define it: {@code @WireName}, else camelCase turned into snake_case. */
	static String wireName(RecordComponent component) {
		WireName wireName = component.getAnnotation(WireName.class);
		if (wireName != null) {
			return wireName.value();
		}
		return component.getName().chars().mapToObj((ch) -> Character.isUpperCase(ch)
				? "_" + Character.toLowerCase((char) ch) : String.valueOf((char) ch)).collect(Collectors.joining());
	}

	/** The Java type the conventions give a Python type, as {@link Type#getTypeName()} prints it. */
	static String javaType(String pythonType, boolean nullable, String subdomain) {
		if (pythonType.startsWith("list[")) {
			return List.class.getName() + "<" + javaType(inner(pythonType, "list["), true, subdomain) + ">";
		}
		if (pythonType.startsWith("dict[str, ")) {
			return Map.class.getName() + "<java.lang.String, " + javaType(inner(pythonType, "dict[str, "), true,
					subdomain) + ">";
		}
		return switch (pythonType) {
			case "int" -> nullable ? "java.lang.Long" : "long";
			case "float" -> nullable ? "java.lang.Double" : "double";
			case "bool" -> nullable ? "java.lang.Boolean" : "boolean";
			default -> {
				Class<?> mapped = PYTHON_TYPES.get(pythonType);
				yield (mapped != null) ? mapped.getName()
						: "dev.openedx.eventbus.catalog." + EventsSpec.PACKAGES.get(subdomain) + "." + pythonType;
			}
		};
	}

	private static String inner(String pythonType, String prefix) {
		return pythonType.substring(prefix.length(), pythonType.length() - 1);
	}

	private static Map<String, Class<?>> pythonTypes() {
		Map<String, Class<?>> types = new LinkedHashMap<>();
		types.put("str", String.class);
		types.put("datetime", java.time.OffsetDateTime.class);
		types.put("UUID", java.util.UUID.class);
		types.put("BinaryIO", java.io.InputStream.class);
		types.put("CourseKey", CourseKey.class);
		types.put("UsageKey", UsageKey.class);
		types.put("CCXLocator", CcxLocator.class);
		types.put("LibraryLocatorV2", LibraryLocatorV2.class);
		types.put("LibraryUsageLocatorV2", LibraryUsageLocatorV2.class);
		types.put("LibraryCollectionLocator", LibraryCollectionLocator.class);
		types.put("LibraryContainerLocator", LibraryContainerLocator.class);
		return types;
	}

}
