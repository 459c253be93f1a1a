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

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureClass;
import dev.openedx.eventbus.consumer.FailureClassifier;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.MessageDeferredException;
import dev.openedx.eventbus.consumer.WorkerFailureException;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the decoder classifies every answer (or silence) of the schema registry, with the stub registry over HTTP:
 * the registry's passing trouble is transient, an answer about the schema id is the message's fault (permanent), and
 * refused credentials end the worker. Each case is also checked through {@link FailureClassifier}, which is what the
 * worker asks.
 */
class SchemaRegistryAnswersTests {

	private static final EventOrigin CONSUMER = EventOrigin.forService("consumer");

	private static final KafkaVector VECTOR = KafkaVector.all()
		.stream()
		.filter((v) -> v.eventType().equals("org.openedx.learning.course.enrollment.created.v1"))
		.findFirst()
		.orElseThrow();

	@SchemaRegistry
	private InMemorySchemaRegistry registry;

	private int id;

	@BeforeEach
	void register() {
		this.id = this.registry.register("t-value", VECTOR.valueSchemaString());
	}

	@Test
	void connectionRefusedIsTransient() {
		String url;
		try (InMemorySchemaRegistry gone = new InMemorySchemaRegistry()) {
			url = gone.url();
		}
		assertThatExceptionOfType(SchemaUnavailableException.class)
			.isThrownBy(() -> decoder(SchemaRegistrySettings.of(url).withRetries(2, Duration.ofMillis(10)))
				.decode(message()))
			.withMessageContaining("schema id " + this.id)
			.withMessageContaining("could not be reached")
			.withMessageContaining("2 attempts")
			.satisfies((ex) -> assertClass(ex, FailureClass.TRANSIENT));
	}

	@Test
	void timeoutIsTransient() {
		this.registry.delayNextRequests(1, Duration.ofSeconds(2));
		KafkaMessageDecoder decoder = decoder(SchemaRegistrySettings.of(this.registry.url())
			.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
			.withRetries(1, Duration.ofMillis(10)));
		assertThatExceptionOfType(SchemaUnavailableException.class).isThrownBy(() -> decoder.decode(message()))
			.withMessageContaining("schema id " + this.id)
			.withMessageContaining("timed out")
			.satisfies((ex) -> assertClass(ex, FailureClass.TRANSIENT));
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 408, 429 })
	void serverErrorsAndAskToComeBackLaterAreTransientAndRetried(int status) {
		this.registry.failNextRequests(3, status);
		KafkaMessageDecoder decoder = decoder(SchemaRegistrySettings.of(this.registry.url())
			.withRetries(3, Duration.ofMillis(10)));
		assertThatExceptionOfType(SchemaUnavailableException.class).isThrownBy(() -> decoder.decode(message()))
			.withMessageContaining("schema id " + this.id)
			.withMessageContaining("HTTP " + status)
			.withMessageContaining("3 attempts")
			.isInstanceOf(MessageDeferredException.class)
			.satisfies((ex) -> assertClass(ex, FailureClass.TRANSIENT));
		assertThat(this.registry.requests()).hasSize(3);
		// Once the registry answers, the same message decodes.
		assertThat(decoder.decode(message()).metadata()).isEqualTo(VECTOR.metadata());
	}

	@Test
	void unknownSchemaIdIsPermanent() {
		assertPermanent(decoder(), message(ConfluentFraming.frame(77, VECTOR.avroValueBytes())), "schema id 77",
				"40403");
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 422 })
	void refusedRequestIsPermanent(int status) {
		this.registry.failNextRequests(1, status);
		assertPermanent(decoder(), message(), "schema id " + this.id, "HTTP " + status);
		assertThat(this.registry.requests()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PROTOBUF", "JSON" })
	void schemaThatIsNotAvroIsPermanent(String type) {
		this.registry.answerNextRequests(1, 200, "{\"schemaType\":\"" + type + "\",\"schema\":"
				+ "\"syntax = \\\"proto3\\\"; message Enrollment { string id = 1; }\"}");
		assertPermanent(decoder(), message(), "schema id " + this.id, "with a " + type + " schema",
				"reads Avro only");
	}

	@Test
	void avroSchemaWithReferencesIsPermanent() {
		this.registry.answerNextRequests(1, 200, "{\"schemaType\":\"AVRO\",\"schema\":"
				+ new ObjectMapper().valueToTree(VECTOR.valueSchemaString())
				+ ",\"references\":[{\"name\":\"org.acme.User\",\"subject\":\"user-value\",\"version\":1}]}");
		assertPermanent(decoder(), message(), "schema id " + this.id, "references other subjects",
				"user-value");
	}

	@Test
	void answerWithoutSchemaIsPermanent() {
		this.registry.answerNextRequests(1, 200, "{\"subject\":\"t-value\"}");
		assertPermanent(decoder(), message(), "schema id " + this.id, "without a schema");
	}

	@Test
	void schemaThatDoesNotParseIsPermanent() {
		this.registry.answerNextRequests(1, 200, "{\"schema\":\"{\\\"type\\\":\\\"recordd\\\"}\"}");
		assertPermanent(decoder(), message(), "schema id " + this.id, "invalid Avro schema");
	}

	@Test
	void permanentAnswersAreNotCached() {
		this.registry.answerNextRequests(1, 200, "{}");
		KafkaMessageDecoder decoder = decoder();
		assertPermanent(decoder, message(), "without a schema");
		assertThat(decoder.decode(message()).metadata()).isEqualTo(VECTOR.metadata());
	}

	@Test
	void missingCredentialsFailTheWorkerNamingTheSettings() {
		try (InMemorySchemaRegistry secured = new InMemorySchemaRegistry(0, "registry-user", "secret")) {
			int securedId = secured.register("t-value", VECTOR.valueSchemaString());
			KafkaMessageDecoder decoder = decoder(SchemaRegistrySettings.of(secured.url()));
			assertFatal(decoder, message(ConfluentFraming.frame(securedId, VECTOR.avroValueBytes())), 401);
		}
	}

	@Test
	void forbiddenFailsTheWorkerNamingTheSettings() {
		this.registry.failNextRequests(1, 403);
		assertFatal(decoder(), message(), 403);
	}

	private void assertFatal(KafkaMessageDecoder decoder, KafkaInboundMessage message, int status) {
		assertThatExceptionOfType(WorkerFailureException.class).isThrownBy(() -> decoder.decode(message))
			.withMessageContaining("refused the credentials")
			.withMessageContaining("HTTP " + status)
			.withMessageContaining("t-0@42")
			.withMessageContaining("eventbus.kafka.schema-registry.api-key")
			.withMessageContaining("eventbus.kafka.schema-registry.api-secret")
			.withMessageContaining("eventbus.kafka.schema-registry.bearer-token")
			.satisfies((ex) -> assertClass(ex, FailureClass.FATAL));
	}

	private static void assertPermanent(KafkaMessageDecoder decoder, KafkaInboundMessage message, String... texts) {
		assertThatExceptionOfType(ConsumeFailureException.class).isThrownBy(() -> decoder.decode(message))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.UNDECODABLE_VALUE);
				assertThat(ex.getMessage()).contains(texts);
				assertClass(ex, FailureClass.PERMANENT);
			});
	}

	private static void assertClass(Throwable failure, FailureClass expected) {
		// "otherwise" is the opposite of what is expected, so only the exception's own type can decide.
		FailureClass otherwise = (expected == FailureClass.PERMANENT) ? FailureClass.TRANSIENT
				: FailureClass.PERMANENT;
		assertThat(FailureClassifier.DEFAULT.classify(failure, otherwise)).isEqualTo(expected);
	}

	private KafkaMessageDecoder decoder() {
		return decoder(SchemaRegistrySettings.of(this.registry.url()).withRetries(1, Duration.ofMillis(10)));
	}

	private static KafkaMessageDecoder decoder(SchemaRegistrySettings settings) {
		return new KafkaMessageDecoder(OpenEdxCatalog.catalog(), new AvroEventCodec(),
				new SchemaRegistryClient(settings), CONSUMER);
	}

	private KafkaInboundMessage message() {
		return message(ConfluentFraming.frame(this.id, VECTOR.avroValueBytes()));
	}

	private static KafkaInboundMessage message(byte[] value) {
		Headers headers = new RecordHeaders();
		VECTOR.headers().forEach(headers::add);
		return new KafkaInboundMessage(new ConsumerRecord<>("t", 0, 42, 0L, TimestampType.CREATE_TIME, 0, 0, null,
				value, headers, Optional.empty()));
	}

}
