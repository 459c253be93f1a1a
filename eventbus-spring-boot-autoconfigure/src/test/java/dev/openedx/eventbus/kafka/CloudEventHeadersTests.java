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

package dev.openedx.eventbus.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.PythonDateTimes;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventHeadersTests {

	private static final EventOrigin CONSUMER = new EventOrigin("openedx/consumer/web", "consumer-host",
			List.of(11, 2, 0));

	@Test
	void writesTheVectorHeadersByteForByteInOrder() {
		for (KafkaVector vector : KafkaVector.all()) {
			Headers headers = CloudEventHeaders.write(vector.metadata());
			List<String> names = new ArrayList<>();
			for (Header header : headers) {
				names.add(header.key());
			}
			assertThat(names).as(vector.file()).containsExactlyElementsOf(vector.headers().keySet());
			assertThat(names).containsExactlyElementsOf(CloudEventHeaders.NAMES);
			for (Map.Entry<String, byte[]> expected : vector.headers().entrySet()) {
				assertThat(headers.lastHeader(expected.getKey()).value()).as(vector.file() + " " + expected.getKey())
					.containsExactly(expected.getValue());
			}
		}
	}

	@Test
	void readsTheVectorHeadersBackIntoTheSameMetadata() {
		for (KafkaVector vector : KafkaVector.all()) {
			List<String> missing = new ArrayList<>();
			Headers headers = vectorHeaders(vector);
			assertThat(CloudEventHeaders.eventType(headers)).isEqualTo(vector.eventType());
			assertThat(CloudEventHeaders.read(headers, CONSUMER, missing::add)).isEqualTo(vector.metadata());
			assertThat(missing).isEmpty();
		}
	}

	@Test
	void timeIsWrittenExactlyAsTheGeneralPythonFormatterWritesIt() {
		List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"),
				Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("2024-02-29T12:00:00.000001Z"),
				Instant.parse("2026-01-02T03:04:05.678901Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
				Instant.parse("2000-03-01T00:00:00Z"), Instant.parse("1900-02-28T23:59:59Z")));
		java.util.Random random = new java.util.Random(42);
		for (int i = 0; i < 20_000; i++) {
			instants.add(Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
					random.nextInt(1_000_000) * 1000L));
		}
		for (Instant instant : instants) {
			assertThat(new String(CloudEventHeaders.time(instant), StandardCharsets.US_ASCII)).as(instant.toString())
				.isEqualTo(PythonDateTimes.formatUtc(instant));
		}
		assertThatExceptionOfType(java.time.DateTimeException.class)
			.isThrownBy(() -> CloudEventHeaders.time(Instant.parse("+10000-01-01T00:00:00Z")));
	}

	@Test
	void sharedHeaderValuesFollowTheMetadata() {
		EventOrigin other = new EventOrigin("openedx/other/web", "other-host", List.of(10, 0, 1));
		EventsMetadata first = CONSUMER.newMetadata(dev.openedx.eventbus.event.EventType.of("org.test.a.v1", "a",
				String.class));
		EventsMetadata second = other.newMetadata(dev.openedx.eventbus.event.EventType.of("org.test.b.v1", "b",
				String.class, 3));
		for (EventsMetadata metadata : List.of(first, second, first, second)) {
			assertThat(read(CloudEventHeaders.write(metadata))).isEqualTo(metadata);
		}
	}

	@Test
	void missingOptionalHeadersTakeTheConsumerDefaultsAndAreReported() {
		Headers headers = new RecordHeaders();
		headers.add("ce_type", utf8("org.openedx.learning.course.enrollment.created.v1"));
		headers.add("ce_id", utf8("01b4cdfa-63fb-585d-a74e-56d8adb2d62f"));
		List<String> missing = new ArrayList<>();
		Instant before = Instant.now().minusSeconds(1);
		EventsMetadata metadata = CloudEventHeaders.read(headers, CONSUMER, missing::add);
		assertThat(missing).containsExactly("ce_source", "ce_time", "ce_minorversion", "sourcehost", "sourcelib");
		assertThat(metadata.source()).isEqualTo("openedx/consumer/web");
		assertThat(metadata.sourceHost()).isEqualTo("consumer-host");
		assertThat(metadata.sourceLib()).containsExactly(11, 2, 0);
		assertThat(metadata.minorVersion()).isZero();
		assertThat(metadata.time()).isAfter(before);
	}

	@Test
	void missingTypeOrIdIsMissingMetadata() {
		Headers noType = headersWithout("ce_type");
		assertFailure(() -> CloudEventHeaders.eventType(noType), FailureKind.MISSING_METADATA, "Missing ce_type");
		assertFailure(() -> read(noType), FailureKind.MISSING_METADATA, "Missing ce_type");
		assertFailure(() -> read(headersWithout("ce_id")), FailureKind.MISSING_METADATA, "Missing \"ce_id\"");
	}

	@Test
	void duplicateMetadataHeadersAreRefused() {
		for (String name : List.of("ce_type", "ce_id", "ce_source", "ce_time", "ce_minorversion", "sourcehost",
				"sourcelib")) {
			Headers headers = vectorHeaders(KafkaVector.all().get(0));
			headers.add(name, headers.lastHeader(name).value());
			assertFailure(() -> read(headers), FailureKind.DUPLICATE_METADATA, name);
		}
		Headers twoTypes = vectorHeaders(KafkaVector.all().get(0));
		twoTypes.add("ce_type", utf8("org.openedx.other.v1"));
		assertFailure(() -> CloudEventHeaders.eventType(twoTypes), FailureKind.DUPLICATE_METADATA, "Multiple ce_type");
	}

	@Test
	void aTypeHeaderThatIsNotUtf8IsInvalidMetadata() {
		Headers headers = new RecordHeaders();
		headers.add("ce_type", new byte[] { 'o', 'r', 'g', (byte) 0xC3, (byte) 0x28 });
		assertFailure(() -> CloudEventHeaders.eventType(headers), FailureKind.INVALID_METADATA, "not UTF-8");
	}

	@Test
	void duplicateConstantHeadersAreHarmless() {
		Headers headers = vectorHeaders(KafkaVector.all().get(0));
		headers.add("ce_specversion", utf8("1.0"));
		assertThat(read(headers).id()).isEqualTo(KafkaVector.all().get(0).metadata().id());
	}

	@Test
	void malformedValuesAreInvalidMetadataNamingTheField() {
		assertInvalid("ce_time", "2026-01-02T03:04:05.678901+02:00", "time");
		assertInvalid("ce_time", "2026-01-02T03:04:05.678901", "naive");
		assertInvalid("ce_time", "yesterday", "time");
		assertInvalid("ce_id", "not-a-uuid", "id");
		assertInvalid("ce_minorversion", "one", "minorversion");
		assertInvalid("sourcelib", "1.0.0-SNAPSHOT", "sourcelib");
	}

	@Test
	void zuluTimeIsUtc() {
		Headers headers = replaced("ce_time", utf8("2026-01-02T03:04:05.678901Z"));
		assertThat(read(headers).time()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678901Z"));
	}

	@Test
	void valuesMustBeUtf8() {
		assertFailure(() -> read(replaced("ce_source", new byte[] { (byte) 0xc3, 0x28 })), FailureKind.INVALID_METADATA,
				"not UTF-8");
		assertFailure(() -> read(replaced("ce_source", null)), FailureKind.INVALID_METADATA, "no value");
		assertThat(read(replaced("sourcehost", utf8("hôte"))).sourceHost()).isEqualTo("hôte");
	}

	private static void assertInvalid(String header, String value, String expected) {
		assertFailure(() -> read(replaced(header, utf8(value))), FailureKind.INVALID_METADATA, expected);
	}

	private static EventsMetadata read(Headers headers) {
		return CloudEventHeaders.read(headers, CONSUMER, (name) -> {
		});
	}

	private static void assertFailure(Runnable action, FailureKind kind, String text) {
		assertThatExceptionOfType(ConsumeFailureException.class).isThrownBy(action::run)
			.withMessageContaining(text)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(kind));
	}

	private static Headers vectorHeaders(KafkaVector vector) {
		Headers headers = new RecordHeaders();
		vector.headers().forEach(headers::add);
		return headers;
	}

	private static Headers headersWithout(String name) {
		Headers headers = vectorHeaders(KafkaVector.all().get(0));
		headers.remove(name);
		return headers;
	}

	private static Headers replaced(String name, byte[] value) {
		Headers headers = headersWithout(name);
		headers.add(name, value);
		return headers;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
