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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.MessageDeferredException;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.testing.LogCapture;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decoder on hand-built records (a unit seam) with a real registry over HTTP.
 */
class KafkaMessageDecoderTests {

	private static final EventCatalog catalog = OpenEdxCatalog.catalog();

	private static final AvroEventCodec codec = new AvroEventCodec();

	private static final EventOrigin CONSUMER = EventOrigin.forService("consumer");

	@SchemaRegistry
	private InMemorySchemaRegistry registry;

	private KafkaMessageDecoder decoder;

	@BeforeEach
	void start() {
		this.decoder = new KafkaMessageDecoder(catalog, codec,
				new SchemaRegistryClient(SchemaRegistrySettings.of(this.registry.url())), CONSUMER);
	}

	@Test
	void decodesEveryVectorIntoTheEventAPythonProducerSent() {
		EventJson json = new EventJson(catalog);
		for (KafkaVector vector : KafkaVector.all()) {
			try (InMemorySchemaRegistry fresh = new InMemorySchemaRegistry()) {
				assertThat(fresh.register(vector.keySubject(), "\"string\"")).isEqualTo(1);
				assertThat(fresh.register(vector.valueSubject(), vector.valueSchemaString())).isEqualTo(2);
				KafkaMessageDecoder vectorDecoder = new KafkaMessageDecoder(catalog, codec,
						new SchemaRegistryClient(SchemaRegistrySettings.of(fresh.url())), CONSUMER);
				OpenEdxEvent<?> event = vectorDecoder.decode(message(vector.keyBytes(), vector.valueBytes(),
						headers(vector)));
				EventType<?> type = catalog.get(vector.eventType());
				assertThat(event.type()).isEqualTo(type);
				assertThat(event.fromEventBus()).isTrue();
				assertThat(event.metadata()).isEqualTo(vector.metadata());
				assertThat(event.data()).isEqualTo(json.dataFromJson(type, vector.dataJson()));
			}
		}
	}

	@Test
	void resolvesAnOlderWriterSchemaIntoTheCurrentOne() throws Exception {
		// The stored xblock.published.v1 schema predates the nullable "version" field of the wire schema.
		Schema older = SchemaRegistryClient.parse(Files.readString(KafkaVector.sharedDir()
			.resolve("spec/schemas/org+openedx+content_authoring+xblock+published+v1_schema.avsc")));
		int id = this.registry.register("t-org.openedx.content_authoring.xblock.published.v1.CloudEvent",
				older.toString());
		GenericRecord xblock = new GenericData.Record(older.getField("xblock_info").schema());
		xblock.put("usage_key", "block-v1:edX+DemoX+2026+type@html+block@intro");
		xblock.put("block_type", "html");
		GenericRecord value = new GenericData.Record(older);
		value.put("xblock_info", xblock);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		new GenericDatumWriter<GenericRecord>(older).write(value, encoder);
		encoder.flush();

		KafkaVector vector = vector("org.openedx.content_authoring.xblock.published.v1");
		OpenEdxEvent<?> event = this.decoder.decode(message(vector.keyBytes(), ConfluentFraming.frame(id, out.toByteArray()),
				headers(vector)));
		EventType<?> type = event.type();
		assertThat(event.data()).isEqualTo(new EventJson(catalog).dataFromJson(type, "{\"xblock_info\": {"
				+ "\"usage_key\": \"block-v1:edX+DemoX+2026+type@html+block@intro\", \"block_type\": \"html\", "
				+ "\"version\": null}}"));
	}

	@Test
	void unknownEventTypeIsClassified() {
		Headers headers = headers(vector("org.openedx.learning.course.enrollment.created.v1"));
		headers.remove("ce_type");
		headers.add("ce_type", "org.openedx.learning.course.teleported.v1".getBytes(StandardCharsets.UTF_8));
		assertFailure(headers, new byte[] { 0, 0, 0, 0, 1, 2 }, FailureKind.UNKNOWN_EVENT_TYPE,
				"org.openedx.learning.course.teleported.v1");
	}

	@Test
	void headerProblemsAreClassified() {
		KafkaVector vector = vector("org.openedx.learning.course.enrollment.created.v1");
		Headers noType = headers(vector);
		noType.remove("ce_type");
		assertFailure(noType, vector.valueBytes(), FailureKind.MISSING_METADATA, "ce_type");
		Headers noId = headers(vector);
		noId.remove("ce_id");
		assertFailure(noId, vector.valueBytes(), FailureKind.MISSING_METADATA, "ce_id");
		Headers twoTimes = headers(vector);
		twoTimes.add("ce_time", "2026-01-02T03:04:05+00:00".getBytes(StandardCharsets.UTF_8));
		assertFailure(twoTimes, vector.valueBytes(), FailureKind.DUPLICATE_METADATA, "ce_time");
		Headers localTime = headers(vector);
		localTime.remove("ce_time");
		localTime.add("ce_time", "2026-01-02T03:04:05.678901+02:00".getBytes(StandardCharsets.UTF_8));
		assertFailure(localTime, vector.valueBytes(), FailureKind.INVALID_METADATA, "+02:00");
	}

	@Test
	void badValuesAreUndecodable() {
		KafkaVector vector = vector("org.openedx.learning.course.enrollment.created.v1");
		assertFailure(headers(vector), "garbage".getBytes(StandardCharsets.UTF_8), FailureKind.UNDECODABLE_VALUE,
				"not the magic byte");
		assertFailure(headers(vector), null, FailureKind.UNDECODABLE_VALUE, "no value");
		assertFailure(headers(vector), ConfluentFraming.frame(77, new byte[] { 1, 2, 3 }),
				FailureKind.UNDECODABLE_VALUE, "schema id 77");
		int id = this.registry.register("t-value", vector.valueSchemaString());
		assertFailure(headers(vector), ConfluentFraming.frame(id, new byte[] { 2, 'a' }),
				FailureKind.UNDECODABLE_VALUE, vector.eventType());
	}

	@Test
	void registryThatCannotAnswerIsNotBlamedOnTheMessage() {
		KafkaVector vector = vector("org.openedx.learning.course.enrollment.created.v1");
		int id = this.registry.register("t-value", vector.valueSchemaString());
		this.registry.failNextRequests(3, 503);
		assertThatExceptionOfType(SchemaUnavailableException.class)
			.isThrownBy(() -> this.decoder.decode(message(null, ConfluentFraming.frame(id, vector.avroValueBytes()),
					headers(vector))))
			.withMessageContaining("schema id " + id)
			.withMessageContaining("503")
			.isInstanceOf(MessageDeferredException.class);
		assertThat(this.decoder.decode(message(null, ConfluentFraming.frame(id, vector.avroValueBytes()),
				headers(vector))).metadata()).isEqualTo(vector.metadata());
	}

	@Test
	void missingOptionalHeadersAreLoggedWithTheCoordinates() {
		KafkaVector vector = vector("org.openedx.learning.course.enrollment.created.v1");
		this.registry.register("t-string", "\"string\"");
		int id = this.registry.register("t-value", vector.valueSchemaString());
		Headers headers = headers(vector);
		headers.remove("sourcehost");
		try (LogCapture logs = new LogCapture()) {
			OpenEdxEvent<?> event = this.decoder.decode(message(vector.keyBytes(),
					ConfluentFraming.frame(id, vector.avroValueBytes()), headers));
			assertThat(event.metadata().sourceHost()).isEqualTo(CONSUMER.sourceHost());
			assertThat(logs.messages(Level.WARN)).anySatisfy((message) -> assertThat(message).contains("sourcehost")
				.contains("t-0@42"));
		}
	}

	@Test
	void inboundMessageShowsCoordinatesKeyIdAndType() {
		KafkaVector vector = vector("org.openedx.learning.course.enrollment.created.v1");
		KafkaInboundMessage message = message(vector.keyBytes(), vector.valueBytes(), headers(vector));
		assertThat(message.coordinates()).isEqualTo("t-0@42");
		assertThat(message.key()).isEqualTo("course-v1:edX+DemoX0+2026_T1");
		assertThat(message.eventId()).isEqualTo(vector.metadata().id().toString());
		assertThat(message.eventType()).isEqualTo(vector.eventType());
		assertThat(KafkaInboundMessage.printableKey(new byte[] { 1, 2, (byte) 0xff })).isEqualTo("0x0102ff");
		assertThat(KafkaInboundMessage.printableKey(null)).isNull();
	}

	@Test
	void valueOverTheSizeLimitIsRefusedBeforeItIsDecoded() {
		KafkaVector vector = vector("org.openedx.learning.course.enrollment.created.v1");
		int id = this.registry.register("t-value", vector.valueSchemaString());
		byte[] value = ConfluentFraming.frame(id, vector.avroValueBytes());
		assertThat(this.decoder.withMaxMessageSize(value.length).decode(message(null, value, headers(vector)))
			.metadata()).isEqualTo(vector.metadata());
		this.registry.clearRequests();
		// Without ce_type the message would fail otherwise: the size is checked first, and the registry not asked.
		Headers noType = headers(vector);
		noType.remove("ce_type");
		assertThatExceptionOfType(ConsumeFailureException.class)
			.isThrownBy(() -> this.decoder.withMaxMessageSize(value.length - 1).decode(message(null, value, noType)))
			.withMessageContaining("The value of t-0@42 has " + value.length + " bytes, over "
					+ "eventbus.consumer.max-message-size=" + (value.length - 1))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.MESSAGE_TOO_LARGE));
		assertThat(this.registry.requests()).isEmpty();
	}

	@Test
	void defaultSizeLimitIsOneMebibyte() {
		KafkaVector vector = vector("org.openedx.learning.course.enrollment.created.v1");
		assertThat(this.decoder.maxMessageSize()).isEqualTo(1024 * 1024);
		assertFailure(headers(vector), new byte[1024 * 1024 + 1], FailureKind.MESSAGE_TOO_LARGE,
				"1048577 bytes, over eventbus.consumer.max-message-size=1048576");
	}

	@Test
	void ceTypeWithCrLfMakesOneLogLine() {
		KafkaVector vector = vector("org.openedx.learning.course.enrollment.created.v1");
		Headers forged = headers(vector);
		forged.remove("ce_type");
		forged.add("ce_type", "org.acme.forged.v1\r\nERROR forged line".getBytes(StandardCharsets.UTF_8));
		assertFailure(forged, vector.valueBytes(), FailureKind.UNKNOWN_EVENT_TYPE,
				"org.acme.forged.v1\\r\\nERROR forged line");

		// The worker logs the failure's message and the dead letter carries it: one line, whatever ce_type holds.
		try (LogCapture logs = new LogCapture()) {
			assertThatExceptionOfType(ConsumeFailureException.class)
				.isThrownBy(() -> this.decoder.decode(message(null, vector.valueBytes(), forged)))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\r").doesNotContain("\n"));
			assertThat(logs.messages()).allSatisfy((line) -> assertThat(line).doesNotContain("\r\n"));
		}
	}

	@Test
	void hugeLengthOnTheResolvingPathIsUndecodableWithoutAllocating() throws Exception {
		// An older writer schema: the value is read through Avro's resolving decoder.
		Schema older = SchemaRegistryClient.parse(Files.readString(KafkaVector.sharedDir()
			.resolve("spec/schemas/org+openedx+content_authoring+xblock+published+v1_schema.avsc")));
		int id = this.registry.register("t-org.openedx.content_authoring.xblock.published.v1.CloudEvent",
				older.toString());
		KafkaVector vector = vector("org.openedx.content_authoring.xblock.published.v1");
		// usage_key announces 2^31 - 16 bytes (zig-zag varint), just under Avro's own limit.
		byte[] avro = { (byte) 0xe0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f };
		assertFailure(headers(vector), ConfluentFraming.frame(id, avro), FailureKind.UNDECODABLE_VALUE,
				"field 'xblock_info.usage_key' is truncated: a string of 2147483632 bytes is announced");
	}

	private void assertFailure(Headers headers, byte[] value, FailureKind kind, String text) {
		assertThatExceptionOfType(ConsumeFailureException.class)
			.isThrownBy(() -> this.decoder.decode(message(null, value, headers)))
			.withMessageContaining(text)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(kind));
	}

	private static KafkaVector vector(String eventType) {
		Optional<KafkaVector> found = KafkaVector.all().stream().filter((v) -> v.eventType().equals(eventType)).findFirst();
		return found.orElseThrow();
	}

	private static Headers headers(KafkaVector vector) {
		Headers headers = new RecordHeaders();
		vector.headers().forEach(headers::add);
		return headers;
	}

	private static KafkaInboundMessage message(byte[] key, byte[] value, Headers headers) {
		return new KafkaInboundMessage(new ConsumerRecord<>("t", 0, 42, 0L, TimestampType.CREATE_TIME, 0, 0, key, value,
				headers, Optional.empty()));
	}

}
