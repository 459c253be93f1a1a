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

package dev.openedx.eventbus.autoconfigure.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.BookListener;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.kafka.KafkaDeadLetterRecoverer;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import dev.openedx.eventbus.testsupport.TestCertificates;
import dev.openedx.eventbus.worker.EventBusWorkers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.BAD_ISBN;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.details;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole Kafka transport against a broker that only lets authenticated clients in, configured with nothing but
 * Spring Boot's own settings ({@code spring.kafka.security.*}, {@code spring.kafka.ssl.*} or an SSL bundle,
 * {@code spring.kafka.properties.*}) and a schema registry over HTTPS with basic authentication: the producer sends,
 * the worker's consumer reads, the dead-letter publisher writes the failed event, and the broker probe keeps health UP.
 * Wrong credentials turn health DOWN, saying why.
 */
class EventBusKafkaSecurityIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String SCRAM_PASSWORD = TestCertificates.randomSecret();

	private static final String PLAIN_PASSWORD = TestCertificates.randomSecret();

	private static final String REGISTRY_SECRET = TestCertificates.randomSecret();

	private static TestCertificates certificates;

	private static EmbeddedKafkaBroker broker;

	private static InMemorySchemaRegistry registry;

	@BeforeAll
	static void start() {
		// tag::secured[]
		certificates = TestCertificates.generate("eventbus-service");
		broker = EmbeddedKafkaBroker.builder()
			.tls(certificates)
			.scramUser("catalog", SCRAM_PASSWORD)
			.plainUser("catalog-plain", PLAIN_PASSWORD)
			.start();
		registry = InMemorySchemaRegistry.builder()
			.tls(certificates.serverSslContext())
			.basicAuth("registry-key", REGISTRY_SECRET)
			.start();
		// end::secured[]
	}

	@AfterAll
	static void stop() {
		registry.close();
		broker.close();
		certificates.close();
	}

	@Test
	void scramSha512OverSaslSslCarriesEventsAndDeadLetters() {
		String topic = topic("scram");
		service(topic).withInitializer(YamlConfiguration.of("kafka-sasl-ssl.yml"))
			.withPropertyValues("KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers(SecurityProtocol.SASL_SSL),
					"KAFKA_USERNAME=catalog", "KAFKA_PASSWORD=" + SCRAM_PASSWORD,
					"KAFKA_TRUST_STORE=" + certificates.trustStore(),
					"KAFKA_TRUST_STORE_PASSWORD=" + certificates.password())
			.run((context) -> carriesEventsAndDeadLetters(context, topic));
	}

	@Test
	void plainOverSaslPlaintextCarriesEventsAndDeadLetters() {
		String topic = topic("plain");
		service(topic, "spring.kafka.bootstrap-servers=" + broker.bootstrapServers(SecurityProtocol.SASL_PLAINTEXT),
				"spring.kafka.security.protocol=SASL_PLAINTEXT", "spring.kafka.properties.sasl.mechanism=PLAIN",
				"spring.kafka.properties.sasl.jaas.config="
						+ jaas("plain.PlainLoginModule", "catalog-plain", PLAIN_PASSWORD))
			.run((context) -> carriesEventsAndDeadLetters(context, topic));
	}

	@Test
	void mutualTlsWithAnSslBundleCarriesEventsAndDeadLetters() {
		String topic = topic("mtls");
		service(topic).withInitializer(YamlConfiguration.of("kafka-mtls.yml"))
			.withPropertyValues("KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers(SecurityProtocol.SSL),
					"KAFKA_KEY_STORE=" + certificates.clientKeyStore(),
					"KAFKA_KEY_STORE_PASSWORD=" + certificates.password(),
					"KAFKA_TRUST_STORE=" + certificates.trustStore(),
					"KAFKA_TRUST_STORE_PASSWORD=" + certificates.password())
			.run((context) -> carriesEventsAndDeadLetters(context, topic));
	}

	@Test
	void wrongScramPasswordTurnsTheBrokerHealthDownSayingAuthenticationFailed() {
		String topic = topic("wrong-password");
		service(topic).withInitializer(YamlConfiguration.of("kafka-sasl-ssl.yml"))
			.withPropertyValues("KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers(SecurityProtocol.SASL_SSL),
					"KAFKA_USERNAME=catalog", "KAFKA_PASSWORD=not-" + SCRAM_PASSWORD,
					"KAFKA_TRUST_STORE=" + certificates.trustStore(),
					"KAFKA_TRUST_STORE_PASSWORD=" + certificates.password())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus", "broker").equals(Status.DOWN));
				assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
				assertThat(details(context, "eventbus", "broker")).hasEntrySatisfying("error",
						(error) -> assertThat(error.toString()).contains("Authentication failed")
							.doesNotContain(SCRAM_PASSWORD));
			});
	}

	@Test
	void wrongScramPasswordFailsTheWorkerSayingAuthenticationFailedAndNamingTheSettingWithoutRetryingForEver() {
		String topic = topic("wrong-password-worker");
		service(topic).withInitializer(YamlConfiguration.of("kafka-sasl-ssl.yml"))
			.withPropertyValues("KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers(SecurityProtocol.SASL_SSL),
					"KAFKA_USERNAME=catalog", "KAFKA_PASSWORD=not-" + SCRAM_PASSWORD,
					"KAFKA_TRUST_STORE=" + certificates.trustStore(),
					"KAFKA_TRUST_STORE_PASSWORD=" + certificates.password())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EventBusConsumer worker = context.getBean(EventBusWorkers.class).getWorkers().get(0);
				assertThat(worker.termination().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
					.as("the worker ends instead of retrying for ever")
					.isEqualTo(ConsumerState.FAILED);
				assertThat(worker.status().lastError()).contains("Kafka authentication failed", topic,
						"spring.kafka.properties.sasl.jaas.config")
					.doesNotContain(SCRAM_PASSWORD);
				assertThat(worker.status().failures().values()).as("messages failed or dead-lettered")
					.allMatch((count) -> count == 0);
				assertThat(health(context, "eventbus", "workers", "books")).isEqualTo(Status.DOWN);
				assertThat(details(context, "eventbus", "workers", "books")).hasEntrySatisfying("lastError",
						(error) -> assertThat(error.toString()).contains("spring.kafka.properties.sasl.jaas.config")
							.doesNotContain(SCRAM_PASSWORD));
				assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
			});
	}

	private static void carriesEventsAndDeadLetters(AssertableApplicationContext context, String topic)
			throws Exception {
		assertThat(context).hasNotFailed();
		await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
		assertThat(details(context, "eventbus", "broker")).hasEntrySatisfying("answer",
				(answer) -> assertThat(answer.toString()).contains("1 broker"));
		publish(context, "isbn-good");
		publish(context, BAD_ISBN);
		BookListener listener = context.getBean(BookListener.class);
		await().atMost(TIMEOUT).until(() -> listener.received.size() == 1);
		assertThat(listener.received).extracting(BookData::isbn).containsExactly("isbn-good");
		EventBusWorkers workers = context.getBean(EventBusWorkers.class);
		await().atMost(TIMEOUT).until(() -> workers.getStatuses().get(0).failed() == 1);
		await().atMost(TIMEOUT).until(() -> !deadLetterKinds(topic).isEmpty());
		assertThat(deadLetterKinds(topic)).singleElement().satisfies((kind) -> assertThat(kind).isEqualTo("handler_error"));
	}

	/**
	 * A service whose registry settings are those of kafka-sasl-ssl.yml (the placeholders its YAML or the test
	 * fills), and whose Kafka settings a YAML file or the test gives.
	 */
	private static ApplicationContextRunner service(String topic, String... security) {
		return ObservabilityContexts
			.withActuator(new ApplicationContextRunner().withConfiguration(AutoConfigurations
				.of(SslAutoConfiguration.class, KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class)))
			.withPropertyValues("spring.application.name=catalog",
					"SCHEMA_REGISTRY_URL=" + registry.url(), "SCHEMA_REGISTRY_API_KEY=registry-key",
					"SCHEMA_REGISTRY_API_SECRET=" + REGISTRY_SECRET,
					"SCHEMA_REGISTRY_TRUST_STORE=" + certificates.trustStore(),
					"SCHEMA_REGISTRY_TRUST_STORE_PASSWORD=" + certificates.password(),
					"eventbus.consumer.failure-policy=dead-letter")
			.withPropertyValues(ObservabilityContexts.worker(topic, "catalog-" + UUID.randomUUID()))
			.withPropertyValues(registryFromYaml())
			.withPropertyValues(security);
	}

	private static void publish(AssertableApplicationContext context, String isbn) throws Exception {
		context.getBean(EventBusPublisher.class)
			.publish(TestEvents.BOOK_LOANED.event(new BookData(isbn, "A Title", 1)))
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/** The failure kinds of the dead letters of a topic, read on the broker's plain listener. */
	private static List<String> deadLetterKinds(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> kinds = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic + KafkaDeadLetterRecoverer.TOPIC_SUFFIX));
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(5))) {
				Header kind = record.headers().lastHeader(KafkaDeadLetterRecoverer.FAILURE_KIND_HEADER);
				kinds.add((kind != null) ? new String(kind.value(), StandardCharsets.UTF_8) : "none");
			}
		}
		return kinds;
	}

	/** The registry part of kafka-sasl-ssl.yml, for the services whose Kafka settings come from elsewhere. */
	private static String[] registryFromYaml() {
		return new String[] {
				"spring.ssl.bundle.jks.schema-registry.truststore.location=file:${SCHEMA_REGISTRY_TRUST_STORE}",
				"spring.ssl.bundle.jks.schema-registry.truststore.password=${SCHEMA_REGISTRY_TRUST_STORE_PASSWORD}",
				"spring.ssl.bundle.jks.schema-registry.truststore.type=PKCS12",
				"eventbus.kafka.schema-registry.url=${SCHEMA_REGISTRY_URL}",
				"eventbus.kafka.schema-registry.api-key=${SCHEMA_REGISTRY_API_KEY}",
				"eventbus.kafka.schema-registry.api-secret=${SCHEMA_REGISTRY_API_SECRET}",
				"eventbus.kafka.schema-registry.ssl.bundle=schema-registry" };
	}

	private static String topic(String purpose) {
		return "secured-" + purpose + "-" + UUID.randomUUID();
	}

	private static String jaas(String module, String user, String password) {
		return "org.apache.kafka.common.security." + module + " required username=\"" + user + "\" password=\""
				+ password + "\";";
	}

}
