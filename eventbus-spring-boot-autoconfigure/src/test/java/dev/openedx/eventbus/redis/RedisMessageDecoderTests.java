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

package dev.openedx.eventbus.redis;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisMessageDecoderTests {

	private static final String STREAM = "user-login";

	private static final EventOrigin CONSUMER = new EventOrigin("openedx/consumer/web", "consumer-host",
			List.of(11, 2, 0));

	private final RedisMessageDecoder decoder = new RedisMessageDecoder(TestEvents.CATALOG, TestEvents.codec(),
			CONSUMER);

	@Test
	void decodesMetadataAndDataFromTheEightFields() {
		OpenEdxEvent<?> event = this.decoder.decode(entry("1-0", fields()));

		assertThat(event.type()).isEqualTo(TestEvents.PING);
		assertThat(event.data()).isEqualTo(new TestEvents.Ping("ping", 42));
		assertThat(event.fromEventBus()).isTrue();
		EventsMetadata metadata = event.metadata();
		assertThat(metadata.eventType()).isEqualTo(TestEvents.PING.type());
		assertThat(metadata.id()).isEqualTo(UUID.fromString("01b4cdfa-63fb-585d-a74e-56d8adb2d62f"));
		assertThat(metadata.source()).isEqualTo("openedx/lms/web");
		assertThat(metadata.time()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678901Z"));
		assertThat(metadata.minorVersion()).isEqualTo(3);
		assertThat(metadata.sourceHost()).isEqualTo("edx.devstack.lms");
		assertThat(metadata.sourceLib()).containsExactly(11, 1, 7);
	}

	@Test
	void ignoresFieldsItDoesNotKnow() {
		List<String[]> fields = fields();
		fields.add(new String[] { RedisDeadLetterRecoverer.FAILURE_KIND, "handler_error" });

		assertThat(this.decoder.decode(entry("1-0", fields)).data()).isEqualTo(new TestEvents.Ping("ping", 42));
	}

	@Test
	void givesMissingOrEmptyOptionalFieldsTheConsumerDefaultsAsPythonDoes() {
		List<String[]> fields = fields();
		fields.removeIf((field) -> field[0].equals("source") || field[0].equals("sourcehost")
				|| field[0].equals("minorversion"));
		set(fields, "time", "");
		set(fields, "sourcelib", "");
		Instant before = Instant.now().minusMillis(1);

		EventsMetadata metadata = this.decoder.decode(entry("1-0", fields)).metadata();

		assertThat(metadata.source()).isEqualTo("openedx/consumer/web");
		assertThat(metadata.sourceHost()).isEqualTo("consumer-host");
		assertThat(metadata.sourceLib()).containsExactly(11, 2, 0);
		assertThat(metadata.minorVersion()).isZero();
		assertThat(metadata.time()).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
	}

	@Test
	void derivesTheSameIdForEveryDeliveryOfAnEntryWithoutId() {
		List<String[]> fields = fields();
		fields.removeIf((field) -> field[0].equals("id"));

		UUID first = this.decoder.decode(entry("1700000000000-0", fields)).metadata().id();
		UUID again = this.decoder.decode(entry("1700000000000-0", fields)).metadata().id();
		UUID other = this.decoder.decode(entry("1700000000000-1", fields)).metadata().id();

		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
		assertThat(first.version()).isEqualTo(3);
	}

	@Test
	void reportsAMissingOrEmptyTypeAsMissingMetadata() {
		List<String[]> missing = fields();
		missing.removeIf((field) -> field[0].equals("type"));
		List<String[]> empty = fields();
		set(empty, "type", "");

		assertFailure(entry("1-0", missing), FailureKind.MISSING_METADATA, "'type'");
		assertFailure(entry("1-0", empty), FailureKind.MISSING_METADATA, "'type'");
	}

	@Test
	void reportsAnEntryWithoutFieldsAsTrimmedBeforeItWasHandled() {
		RedisStreamMessage trimmed = new RedisStreamMessage(STREAM, "5-0", List.of());

		assertFailure(trimmed, FailureKind.MISSING_METADATA, "user-login@5-0 has no fields");
	}

	@Test
	void reportsATypeMissingFromTheCatalogAsUnknownEventType() {
		List<String[]> fields = fields();
		set(fields, "type", "org.openedx.learning.something.new.v1");

		assertFailure(entry("1-0", fields), FailureKind.UNKNOWN_EVENT_TYPE, "org.openedx.learning.something.new.v1");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "time|2026-01-02T03:04:05.678901|'time'",
			"time|2026-01-02T03:04:05+01:00|'time'", "time|yesterday|'time'", "id|not-a-uuid|'id'",
			"sourcelib|11.2.0-SNAPSHOT|'sourcelib'", "minorversion|one|'minorversion'" })
	void reportsMalformedMetadataAsInvalidMetadataNamingTheField(String field, String value, String named) {
		List<String[]> fields = fields();
		set(fields, field, value);

		assertFailure(entry("1-0", fields), FailureKind.INVALID_METADATA, named);
	}

	@Test
	void reportsMetadataThatIsNotUtf8AsInvalidMetadata() {
		List<Map.Entry<byte[], byte[]>> fields = raw(fields());
		fields.set(2, Map.entry(RedisTestSupport.bytes("source"), new byte[] { (byte) 0xC3, (byte) 0x28 }));

		assertFailure(new RedisStreamMessage(STREAM, "1-0", fields), FailureKind.INVALID_METADATA, "'source'");
	}

	@Test
	void reportsAFieldThatOccursTwiceAsDuplicateMetadata() {
		List<String[]> fields = fields();
		fields.add(new String[] { "type", TestEvents.PING.type() });

		assertFailure(entry("1-0", fields), FailureKind.DUPLICATE_METADATA, "'type'");
	}

	@Test
	void reportsMissingEventDataAsUndecodableValue() {
		List<Map.Entry<byte[], byte[]>> fields = raw(fields());
		fields.remove(7);

		assertFailure(new RedisStreamMessage(STREAM, "1-0", fields), FailureKind.UNDECODABLE_VALUE, "event_data");
	}

	@Test
	void reportsGarbageEventDataAsUndecodableValueNamingTheType() {
		List<Map.Entry<byte[], byte[]>> fields = raw(fields());
		fields.set(7, Map.entry(RedisTestSupport.bytes("event_data"), new byte[] { (byte) 0xFF, (byte) 0xFF, 1 }));

		assertFailure(new RedisStreamMessage(STREAM, "1-0", fields), FailureKind.UNDECODABLE_VALUE,
				TestEvents.PING.type());
	}

	@Test
	void reportsATypeThatCannotTravelOnTheBusAsUndecodableValue() {
		EventType<InputStream> unserializable = EventType.unserializable("org.openedx.test.file.uploaded.v1", "file",
				InputStream.class, "typing.BinaryIO has no Avro mapping");
		RedisMessageDecoder decoder = new RedisMessageDecoder(EventCatalog.of(List.of(unserializable)),
				TestEvents.codec(), CONSUMER);
		List<String[]> fields = fields();
		set(fields, "type", unserializable.type());

		assertThatExceptionOfType(ConsumeFailureException.class).isThrownBy(() -> decoder.decode(entry("1-0", fields)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.UNDECODABLE_VALUE))
			.withMessageContaining("typing.BinaryIO");
	}

	@Test
	void wireValuesInFailureMessagesAndLoggedAccessorsAreEscaped() {
		List<String[]> fields = fields();
		set(fields, "type", "org.acme.forged.v1\nINFO forged line");
		assertFailure(entry("1-0", fields), FailureKind.UNKNOWN_EVENT_TYPE, "org.acme.forged.v1\\nINFO forged line");

		set(fields, "type", TestEvents.PING.type());
		set(fields, "id", "01b4cdfa\r\nINFO forged");
		RedisStreamMessage message = entry("1-0", fields);
		assertFailure(message, FailureKind.INVALID_METADATA, "'01b4cdfa\\r\\nINFO forged'");
		assertThat(message.eventId()).isEqualTo("01b4cdfa\\r\\nINFO forged");
		assertThat(message.toString()).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void aTypeWithCrLfMakesOneLogLine() {
		List<String[]> fields = fields();
		fields.removeIf((field) -> field[0].equals("id"));
		set(fields, "type", "org.acme.forged.v1\r\nERROR forged line");
		try (LogCapture logs = new LogCapture(RedisMessageDecoder.class)) {
			assertFailure(entry("1-0", fields), FailureKind.UNKNOWN_EVENT_TYPE, "forged.v1\\r\\nERROR forged");
			// The entry has no id: the warning about the derived one names the type.
			assertThat(logs.messages(Level.WARN)).singleElement()
				.satisfies((line) -> assertThat(line).doesNotContain("\n")
					.doesNotContain("\r")
					.contains("org.acme.forged.v1\\r\\nERROR forged line"));
		}
	}

	@Test
	void refusesAnEntryOverTheSizeLimitBeforeReadingAnyField() {
		List<Map.Entry<byte[], byte[]>> fields = raw(fields());
		int size = fields.stream().mapToInt((field) -> field.getKey().length + field.getValue().length).sum();
		RedisMessageDecoder exact = new RedisMessageDecoder(TestEvents.CATALOG, TestEvents.codec(), CONSUMER, size);
		assertThat(exact.decode(new RedisStreamMessage(STREAM, "1-0", fields)).data())
			.isEqualTo(new TestEvents.Ping("ping", 42));

		RedisMessageDecoder smaller = new RedisMessageDecoder(TestEvents.CATALOG, TestEvents.codec(), CONSUMER,
				size - 1);
		// Duplicate and unknown-type fields would fail otherwise: the size is checked first.
		fields.add(Map.entry(RedisTestSupport.bytes("type"), RedisTestSupport.bytes("x")));
		assertThatExceptionOfType(ConsumeFailureException.class)
			.isThrownBy(() -> smaller.decode(new RedisStreamMessage(STREAM, "1-0", fields)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.MESSAGE_TOO_LARGE))
			.withMessageContaining("Entry user-login@1-0 has " + (size + 5) + " bytes, over "
					+ "eventbus.consumer.max-message-size=" + (size - 1));
	}

	@Test
	void defaultSizeLimitIsOneMebibyte() {
		List<Map.Entry<byte[], byte[]>> fields = raw(fields());
		fields.add(Map.entry(RedisTestSupport.bytes("padding"), new byte[1024 * 1024]));
		assertFailure(new RedisStreamMessage(STREAM, "1-0", fields), FailureKind.MESSAGE_TOO_LARGE,
				"over eventbus.consumer.max-message-size=1048576");
	}

	private void assertFailure(RedisStreamMessage message, FailureKind kind, String messagePart) {
		assertThatExceptionOfType(ConsumeFailureException.class).isThrownBy(() -> this.decoder.decode(message))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(kind))
			.withMessageContaining(messagePart);
	}

	private static List<String[]> fields() {
		List<String[]> fields = new ArrayList<>();
		fields.add(new String[] { "type", TestEvents.PING.type() });
		fields.add(new String[] { "id", "01b4cdfa-63fb-585d-a74e-56d8adb2d62f" });
		fields.add(new String[] { "source", "openedx/lms/web" });
		fields.add(new String[] { "time", "2026-01-02T03:04:05.678901+00:00" });
		fields.add(new String[] { "minorversion", "3" });
		fields.add(new String[] { "sourcehost", "edx.devstack.lms" });
		fields.add(new String[] { "sourcelib", "11.1.7" });
		fields.add(new String[] { "event_data", null });
		return fields;
	}

	private static void set(List<String[]> fields, String name, String value) {
		for (String[] field : fields) {
			if (field[0].equals(name)) {
				field[1] = value;
			}
		}
	}

	private static List<Map.Entry<byte[], byte[]>> raw(List<String[]> fields) {
		List<Map.Entry<byte[], byte[]>> raw = new ArrayList<>();
		for (String[] field : fields) {
			byte[] value = (field[1] != null) ? RedisTestSupport.bytes(field[1])
					: TestEvents.codec().encode(TestEvents.PING, new TestEvents.Ping("ping", 42));
			raw.add(Map.entry(RedisTestSupport.bytes(field[0]), value));
		}
		return raw;
	}

	private static RedisStreamMessage entry(String id, List<String[]> fields) {
		return new RedisStreamMessage(STREAM, id, raw(fields));
	}

}
