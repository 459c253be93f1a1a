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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.InvalidMetadataException;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.UnknownEventTypeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventJsonTests {

	private static final String ENROLLMENT = "org.openedx.learning.course.enrollment.created.v1";

	private final EventJson json = new EventJson(Vectors.catalog());

	static List<Vectors> vectors() {
		return Vectors.all();
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void dataJsonRoundTripsToExactlyTheVectorDataWithSortedKeys(Vectors vector) {
		// The vector files hold Python's to_dict output, every object's keys sorted; comparing the compact text
		// (not only the trees) proves the key order too.
		assertThat(roundTripData(vector.type(), vector.dataJson())).isEqualTo(vector.dataJson());
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void metadataJsonRoundTripsToExactlyTheVectorMetadataInAttributeOrder(Vectors vector) {
		EventsMetadata metadata = this.json.metadataFromJson(vector.metadataJson());
		assertThat(metadata.eventType()).isEqualTo(vector.eventType());
		assertThat(metadata.sourceLib()).containsExactly(11, 2, 0);
		assertThat(this.json.metadataToJson(metadata)).isEqualTo(vector.metadataJson());
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void eventJsonRoundTrips(Vectors vector) throws IOException {
		String text = "{\"metadata\":" + vector.metadataJson() + ",\"data\":" + vector.dataJson() + "}";
		OpenEdxEvent<?> event = this.json.fromJson(text);
		assertThat(event.type()).isEqualTo(vector.type());
		assertThat(event.fromEventBus()).isFalse();
		assertThat(event.metadata().timeText()).isEqualTo("2026-01-02T03:04:05.678901+00:00");
		assertThat(this.json.toJson(event)).isEqualTo(text);
	}

	@Test
	void metadataJsonIsPythonsToJsonOfTheSameMetadata() throws IOException {
		EventsMetadata metadata = new EventsMetadata(ENROLLMENT, UUID.fromString("92733220-0b81-53ef-ab4a-6e16e22fc61c"),
				0, "openedx/lms/web", "edx.devstack.lms", Instant.parse("2026-01-02T03:04:05Z"), List.of(11, 2, 0));
		JsonNode node = Vectors.JSON.readTree(this.json.metadataToJson(metadata));
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		assertThat(names).containsExactly("event_type", "id", "minorversion", "source", "sourcehost", "time",
				"sourcelib");
		assertThat(node.get("time").textValue()).isEqualTo("2026-01-02T03:04:05+00:00");
	}

	@Test
	void sourceLibMayBeGivenAsDottedText() {
		EventsMetadata metadata = this.json.metadataFromJson(metadataWith("sourcelib", "\"11.2.0\""));
		assertThat(metadata.sourceLib()).containsExactly(11, 2, 0);
	}

	@Test
	void minorVersionIsOptional() {
		ObjectNode node = (ObjectNode) enrollmentVector().metadata().deepCopy();
		node.remove("minorversion");
		assertThat(this.json.metadataFromJson(node.toString()).minorVersion()).isZero();
	}

	@Test
	void unknownEventTypeFailsNamingIt() {
		String text = "{\"metadata\":" + metadataWith("event_type", "\"org.acme.nope.v1\"") + ",\"data\":{}}";
		assertThatExceptionOfType(UnknownEventTypeException.class).isThrownBy(() -> this.json.fromJson(text))
			.withMessageContaining("org.acme.nope.v1");
	}

	@Test
	void naiveMetadataTimeFailsNamingTheEventTypeAndTime() {
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> this.json.metadataFromJson(metadataWith("time", "\"2026-01-02T03:04:05.678901\"")))
			.withMessageContaining("'time'")
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("no UTC offset")
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("time"));
	}

	@Test
	void nonUtcMetadataTimeFailsNamingTheEventTypeAndTime() {
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> this.json.metadataFromJson(metadataWith("time", "\"2026-01-02T03:04:05+02:00\"")))
			.withMessageContaining("'time'")
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("must be UTC");
	}

	@Test
	void sourceLibThatIsNotDotSeparatedIntegersFailsNamingTheEventTypeAndSourceLib() {
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> this.json.metadataFromJson(metadataWith("sourcelib", "\"11.2.x\"")))
			.withMessageContaining("'sourcelib'")
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("not dot-separated integers");
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> this.json.metadataFromJson(metadataWith("sourcelib", "[11, \"2\", 0]")))
			.withMessageContaining("'sourcelib'")
			.withMessageContaining(ENROLLMENT);
	}

	@Test
	void missingMetadataFieldFailsNamingIt() {
		ObjectNode node = (ObjectNode) enrollmentVector().metadata().deepCopy();
		node.remove("sourcehost");
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> this.json.metadataFromJson(node.toString()))
			.withMessageContaining("'sourcehost'")
			.withMessageContaining(ENROLLMENT);
	}

	@Test
	void missingRequiredDataFieldFailsNamingTheEventTypeAndFieldPath() {
		ObjectNode data = (ObjectNode) enrollmentVector().data().deepCopy();
		((ObjectNode) data.get("enrollment").get("user").get("pii")).remove("email");
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.json.dataFromJson(LearningEvents.COURSE_ENROLLMENT_CREATED, data.toString()))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("field 'enrollment.user.pii.email' is missing");
	}

	@Test
	void missingNullableDataFieldIsNull() {
		ObjectNode data = (ObjectNode) enrollmentVector().data().deepCopy();
		((ObjectNode) data.get("enrollment")).remove("created_by");
		assertThat(this.json.dataFromJson(LearningEvents.COURSE_ENROLLMENT_CREATED, data.toString()).createdBy())
			.isNull();
	}

	@Test
	void nullInARequiredDataFieldFailsNamingIt() {
		ObjectNode data = (ObjectNode) enrollmentVector().data().deepCopy();
		((ObjectNode) data.get("enrollment")).putNull("mode");
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.json.dataFromJson(LearningEvents.COURSE_ENROLLMENT_CREATED, data.toString()))
			.withMessageContaining("field 'enrollment.mode' is null");
	}

	@Test
	void valueOfTheWrongJsonTypeFailsNamingTheField() {
		ObjectNode data = (ObjectNode) enrollmentVector().data().deepCopy();
		((ObjectNode) data.get("enrollment").get("user")).put("id", "1000");
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.json.dataFromJson(LearningEvents.COURSE_ENROLLMENT_CREATED, data.toString()))
			.withMessageContaining("field 'enrollment.user.id' holds JSON string, expected an integer");
	}

	@Test
	void unknownDataFieldFailsNamingTheRecord() {
		ObjectNode data = (ObjectNode) enrollmentVector().data().deepCopy();
		((ObjectNode) data.get("enrollment").get("course")).put("org", "edX");
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.json.dataFromJson(LearningEvents.COURSE_ENROLLMENT_CREATED, data.toString()))
			.withMessageContaining("field 'enrollment.course' has unknown fields [org]");
	}

	@Test
	void malformedOpaqueKeyInJsonFailsNamingTheField() {
		ObjectNode data = (ObjectNode) enrollmentVector().data().deepCopy();
		((ObjectNode) data.get("enrollment").get("course")).put("course_key", "lib:MITx:problems");
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.json.dataFromJson(LearningEvents.COURSE_ENROLLMENT_CREATED, data.toString()))
			.withMessageContaining("field 'enrollment.course.course_key' does not hold a valid CourseKey");
	}

	@Test
	void nullInARequiredFieldFailsWhenWritingJson() {
		CourseEnrollmentData data = new CourseEnrollmentData(AvroEventCodecTests.user(1, "a@example.com"),
				AvroEventCodecTests.course(), null, true, OffsetDateTime.now(ZoneOffset.UTC), null);
		assertThatExceptionOfType(EventEncodingException.class)
			.isThrownBy(() -> this.json.dataToJson(LearningEvents.COURSE_ENROLLMENT_CREATED, data))
			.withMessageContaining(ENROLLMENT)
			.withMessageContaining("field 'enrollment.mode' is null");
	}

	@Test
	void nonFiniteDoublesAreWrittenAsPythonWritesThem() {
		EventType<Measure> type = EventType.of("org.acme.measure.v1", "measure", Measure.class);
		String text = this.json.dataToJson(type, new Measure(Double.NaN, Double.POSITIVE_INFINITY));
		assertThat(text).isEqualTo("{\"measure\":{\"a\":NaN,\"b\":Infinity}}");
		assertThat(this.json.dataFromJson(type, text).b()).isInfinite();
	}

	private <D> String roundTripData(EventType<D> type, String text) {
		return this.json.dataToJson(type, this.json.dataFromJson(type, text));
	}

	private static String metadataWith(String field, String rawValue) {
		ObjectNode node = (ObjectNode) enrollmentVector().metadata().deepCopy();
		try {
			node.set(field, Vectors.JSON.readTree(rawValue));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
		return node.toString();
	}

	private static Vectors enrollmentVector() {
		return Vectors.all().stream().filter((vector) -> vector.eventType().equals(ENROLLMENT)).findFirst()
			.orElseThrow();
	}

	record Measure(double a, double b) {
	}

}
