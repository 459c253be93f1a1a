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

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.outbox.JdbcOutbox;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.OutboxRelaySettings;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.testing.TestDatabase;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's promise with a real crash: a process publishing in transactions on the machine's PostgreSQL, with
 * its relay sending, is killed with {@code SIGKILL} while committed events still wait in the outbox; a relay started
 * afterwards sends them. Every event whose transaction committed is on the topic (at least once), and no event of a
 * rolled-back transaction is.
 */
class KafkaOutboxCrashTests {

	private static final String TOPIC = "outbox-crash";

	private static final int KILL_AFTER = 600;

	@Test
	void afterASigkillEveryCommittedEventIsOnTheTopicAndNoRolledBackOneIs() throws Exception {
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3, TOPIC);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			jdbc.execute("CREATE TABLE business (sequence BIGINT PRIMARY KEY)");
			Map<String, Long> committed = new ConcurrentHashMap<>();
			Map<String, Long> rolledBack = new ConcurrentHashMap<>();
			Process victim = new ProcessBuilder(javaExecutable(), "-cp", testClassPath(),
					OutboxCrashTestPublisher.class.getName(), broker.bootstrapServers(), registry.url(), TOPIC,
					database.jdbcUrl(), database.username())
				.redirectErrorStream(true)
				.start();
			Thread reader = new Thread(() -> read(victim, committed, rolledBack));
			reader.setDaemon(true);
			reader.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (committed.size() < KILL_AFTER && victim.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(victim.isAlive()).as("publisher still running when about to be killed").isTrue();
			victim.destroyForcibly();
			assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
			reader.join(5_000);
			long pendingAtKill = count(jdbc, "SELECT COUNT(*) FROM eventbus_outbox WHERE status = 'PENDING'");
			long rowsAtKill = count(jdbc, "SELECT COUNT(*) FROM business");

			AvroEventCodec codec = new AvroEventCodec();
			try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
					RawKafka.producerConfig(broker.bootstrapServers()),
					new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), codec)) {
				OutboxRelay relay = new OutboxRelay(new JdbcOutbox(database.dataSource(), Clock.systemUTC()),
						producer, TestEvents.CATALOG, codec, EventRoutes.none(), List.of(),
						OutboxRelaySettings.defaults());
				while (relay.relayOnce() > 0) {
					// Drain what the victim left.
				}
				assertThat(relay.getSentCount()).isEqualTo(pendingAtKill);
			}
			List<ConsumerRecord<byte[], byte[]>> records = RawKafka.readAll(broker.bootstrapServers(), TOPIC,
					(int) rowsAtKill);
			Map<String, Integer> onTopic = new HashMap<>();
			for (ConsumerRecord<byte[], byte[]> record : records) {
				onTopic.merge(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8), 1,
						Integer::sum);
			}
			long duplicates = onTopic.values().stream().filter((times) -> times > 1).count();
			System.out.println("Outbox crash test: " + committed.size() + " commits and " + rolledBack.size()
					+ " rollbacks reported before SIGKILL, " + rowsAtKill + " business rows committed, "
					+ pendingAtKill + " events still in the outbox at the kill and sent after it, " + records.size()
					+ " records on the topic, " + duplicates + " events twice");
			assertThat(pendingAtKill).as("the kill came between commits and sends").isPositive();
			assertThat(rowsAtKill - pendingAtKill).as("the victim's relay was sending when killed").isPositive();
			assertThat(onTopic.keySet()).as("every event whose transaction committed").containsAll(committed.keySet());
			assertThat(onTopic.keySet()).as("no event of a rolled-back transaction").doesNotContainAnyElementsOf(
					rolledBack.keySet());
			assertThat((long) onTopic.size()).as("one event per committed business row").isEqualTo(rowsAtKill);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM eventbus_outbox")).isZero();
		}
	}

	private static void read(Process process, Map<String, Long> committed, Map<String, Long> rolledBack) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				String[] parts = line.split(" ");
				if (line.startsWith(OutboxCrashTestPublisher.COMMITTED) && parts.length == 3) {
					committed.put(parts[2], Long.parseLong(parts[1]));
				}
				else if (line.startsWith(OutboxCrashTestPublisher.ROLLED_BACK) && parts.length == 3) {
					rolledBack.put(parts[2], Long.parseLong(parts[1]));
				}
			}
		}
		catch (Exception ex) {
			// The pipe breaks when the process is killed.
		}
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command()
			.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
	}

	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

}
