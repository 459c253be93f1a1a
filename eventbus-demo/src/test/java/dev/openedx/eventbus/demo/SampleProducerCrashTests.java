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

package dev.openedx.eventbus.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample producer's promise, as an operator would check it: the packaged service, publishing through the
 * transactional outbox on the machine's PostgreSQL, is killed with {@code SIGKILL} during a burst of
 * {@code POST /enrollments}, then started again. Every request it answered 2xx has its event (the {@code id} of the
 * answer) on the topic, and every event on the topic has its enrollment row.
 */
class SampleProducerCrashTests {

	private static final String TOPIC = "learning-course-enrollment-lifecycle";

	private static final int KILL_AFTER = 150;

	@TempDir
	Path directory;

	@Test
	void everyEnrollmentAnswered2xxBeforeASigkillHasItsEventOnTheTopicAfterARestart() throws Exception {
		String database = "eventbus_demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		execute("postgres", "CREATE DATABASE " + database);
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3, TOPIC);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			List<String> arguments = List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"--eventbus.kafka.schema-registry.url=" + registry.url(), "--eventbus.producer.outbox.enabled=true",
					"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
					"--spring.datasource.username=postgres");
			HttpJson http = new HttpJson();
			Path jar = SampleService.jar(SampleProcess.ROOT, "sample-producer-app");
			SampleService victim = SampleService.start("lms", jar, arguments, this.directory.resolve("victim.log"));
			victim.awaitHealthy(http, Duration.ofSeconds(120));

			Set<String> accepted = ConcurrentHashMap.newKeySet();
			AtomicBoolean killed = new AtomicBoolean();
			List<Thread> clients = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int client = t;
				Thread thread = new Thread(() -> {
					for (int i = 0; !killed.get(); i++) {
						try {
							JsonNode answer = http.post(victim.uri("/enrollments"), Map.of("username",
									"learner" + client + "-" + i, "email", "l" + client + "-" + i + "@example.com",
									"courseKey", "course-v1:edX+Crash" + (i % 5) + "+2026_T1", "mode", "audit"));
							accepted.add(answer.get("id").asText());
						}
						catch (Exception ex) {
							// Refused or cut off by the kill: not answered 2xx, so not promised.
						}
					}
				});
				thread.start();
				clients.add(thread);
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (accepted.size() < KILL_AFTER && System.nanoTime() < deadline) {
				Thread.sleep(2);
			}
			ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
			killed.set(true);
			for (Thread client : clients) {
				client.join(20_000);
			}
			assertThat(accepted).as("requests answered before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER);
			long pendingAtKill = count(database, "SELECT COUNT(*) FROM eventbus_outbox");

			SampleService successor = SampleService.start("lms", jar, arguments,
					this.directory.resolve("successor.log"));
			try {
				successor.awaitHealthy(http, Duration.ofSeconds(120));
				Map<String, Integer> onTopic = readUntil(broker.bootstrapServers(), accepted, Duration.ofSeconds(60));
				Set<String> enrolled = ids(database, "SELECT event_id FROM enrollment");
				long duplicates = onTopic.values().stream().filter((times) -> times > 1).count();
				System.out.println("Sample producer crash test: " + accepted.size() + " enrollments answered 2xx "
						+ "before SIGKILL, " + pendingAtKill + " events in the outbox at the kill, " + onTopic.size()
						+ " events on the topic after the restart, " + duplicates + " of them twice");
				assertThat(onTopic.keySet()).as("every event of a 2xx answer").containsAll(accepted);
				assertThat(enrolled).as("every event on the topic has its enrollment").containsAll(onTopic.keySet());
			}
			finally {
				successor.stop(Duration.ofSeconds(30));
			}
		}
		finally {
			execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	/** Read the topic from the start until every expected id is there (or the time is up): id to times seen. */
	private static Map<String, Integer> readUntil(String bootstrapServers, Set<String> expected, Duration timeout) {
		Properties config = new Properties();
		config.put("bootstrap.servers", bootstrapServers);
		config.put("group.id", "crash-check-" + UUID.randomUUID());
		config.put("auto.offset.reset", "earliest");
		config.put("enable.auto.commit", "false");
		Map<String, Integer> seen = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!seen.keySet().containsAll(expected) && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					seen.merge(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8), 1,
							Integer::sum);
				}
			}
			// A little longer, to see duplicates of the last ones too.
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
				seen.merge(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8), 1,
						Integer::sum);
			}
		}
		return seen;
	}

	private static void execute(String database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long count(String database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
				"postgres", ""); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static Set<String> ids(String database, String sql) throws SQLException {
		Set<String> ids = new HashSet<>();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
				"postgres", ""); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

}
