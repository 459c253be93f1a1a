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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.testsupport.RedisServerProcess;
import dev.openedx.eventbus.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer under Redis ACL users, on a {@code redis-server} of its own: with exactly the ACL rule of
 * {@code docs/security.md} ({@code eventbus-redis.acl}) every command the worker sends is allowed (reading,
 * acknowledging, re-reading its pending entries, claiming with delivery counts, dead letters, the loss check), as
 * Redis's {@code ACL LOG} shows; a wrong password or a missing permission fails the worker at once, naming the
 * setting or the rule, instead of retrying for ever, and nothing is acknowledged or dead-lettered.
 */
class RedisConsumerAclTests {

	private static final String GROUP = "acl-group";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String PASSWORD = TestCertificates.randomSecret();

	private static final String INSPECTOR_PASSWORD = TestCertificates.randomSecret();

	private static RedisServerProcess redis;

	private final List<RedisEventBusConsumer> consumers = new ArrayList<>();

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	private String stream;

	@BeforeAll
	static void start() throws IOException {
		String[] rules = aclRules();
		redis = RedisServerProcess.builder()
			.user("eventbus", PASSWORD, rules)
			.user("without-xack", PASSWORD, without(rules, "+xack"))
			.user("without-xreadgroup", PASSWORD, without(rules, "+xreadgroup"))
			.user("inspector", INSPECTOR_PASSWORD, "~*", "+@all")
			.start();
	}

	@AfterAll
	static void stop() {
		redis.close();
	}

	@BeforeEach
	void setUp() {
		this.stream = "stage-acl-" + UUID.randomUUID();
		assertThat(inspect("ACL", "LOG", "RESET")).isEqualTo("+OK");
	}

	@AfterEach
	void tearDown() {
		this.consumers.forEach((consumer) -> consumer.stop(Duration.ofSeconds(10)));
		this.factories.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void underTheDocumentedRuleTheWorkerReadsClaimsDeadLettersAndChecksForLossWithNothingRefused() {
		LettuceConnectionFactory connections = connections("eventbus", PASSWORD);
		send(connections, 0, 4);
		// A consumer that read two entries and died, one of them delivered five times already.
		inspect("XGROUP", "CREATE", this.stream, GROUP, "0");
		inspect("XREADGROUP", "GROUP", GROUP, "dead", "COUNT", "2", "STREAMS", this.stream, ">");
		String poison = firstPendingId();
		for (int crash = 0; crash < 4; crash++) {
			inspect("XCLAIM", this.stream, GROUP, "dead-" + crash, "0", poison);
		}
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		RedisEventBusConsumer consumer = start(connections, settings("alive"), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 3 && consumer.status().failed() == 1);
		assertThat(consumer.status().failures()).containsEntry(FailureKind.DELIVERY_LIMIT, 1L);
		await().atMost(WAIT).until(() -> inspect("XPENDING", this.stream, GROUP).startsWith("[:0,"));
		assertThat(inspect("XLEN", this.stream + RedisDeadLetterRecoverer.SUFFIX)).isEqualTo(":1");
		assertThat(consumer.status().state()).isEqualTo(ConsumerState.RUNNING);
		assertThat(inspect("ACL", "LOG")).isEqualTo("[]");
	}

	@Test
	void aWrongPasswordFailsTheWorkerNamingTheSettings() {
		RedisEventBusConsumer consumer = start(connections("eventbus", "not-" + PASSWORD), settings("c1"),
				new RecordingDispatcher());

		assertThat(consumer.termination()).succeedsWithin(WAIT).isEqualTo(ConsumerState.FAILED);
		assertThat(consumer.status().lastError()).contains("WRONGPASS")
			.contains("spring.data.redis.username")
			.contains("spring.data.redis.password")
			.doesNotContain(PASSWORD);
	}

	@Test
	void aUserWithoutAPermissionTheWorkerNeedsFailsItNamingTheAclRule() {
		RedisEventBusConsumer consumer = start(connections("without-xreadgroup", PASSWORD), settings("c1"),
				new RecordingDispatcher());

		assertThat(consumer.termination()).succeedsWithin(WAIT).isEqualTo(ConsumerState.FAILED);
		assertThat(consumer.status().lastError()).contains("NOPERM")
			.contains("xreadgroup")
			.contains("docs/security.md");
	}

	@Test
	void aPermissionRefusedWhileRunningFailsTheWorkerAndLeavesTheEntriesPending() {
		LettuceConnectionFactory connections = connections("without-xack", PASSWORD);
		send(connections, 0, 3);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		RedisEventBusConsumer consumer = start(connections, settings("c1"), dispatcher);

		assertThat(consumer.termination()).succeedsWithin(WAIT).isEqualTo(ConsumerState.FAILED);
		assertThat(consumer.status().lastError()).contains("NOPERM").contains("xack").contains("docs/security.md");
		assertThat(dispatcher.distinct()).isEqualTo(3);
		assertThat(inspect("XPENDING", this.stream, GROUP)).startsWith("[:3,");
		assertThat(inspect("EXISTS", this.stream + RedisDeadLetterRecoverer.SUFFIX)).isEqualTo(":0");
	}

	private String firstPendingId() {
		String pending = inspect("XPENDING", this.stream, GROUP);
		// [:count, smallest id, greatest id, [[consumer, count]]]
		return pending.substring(1).split(", ")[1];
	}

	private void send(LettuceConnectionFactory connections, long from, int count) {
		RedisEventBusProducer producer = new RedisEventBusProducer(connections, TestEvents.codec(),
				RedisProducerSettings.defaults());
		for (long sequence = from; sequence < from + count; sequence++) {
			producer.send(this.stream, null, TestEvents.ping(sequence)).orTimeout(30, TimeUnit.SECONDS).join();
		}
	}

	private LettuceConnectionFactory connections(String user, String password) {
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration("127.0.0.1", redis.port());
		configuration.setUsername(user);
		configuration.setPassword(password);
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
		factory.afterPropertiesSet();
		factory.start();
		this.factories.add(factory);
		return factory;
	}

	private RedisConsumerSettings settings(String consumerName) {
		RedisConsumerSettings defaults = RedisConsumerSettings.of(this.stream, GROUP)
			.withConsumerName(consumerName)
			.withClaim(Duration.ofMillis(100), Duration.ofMillis(200))
			.withFailurePolicy(FailurePolicy.DEAD_LETTER);
		ConsumerSettings worker = defaults.worker()
			.withPollTimeout(Duration.ofMillis(200))
			.withPollFailureSleep(Duration.ofMillis(100));
		return defaults.withWorker(worker);
	}

	private RedisEventBusConsumer start(LettuceConnectionFactory connections, RedisConsumerSettings settings,
			RecordingDispatcher dispatcher) {
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connections, settings, TestEvents.CATALOG,
				TestEvents.codec(), EventOrigin.forService("acl-tests"), dispatcher, new ConsumerObserver() {
				});
		this.consumers.add(consumer);
		consumer.start();
		return consumer;
	}

	private static String inspect(String... command) {
		return redis.execute("inspector", INSPECTOR_PASSWORD, command);
	}

	/** The rules of the ACL line in eventbus-redis.acl (the one docs/security.md shows), after the password. */
	static String[] aclRules() throws IOException {
		try (InputStream in = RedisConsumerAclTests.class
			.getResourceAsStream("/dev/openedx/eventbus/autoconfigure/observability/eventbus-redis.acl")) {
			String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((text) -> text.startsWith("user eventbus on >PASSWORD "))
				.findFirst()
				.orElseThrow();
			List<String> words = Arrays.asList(line.split(" "));
			return words.subList(4, words.size()).toArray(String[]::new);
		}
	}

	private static String[] without(String[] rules, String rule) {
		assertThat(rules).contains(rule);
		return Arrays.stream(rules).filter((candidate) -> !candidate.equals(rule)).toArray(String[]::new);
	}

}
