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

import java.net.ServerSocket;
import java.time.Duration;

import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SchemaRegistryClientTests {

	private static final Schema STRING = Schema.create(Schema.Type.STRING);

	private static final String VALUE_SUBJECT = "t-org.openedx.content_authoring.xblock.published.v1.CloudEvent";

	@SchemaRegistry
	private InMemorySchemaRegistry registry;

	private SchemaRegistryClient client;

	@BeforeEach
	void start() {
		this.client = new SchemaRegistryClient(fastRetries(SchemaRegistrySettings.of(this.registry.url())));
	}

	@Test
	void registersKeyThenValueAndGetsTheIdsAFreshRegistryAssigns() {
		KafkaVector vector = KafkaVector.all().get(0);
		assertThat(this.client.register(vector.keySubject(), STRING)).isEqualTo(1);
		assertThat(this.client.register(vector.valueSubject(), SchemaRegistryClient.parse(vector.valueSchemaString())))
			.isEqualTo(2);
		assertThat(this.registry.requests()).containsExactly(
				"POST /subjects/" + vector.keySubject() + "/versions?normalize=false -> 200",
				"POST /subjects/" + vector.valueSubject() + "/versions?normalize=false -> 200");
	}

	@Test
	void registersEachSubjectAndSchemaOncePerProcess() {
		Schema value = valueSchema();
		for (int i = 0; i < 3; i++) {
			assertThat(this.client.register(VALUE_SUBJECT, value)).isEqualTo(1);
			assertThat(this.client.register("other-string", STRING)).isEqualTo(2);
		}
		assertThat(this.registry.requests()).hasSize(2);
	}

	@Test
	void schemaThatAPythonProducerRegisteredGetsTheSameId() {
		KafkaVector vector = KafkaVector.all().get(0);
		int pythonId = this.registry.register(vector.valueSubject(), vector.valueSchemaString());
		assertThat(this.client.register(vector.valueSubject(), SchemaRegistryClient.parse(vector.valueSchemaString())))
			.isEqualTo(pythonId);
		assertThat(this.registry.versions(vector.valueSubject())).containsExactly(pythonId);
	}

	@Test
	void fetchesEachSchemaByIdOnce() {
		int id = this.registry.register(VALUE_SUBJECT, valueSchema().toString());
		Schema first = this.client.schemaById(id);
		Schema second = this.client.schemaById(id);
		assertThat(first).isEqualTo(valueSchema()).isSameAs(second);
		assertThat(this.registry.requests()).containsExactly("GET /schemas/ids/" + id + " -> 200");
	}

	@Test
	void schemasItRegisteredAreKnownByIdWithoutAsking() {
		int id = this.client.register(VALUE_SUBJECT, valueSchema());
		this.registry.clearRequests();
		assertThat(this.client.schemaById(id)).isEqualTo(valueSchema());
		assertThat(this.registry.requests()).isEmpty();
	}

	@Test
	void unknownIdFailsAtOnceNamingRegistryAndId() {
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> this.client.schemaById(99))
			.withMessageContaining(this.registry.url())
			.withMessageContaining("schema id 99")
			.withMessageContaining("40403")
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.errorCode()).isEqualTo(40403);
			});
		assertThat(this.registry.requests()).hasSize(1);
	}

	@Test
	void retriesServerErrorsWithBackoff() {
		this.registry.failNextRequests(2, 503);
		assertThat(this.client.register(VALUE_SUBJECT, valueSchema())).isEqualTo(1);
		assertThat(this.registry.requests()).hasSize(3).last().asString().endsWith("-> 200");
	}

	@Test
	void givesUpAfterTheLastAttemptNamingTheSubject() {
		this.registry.failNextRequests(5, 500);
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.client.register(VALUE_SUBJECT, valueSchema()))
			.withMessageContaining(this.registry.url())
			.withMessageContaining("subject '" + VALUE_SUBJECT + "'")
			.withMessageContaining("3 attempts")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(500));
		assertThat(this.registry.requests()).hasSize(3);
	}

	@Test
	void failedRegistrationIsNotCachedAndSucceedsLater() {
		this.registry.failNextRequests(3, 503);
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.client.register(VALUE_SUBJECT, valueSchema()));
		assertThat(this.client.register(VALUE_SUBJECT, valueSchema())).isEqualTo(1);
	}

	@Test
	void unreachableRegistryIsRetriedThenNamed() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		SchemaRegistryClient unreachable = new SchemaRegistryClient(
				fastRetries(SchemaRegistrySettings.of("http://127.0.0.1:" + port)));
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> unreachable.register("t-string", STRING))
			.withMessageContaining("http://127.0.0.1:" + port)
			.withMessageContaining("could not be reached")
			.withMessageContaining("subject 't-string'")
			.withMessageContaining("3 attempts");
	}

	@Test
	void clientErrorsAreNotRetried() {
		try (InMemorySchemaRegistry secured = new InMemorySchemaRegistry(0, "key", "secret")) {
			SchemaRegistryClient anonymous = new SchemaRegistryClient(SchemaRegistrySettings.of(secured.url()));
			assertThatExceptionOfType(SchemaRegistryException.class)
				.isThrownBy(() -> anonymous.register("t-string", STRING))
				.withMessageContaining("HTTP 401")
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
			assertThat(secured.requests()).hasSize(1);
		}
	}

	@Test
	void sendsBasicAuthCredentials() {
		try (InMemorySchemaRegistry secured = new InMemorySchemaRegistry(0, "key", "secret")) {
			SchemaRegistryClient client = new SchemaRegistryClient(
					SchemaRegistrySettings.of(secured.url() + "/").withBasicAuth("key", "secret"));
			assertThat(client.register("t-string", STRING)).isEqualTo(1);
			assertThat(client.schemaById(1)).isEqualTo(STRING);
			assertThat(client.url()).isEqualTo(secured.url());
		}
	}

	@Test
	void readsTheRedemptionReversedNamespace() {
		String schema = "{\"type\": \"record\", \"name\": \"CloudEvent\", "
				+ "\"namespace\": \"org.openedx.enterprise.subsidy.redemption-reversed.v1\", "
				+ "\"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}";
		int id = this.registry.register("t-value", schema);
		assertThat(this.client.schemaById(id).getFullName())
			.isEqualTo("org.openedx.enterprise.subsidy.redemption-reversed.v1.CloudEvent");
	}

	@Test
	void settingsRefuseWhatIsNotAnHttpUrlAndHideTheSecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> SchemaRegistrySettings.of("localhost:8081"))
			.withMessageContaining("localhost:8081");
		assertThat(SchemaRegistrySettings.of("http://r").withBasicAuth("key", "secret").toString())
			.doesNotContain("secret");
	}

	private static SchemaRegistrySettings fastRetries(SchemaRegistrySettings settings) {
		return settings.withRetries(3, Duration.ofMillis(10)).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	private static Schema valueSchema() {
		return SchemaRegistryClient.parse(KafkaVector.all().get(0).valueSchemaString());
	}

}
