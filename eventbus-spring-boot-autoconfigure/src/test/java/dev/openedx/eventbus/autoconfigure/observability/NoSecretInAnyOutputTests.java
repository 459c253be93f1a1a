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

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import dev.openedx.eventbus.testsupport.RedisServerProcess;
import dev.openedx.eventbus.testsupport.TestCertificates;
import dev.openedx.eventbus.worker.EventBusWorkers;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.BAD_ISBN;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No secret in any output: known secrets (random for each run) go through every configuration path that takes one
 * ({@code spring.kafka.properties.sasl.jaas.config}, the key and trust store passwords of {@code spring.kafka.ssl.*}
 * and of SSL bundles, the registry's API secret, bearer token and URL user information,
 * {@code spring.data.redis.password} and {@code rediss://user:password@} URLs), the services run against secured
 * brokers, succeed and fail, and then the {@code eventbus} endpoint, every health detail, the {@code toString()} of
 * every bean, every exception message and stack trace, and everything logged from start-up to shutdown (the Kafka
 * clients' configuration dumps and the event bus's debug lines included) are scanned for the secrets.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretInAnyOutputTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String SCRAM_PASSWORD = TestCertificates.randomSecret();

	private static final String WRONG_PASSWORD = TestCertificates.randomSecret();

	private static final String REGISTRY_SECRET = TestCertificates.randomSecret();

	private static final String REGISTRY_TOKEN = TestCertificates.randomSecret();

	private static final String REDIS_PASSWORD = TestCertificates.randomSecret();

	private static final Map<String, Level> LOG_LEVELS = Map.of("org.apache.kafka.clients", Level.INFO,
			"org.apache.kafka.common.config", Level.INFO, "io.lettuce", Level.INFO, "dev.openedx.eventbus",
			Level.DEBUG);

	private static final Map<String, Level> previousLevels = new LinkedHashMap<>();

	private static TestCertificates certificates;

	private static EmbeddedKafkaBroker broker;

	private static InMemorySchemaRegistry registry;

	private static RedisServerProcess redis;

	@BeforeAll
	static void start() throws IOException {
		LOG_LEVELS.forEach((name, level) -> {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			previousLevels.put(name, logger.getLevel());
			logger.setLevel(level);
		});
		certificates = TestCertificates.generate("eventbus-service");
		broker = EmbeddedKafkaBroker.builder().tls(certificates).scramUser("catalog", SCRAM_PASSWORD).start();
		registry = InMemorySchemaRegistry.builder()
			.tls(certificates.serverSslContext())
			.basicAuth("registry-key", REGISTRY_SECRET)
			.bearerToken(REGISTRY_TOKEN)
			.start();
		redis = RedisServerProcess.builder()
			.tls(certificates)
			.user("eventbus", REDIS_PASSWORD, aclRules())
			.start();
	}

	@AfterAll
	static void stop() {
		previousLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
		redis.close();
		registry.close();
		broker.close();
		certificates.close();
	}

	@Test
	void kafkaServiceShowsNoSecretWhileItWorks(CapturedOutput output) {
		String topic = topic();
		List<String> shown = new ArrayList<>();
		kafka(topic, SCRAM_PASSWORD).withPropertyValues("eventbus.kafka.schema-registry.api-key=registry-key",
				"eventbus.kafka.schema-registry.api-secret=" + REGISTRY_SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
				publish(context, "isbn-good");
				publish(context, BAD_ISBN);
				EventBusWorkers workers = context.getBean(EventBusWorkers.class);
				await().atMost(TIMEOUT).until(() -> workers.getStatuses().get(0).failed() == 1);
				shown.addAll(everythingShown(context));
			});
		assertThat(shown).isNotEmpty();
		assertNoSecret(shown, output);
		assertThat(output.getAll()).contains("sasl.jaas.config = [hidden]");
	}

	@Test
	void kafkaServiceShowsNoSecretWhenItsCredentialsAreWrong(CapturedOutput output) {
		String topic = topic();
		List<String> shown = new ArrayList<>();
		kafka(topic, WRONG_PASSWORD).withPropertyValues("eventbus.kafka.schema-registry.bearer-token=" + WRONG_PASSWORD)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus", "broker").equals(Status.DOWN)
						&& health(context, "eventbus", "schemaRegistry").equals(Status.DOWN));
				shown.add(failure(() -> publish(context, "isbn-refused")));
				shown.add(failure(() -> context.getBean(SchemaRegistryClient.class).ping(Duration.ofSeconds(5))));
				shown.addAll(everythingShown(context));
			});
		assertThat(String.join("\n", shown)).contains("Authentication failed").contains("refused the credentials");
		assertNoSecret(shown, output);
	}

	@Test
	void redisServiceShowsNoSecretWhileItWorksOrWhenItsPasswordIsWrong(CapturedOutput output) {
		List<String> shown = new ArrayList<>();
		String topic = topic();
		redis(topic, "spring.data.redis.url=" + redis.url("eventbus", REDIS_PASSWORD)).run((context) -> {
			assertThat(context).hasNotFailed();
			await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
			publish(context, "isbn-good");
			publish(context, BAD_ISBN);
			EventBusWorkers workers = context.getBean(EventBusWorkers.class);
			await().atMost(TIMEOUT).until(() -> workers.getStatuses().get(0).failed() == 1);
			shown.addAll(everythingShown(context));
		});
		redis(topic, "spring.data.redis.host=localhost", "spring.data.redis.port=" + redis.port(),
				"spring.data.redis.username=eventbus", "spring.data.redis.password=" + WRONG_PASSWORD)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus", "broker").equals(Status.DOWN));
				shown.add(failure(() -> publish(context, "isbn-refused")));
				shown.addAll(everythingShown(context));
			});
		assertThat(String.join("\n", shown)).contains("WRONGPASS");
		assertNoSecret(shown, output);
	}

	@Test
	void startUpFailuresShowNoSecret(CapturedOutput output) {
		List<String> shown = new ArrayList<>();
		kafka(topic(), SCRAM_PASSWORD)
			.withPropertyValues("eventbus.kafka.schema-registry.url=http://registry-key:" + REGISTRY_SECRET
					+ "@registry.internal:8081", "eventbus.kafka.schema-registry.bearer-token=" + REGISTRY_TOKEN)
			.run((context) -> {
				assertThat(context).hasFailed();
				shown.add(stackTrace(context.getStartupFailure()));
			});
		kafka(topic(), SCRAM_PASSWORD)
			.withPropertyValues("eventbus.kafka.schema-registry.api-secret=" + REGISTRY_SECRET,
					"eventbus.kafka.schema-registry.bearer-token=" + REGISTRY_TOKEN)
			.run((context) -> {
				assertThat(context).hasFailed();
				shown.add(stackTrace(context.getStartupFailure()));
			});
		assertThat(String.join("\n", shown)).contains("registry-key:******@registry.internal").contains("set one only");
		assertNoSecret(shown, output);
	}

	private static ApplicationContextRunner kafka(String topic, String scramPassword) {
		return ObservabilityContexts
			.withActuator(new ApplicationContextRunner().withConfiguration(AutoConfigurations
				.of(SslAutoConfiguration.class, KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class)))
			.withPropertyValues("spring.application.name=catalog", "eventbus.consumer.failure-policy=dead-letter",
					"eventbus.monitoring.timeout=5s",
					"spring.kafka.bootstrap-servers=" + broker.bootstrapServers(SecurityProtocol.SASL_SSL),
					"spring.kafka.security.protocol=SASL_SSL", "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
					"spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule"
							+ " required username=\"catalog\" password=\"" + scramPassword + "\";",
					// A client certificate the SASL_SSL listener does not ask for: its passwords go through all the same.
					"spring.kafka.ssl.key-store-location=file:" + certificates.clientKeyStore(),
					"spring.kafka.ssl.key-store-password=" + certificates.password(),
					"spring.kafka.ssl.key-password=" + certificates.password(),
					"spring.kafka.ssl.key-store-type=" + TestCertificates.STORE_TYPE,
					"spring.kafka.ssl.trust-store-location=file:" + certificates.trustStore(),
					"spring.kafka.ssl.trust-store-password=" + certificates.password(),
					"spring.kafka.ssl.trust-store-type=" + TestCertificates.STORE_TYPE,
					"spring.ssl.bundle.jks.registry.truststore.location=file:" + certificates.trustStore(),
					"spring.ssl.bundle.jks.registry.truststore.password=" + certificates.password(),
					"spring.ssl.bundle.jks.registry.truststore.type=" + TestCertificates.STORE_TYPE,
					"eventbus.kafka.schema-registry.url=" + registry.url(),
					"eventbus.kafka.schema-registry.ssl.bundle=registry")
			.withPropertyValues(ObservabilityContexts.worker(topic, "catalog-" + UUID.randomUUID()));
	}

	private static ApplicationContextRunner redis(String topic, String... connection) {
		return ObservabilityContexts
			.withActuator(new ApplicationContextRunner().withConfiguration(AutoConfigurations
				.of(SslAutoConfiguration.class, DataRedisAutoConfiguration.class, EventBusRedisAutoConfiguration.class)))
			.withPropertyValues("spring.application.name=catalog", "eventbus.transport=redis",
					"eventbus.topic-prefix=stage", "eventbus.consumer.failure-policy=dead-letter",
					"spring.data.redis.ssl.bundle=redis",
					"spring.ssl.bundle.jks.redis.truststore.location=file:" + certificates.trustStore(),
					"spring.ssl.bundle.jks.redis.truststore.password=" + certificates.password(),
					"spring.ssl.bundle.jks.redis.truststore.type=" + TestCertificates.STORE_TYPE)
			.withPropertyValues(ObservabilityContexts.worker(topic, "catalog-" + UUID.randomUUID()))
			.withPropertyValues(connection);
	}

	/** The endpoint, every health detail, each worker's status and every bean's {@code toString()}. */
	private static List<String> everythingShown(AssertableApplicationContext context) throws Exception {
		List<String> shown = new ArrayList<>();
		shown.add(ObservabilityContexts.endpointJson(context));
		shown.add(new ObjectMapper().writeValueAsString(context.getBean(HealthEndpoint.class).health()));
		context.getBean(EventBusWorkers.class).getStatuses().forEach((status) -> shown.add(status.toString()));
		for (String name : context.getBeanDefinitionNames()) {
			shown.add(name + ": " + context.getBean(name));
		}
		return shown;
	}

	private static void assertNoSecret(List<String> shown, CapturedOutput output) {
		List<String> texts = new ArrayList<>(shown);
		texts.add(output.getAll());
		for (String secret : secrets()) {
			for (String text : texts) {
				assertThat(text).as("output shown").doesNotContain(secret);
			}
		}
	}

	private static List<String> secrets() {
		return List.of(SCRAM_PASSWORD, WRONG_PASSWORD, REGISTRY_SECRET, REGISTRY_TOKEN, REDIS_PASSWORD,
				certificates.password());
	}

	private static void publish(AssertableApplicationContext context, String isbn) throws Exception {
		context.getBean(EventBusPublisher.class)
			.publish(TestEvents.BOOK_LOANED.event(new BookData(isbn, "A Title", 1)))
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	private static String failure(ThrowingRunnable action) {
		try {
			action.run();
			return "no failure";
		}
		catch (Throwable ex) {
			return stackTrace(ex);
		}
	}

	private static String stackTrace(Throwable ex) {
		StringWriter text = new StringWriter();
		ex.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	private static String[] aclRules() throws IOException {
		try (InputStream in = NoSecretInAnyOutputTests.class.getResourceAsStream("eventbus-redis.acl")) {
			String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((text) -> text.startsWith("user eventbus on >PASSWORD "))
				.findFirst()
				.orElseThrow();
			List<String> words = Arrays.asList(line.split(" "));
			return words.subList(4, words.size()).toArray(String[]::new);
		}
	}

	private static String topic() {
		return "secrets-" + UUID.randomUUID();
	}

	@FunctionalInterface
	private interface ThrowingRunnable {

		void run() throws Exception;

	}

}
