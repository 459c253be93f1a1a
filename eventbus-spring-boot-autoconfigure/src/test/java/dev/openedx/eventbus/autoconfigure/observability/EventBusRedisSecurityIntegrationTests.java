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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.BookListener;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.redis.RedisDeadLetterRecoverer;
import dev.openedx.eventbus.testsupport.RedisServerProcess;
import dev.openedx.eventbus.testsupport.TestCertificates;
import dev.openedx.eventbus.worker.EventBusWorkers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.BAD_ISBN;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.details;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole Redis transport against a {@code redis-server} of its own that speaks TLS only, requires a client
 * certificate and lets in ACL users only, configured with nothing but Spring Boot's own settings
 * ({@code spring.data.redis.username}/{@code password}, {@code rediss://}, {@code spring.data.redis.ssl.bundle}). The
 * service's user has exactly the ACL rule of {@code docs/security.md} ({@code eventbus-redis.acl}), under which the
 * producer, the worker (reading, acknowledging, claiming), the dead-letter stream, the backlog monitor and health all
 * work. A wrong password or a missing permission fails the worker, saying which setting or rule to check, and turns
 * health DOWN.
 */
class EventBusRedisSecurityIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String PASSWORD = TestCertificates.randomSecret();

	private static final String INSPECTOR_PASSWORD = TestCertificates.randomSecret();

	private static TestCertificates certificates;

	private static RedisServerProcess redis;

	@BeforeAll
	static void start() throws IOException {
		certificates = TestCertificates.generate("eventbus-service");
		redis = RedisServerProcess.builder()
			.tls(certificates)
			.requireClientCertificate()
			.user("eventbus", PASSWORD, aclRules())
			.user("eventbus-limited", PASSWORD, withoutXreadgroup(aclRules()))
			.user("inspector", INSPECTOR_PASSWORD, "~*", "+@all")
			.start();
	}

	@BeforeEach
	void forgetRefusedCommands() {
		assertThat(redis.execute("inspector", INSPECTOR_PASSWORD, "ACL", "LOG", "RESET")).isEqualTo("+OK");
	}

	@AfterAll
	static void stop() {
		redis.close();
		certificates.close();
	}

	@Test
	void aclUserOverMutualTlsCarriesEventsAndDeadLetters() {
		String topic = topic();
		service(topic).withInitializer(YamlConfiguration.of("redis-tls-acl.yml"))
			.withPropertyValues("REDIS_HOST=localhost", "REDIS_PORT=" + redis.port(), "REDIS_USERNAME=eventbus",
					"REDIS_PASSWORD=" + PASSWORD)
			.run((context) -> carriesEventsAndDeadLetters(context, topic));
	}

	@Test
	void aclUserInARedissUrlCarriesEventsAndDeadLetters() {
		String topic = topic();
		service(topic, "spring.data.redis.url=" + redis.url("eventbus", PASSWORD))
			.run((context) -> carriesEventsAndDeadLetters(context, topic));
	}

	@Test
	void wrongPasswordTurnsTheBrokerHealthDownSayingWhy() {
		String topic = topic();
		service(topic, "spring.data.redis.url=" + redis.url("eventbus", "not-" + PASSWORD)).run((context) -> {
			assertThat(context).hasNotFailed();
			await().atMost(TIMEOUT).until(() -> health(context, "eventbus", "broker").equals(Status.DOWN));
			assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
			assertThat(details(context, "eventbus", "broker")).hasEntrySatisfying("error",
					(error) -> assertThat(error.toString()).contains("WRONGPASS").doesNotContain(PASSWORD));
			// The worker fails at once, saying which settings to check, rather than retrying for ever.
			ConsumerStatus worker = awaitFailedWorker(context);
			assertThat(worker.lastError()).contains("WRONGPASS")
				.contains("spring.data.redis.username")
				.contains("spring.data.redis.password")
				.doesNotContain(PASSWORD);
			assertThat(health(context, "eventbus", "workers", "books")).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void aUserWithoutAPermissionTheBusNeedsIsRefused() {
		// The check of the rule's test above: Redis logs a command refused for want of a permission.
		String topic = topic();
		service(topic, "spring.data.redis.url=" + redis.url("eventbus-limited", PASSWORD)).run((context) -> {
			assertThat(context).hasNotFailed();
			await().atMost(TIMEOUT)
				.until(() -> redis.execute("inspector", INSPECTOR_PASSWORD, "ACL", "LOG").contains("xreadgroup"));
			ConsumerStatus worker = awaitFailedWorker(context);
			assertThat(worker.lastError()).contains("NOPERM").contains("xreadgroup").contains("docs/security.md");
			assertThat(health(context, "eventbus", "workers", "books")).isEqualTo(Status.DOWN);
			assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
		});
	}

	private static ConsumerStatus awaitFailedWorker(AssertableApplicationContext context) {
		EventBusWorkers workers = context.getBean(EventBusWorkers.class);
		await().atMost(TIMEOUT).until(() -> workers.getStatuses().get(0).state() == ConsumerState.FAILED);
		return workers.getStatuses().get(0);
	}

	private static void carriesEventsAndDeadLetters(AssertableApplicationContext context, String topic)
			throws Exception {
		assertThat(context).hasNotFailed();
		await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
		publish(context, "isbn-good");
		publish(context, BAD_ISBN);
		BookListener listener = context.getBean(BookListener.class);
		await().atMost(TIMEOUT).until(() -> listener.received.size() == 1);
		assertThat(listener.received).extracting(BookData::isbn).containsExactly("isbn-good");
		EventBusWorkers workers = context.getBean(EventBusWorkers.class);
		await().atMost(TIMEOUT).until(() -> workers.getStatuses().get(0).failed() == 1);
		RedisConnectionFactory connections = context.getBean(RedisConnectionFactory.class);
		await().atMost(TIMEOUT).until(() -> deadLetters(connections, "stage-" + topic + RedisDeadLetterRecoverer.SUFFIX) == 1);
		// The backlog monitor reads the group's lag and pending entries with XINFO and XPENDING.
		await().atMost(TIMEOUT)
			.until(() -> details(context, "eventbus", "workers", "books").containsKey("pending"));
		assertThat(health(context, "eventbus")).isEqualTo(Status.UP);
		// Redis logs every command it refused for want of a permission: none.
		assertThat(redis.execute("inspector", INSPECTOR_PASSWORD, "ACL", "LOG")).isEqualTo("[]");
	}

	/** A service with the SSL bundle of redis-tls-acl.yml, whose connection the YAML file or the test gives. */
	private static ApplicationContextRunner service(String topic, String... connection) {
		return ObservabilityContexts
			.withActuator(new ApplicationContextRunner().withConfiguration(AutoConfigurations
				.of(SslAutoConfiguration.class, DataRedisAutoConfiguration.class, EventBusRedisAutoConfiguration.class)))
			.withPropertyValues("spring.application.name=catalog", "eventbus.transport=redis",
					"eventbus.topic-prefix=stage", "eventbus.consumer.failure-policy=dead-letter",
					"eventbus.redis.consumer.claim-interval=200ms", "spring.data.redis.ssl.bundle=redis",
					"spring.ssl.bundle.jks.redis.keystore.location=file:${REDIS_KEY_STORE}",
					"spring.ssl.bundle.jks.redis.keystore.password=${REDIS_KEY_STORE_PASSWORD}",
					"spring.ssl.bundle.jks.redis.keystore.type=PKCS12",
					"spring.ssl.bundle.jks.redis.key.password=${REDIS_KEY_STORE_PASSWORD}",
					"spring.ssl.bundle.jks.redis.truststore.location=file:${REDIS_TRUST_STORE}",
					"spring.ssl.bundle.jks.redis.truststore.password=${REDIS_TRUST_STORE_PASSWORD}",
					"spring.ssl.bundle.jks.redis.truststore.type=PKCS12",
					"REDIS_KEY_STORE=" + certificates.clientKeyStore(),
					"REDIS_KEY_STORE_PASSWORD=" + certificates.password(),
					"REDIS_TRUST_STORE=" + certificates.trustStore(),
					"REDIS_TRUST_STORE_PASSWORD=" + certificates.password())
			.withPropertyValues(ObservabilityContexts.worker(topic, "catalog-" + UUID.randomUUID()))
			.withPropertyValues(connection);
	}

	private static void publish(AssertableApplicationContext context, String isbn) throws Exception {
		context.getBean(EventBusPublisher.class)
			.publish(TestEvents.BOOK_LOANED.event(new BookData(isbn, "A Title", 1)))
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/** The length of a stream, with XINFO STREAM: the service's user may not XREAD, and the test reads as it. */
	private static long deadLetters(RedisConnectionFactory connections, String stream) {
		try (var connection = connections.getConnection()) {
			byte[] key = stream.getBytes(StandardCharsets.UTF_8);
			Boolean exists = connection.keyCommands().exists(key);
			return Boolean.TRUE.equals(exists) ? connection.streamCommands().xInfo(key).streamLength() : 0;
		}
	}

	/** The rules of the ACL line in eventbus-redis.acl (the one docs/security.md shows), after the password. */
	private static String[] aclRules() throws IOException {
		try (InputStream in = EventBusRedisSecurityIntegrationTests.class.getResourceAsStream("eventbus-redis.acl")) {
			String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((text) -> text.startsWith("user eventbus on >PASSWORD "))
				.findFirst()
				.orElseThrow();
			List<String> words = Arrays.asList(line.split(" "));
			return words.subList(4, words.size()).toArray(String[]::new);
		}
	}

	private static String[] withoutXreadgroup(String[] rules) {
		return Arrays.stream(rules).filter((rule) -> !rule.equals("+xreadgroup")).toArray(String[]::new);
	}

	private static String topic() {
		return "secured-" + UUID.randomUUID();
	}

}
