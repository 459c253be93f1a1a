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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventKeyFieldTests {

	private static final EventType<Keyed> KEYED = EventType.of("org.acme.keyed.v1", "keyed", Keyed.class);

	private final AvroEventCodec codec = new AvroEventCodec();

	private final Keyed keyed = new Keyed(-3L, 7, 2.5, true, "abc", UUID.fromString("01b4cdfa-63fb-585d-a74e-56d8adb2d62f"),
			OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 678901000, ZoneOffset.UTC), new Inner("deep"), null, List.of("x"),
			Map.of("k", "v"));

	@ParameterizedTest
	@CsvSource({ "keyed.count, long, -3, 05", "keyed.small, long, 7, 0e", "keyed.ratio, double, 2.5, 0000000000000440",
			"keyed.flag, boolean, true, 01", "keyed.name, string, abc, 06616263",
			"keyed.inner.label, string, deep, 0864656570" })
	void keyFieldHasThePrimitiveSchemaValueAndBinaryOfItsLeaf(String path, String primitive, String value,
			String hex) {
		EventKeyField key = this.codec.keyField(KEYED, path);
		assertThat(key.path()).isEqualTo(path);
		assertThat(key.primitiveName()).isEqualTo(primitive);
		assertThat(key.schema()).isEqualTo(Schema.create(Schema.Type.valueOf(primitive.toUpperCase())));
		assertThat(String.valueOf(key.value(this.keyed))).isEqualTo(value);
		assertThat(HexFormat.of().formatHex(key.encode(this.keyed))).isEqualTo(hex);
	}

	@Test
	void uuidAndDateTimeKeysAreTheirPythonStrings() {
		assertThat(this.codec.keyField(KEYED, "keyed.id").value(this.keyed))
			.isEqualTo("01b4cdfa-63fb-585d-a74e-56d8adb2d62f");
		assertThat(this.codec.keyField(KEYED, "keyed.at").value(this.keyed))
			.isEqualTo("2026-01-02T03:04:05.678901+00:00");
	}

	@Test
	void keyFieldIsCompiledOncePerPath() {
		assertThat(this.codec.keyField(KEYED, "keyed.name")).isSameAs(this.codec.keyField(KEYED, "keyed.name"));
	}

	@Test
	void pathNotStartingWithTheDataKeyIsRefused() {
		assertThatExceptionOfType(InvalidKeyFieldException.class)
			.isThrownBy(() -> this.codec.keyField(LearningEvents.COURSE_ENROLLMENT_CREATED, "user.pii.username"))
			.withMessageContaining("org.openedx.learning.course.enrollment.created.v1")
			.withMessageContaining("'user.pii.username'")
			.withMessageContaining("must start with the data key 'enrollment'")
			.satisfies((ex) -> {
				assertThat(ex.eventType()).isEqualTo("org.openedx.learning.course.enrollment.created.v1");
				assertThat(ex.path()).isEqualTo("user.pii.username");
			});
	}

	@Test
	void pathToAFieldThatDoesNotExistIsRefused() {
		assertThatExceptionOfType(InvalidKeyFieldException.class)
			.isThrownBy(() -> this.codec.keyField(LearningEvents.COURSE_ENROLLMENT_CREATED, "enrollment.user.pii.phone"))
			.withMessageContaining("org.openedx.learning.course.enrollment.created.v1")
			.withMessageContaining("'enrollment.user.pii.phone'")
			.withMessageContaining("has no field 'phone'");
	}

	@Test
	void pathEndingOnARecordIsRefused() {
		assertThatExceptionOfType(InvalidKeyFieldException.class)
			.isThrownBy(() -> this.codec.keyField(LearningEvents.COURSE_ENROLLMENT_CREATED, "enrollment.user"))
			.withMessageContaining("ends on record UserData");
	}

	@Test
	void pathEndingOnAnArrayOrMapIsRefused() {
		assertThatExceptionOfType(InvalidKeyFieldException.class)
			.isThrownBy(() -> this.codec.keyField(KEYED, "keyed.tags"))
			.withMessageContaining("ends on array<string>");
		assertThatExceptionOfType(InvalidKeyFieldException.class)
			.isThrownBy(() -> this.codec.keyField(KEYED, "keyed.labels.k"))
			.withMessageContaining("'keyed.labels' is map<string>");
	}

	@Test
	void pathCrossingANullableFieldIsRefused() {
		assertThatExceptionOfType(InvalidKeyFieldException.class)
			.isThrownBy(() -> this.codec.keyField(LearningEvents.COURSE_ENROLLMENT_CREATED, "enrollment.created_by.id"))
			.withMessageContaining("'enrollment.created_by' is nullable");
	}

	@Test
	void pathEndingOnANullableFieldIsRefused() {
		assertThatExceptionOfType(InvalidKeyFieldException.class)
			.isThrownBy(() -> this.codec.keyField(KEYED, "keyed.note"))
			.withMessageContaining("'keyed.note' is nullable");
	}

	@Test
	void requiredFieldOnThePathThatIsNullFailsNamingIt() {
		EventKeyField key = this.codec.keyField(LearningEvents.COURSE_ENROLLMENT_CREATED, "enrollment.course.course_key");
		CourseEnrollmentData data = new CourseEnrollmentData(AvroEventCodecTests.user(1, "a@example.com"), null,
				"audit", true, OffsetDateTime.now(ZoneOffset.UTC), null);
		assertThatExceptionOfType(EventEncodingException.class).isThrownBy(() -> key.value(data))
			.withMessageContaining("org.openedx.learning.course.enrollment.created.v1")
			.withMessageContaining("field 'enrollment.course'");
	}

	@Test
	void dataOfAnotherTypeIsRefused() {
		EventKeyField key = this.codec.keyField(KEYED, "keyed.name");
		assertThatExceptionOfType(EventEncodingException.class).isThrownBy(() -> key.value("not keyed"))
			.withMessageContaining("org.acme.keyed.v1")
			.withMessageContaining("java.lang.String");
	}

	record Inner(String label) {
	}

	record Keyed(long count, int small, double ratio, boolean flag, String name, UUID id, OffsetDateTime at,
			Inner inner, @Nullable String note, List<String> tags, Map<String, String> labels) {
	}

}
