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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testing.TestDatabase;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's promise with a real crash: a consumer process on the machine's PostgreSQL is killed with
 * {@code SIGKILL} after its listener's transaction committed and before the offset was committed; the next
 * consumer of the group gets the event again, and the database changes once.
 */
class KafkaInboxCrashTests {

	private static final String TOPIC = "inbox-crash";

	private static final int EVENTS = 200;

	private static final long STOP_AFTER = 120;

	@Test
	void anEventDeliveredAgainAfterACrashBetweenTheListenersCommitAndTheOffsetCommitChangesTheDatabaseOnce()
			throws Exception {
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(1, TOPIC);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			jdbc.execute("CREATE TABLE applied (sequence BIGINT NOT NULL, event_id VARCHAR(36) NOT NULL)");
			SchemaRegistryClient registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
			try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
					RawKafka.producerConfig(broker.bootstrapServers()), registryClient, new AvroEventCodec())) {
				List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
				for (long i = 0; i < EVENTS; i++) {
					OpenEdxEvent<?> event = TestEvents.event(i, 5);
					sends.add(producer.send(TOPIC, TestEvents.keyField(event), event));
				}
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			}

			Output victim = run(broker, registry, database, STOP_AFTER);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!victim.committed.contains(STOP_AFTER) && victim.process.isAlive()
					&& System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(victim.committed).as("the victim committed the listener's transaction of event " + STOP_AFTER)
				.contains(STOP_AFTER);
			victim.process.destroyForcibly();
			assertThat(victim.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			Map<Integer, Long> committedOffsets = RawKafka.committed(broker.bootstrapServers(),
					InboxCrashTestConsumer.GROUP, TOPIC);
			assertThat(committedOffsets.getOrDefault(0, 0L)).as("the offset of event " + STOP_AFTER
					+ " was not committed").isLessThanOrEqualTo(STOP_AFTER);

			Output successor = run(broker, registry, database, -1);
			deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (count(jdbc, "SELECT COUNT(DISTINCT sequence) FROM applied") < EVENTS
					&& System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			// Let the successor go past the redelivered events before stopping it.
			Thread.sleep(500);
			successor.process.destroyForcibly();
			successor.process.waitFor(30, TimeUnit.SECONDS);

			System.out.println("Inbox crash test: offset committed at the kill " + committedOffsets + ", duplicates "
					+ "recognised by the successor: " + successor.duplicates.size());
			assertThat(count(jdbc, "SELECT COUNT(DISTINCT sequence) FROM applied")).isEqualTo(EVENTS);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM applied")).as("each event applied once").isEqualTo(EVENTS);
			assertThat(successor.duplicates).as("the successor got the committed events again and skipped them")
				.contains(STOP_AFTER);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM eventbus_inbox")).isEqualTo(EVENTS);
		}
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private static Output run(EmbeddedKafkaBroker broker, InMemorySchemaRegistry registry, TestDatabase database,
			long stopAfter) throws Exception {
		Process process = new ProcessBuilder(javaExecutable(), "-cp", testClassPath(),
				InboxCrashTestConsumer.class.getName(), broker.bootstrapServers(), registry.url(), TOPIC,
				database.jdbcUrl(), Long.toString(stopAfter), database.username())
			.redirectErrorStream(true)
			.start();
		Output output = new Output(process);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith(InboxCrashTestConsumer.COMMITTED)) {
						output.committed
							.add(Long.parseLong(line.substring(InboxCrashTestConsumer.COMMITTED.length())));
					}
					else if (line.startsWith(InboxCrashTestConsumer.DUPLICATE)) {
						output.duplicates
							.add(Long.parseLong(line.substring(InboxCrashTestConsumer.DUPLICATE.length())));
					}
				}
			}
			catch (Exception ex) {
				// The pipe breaks when the process is killed.
			}
		});
		reader.setDaemon(true);
		reader.start();
		return output;
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command()
			.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
	}

	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	private static final class Output {

		private final Process process;

		private final Set<Long> committed = ConcurrentHashMap.newKeySet();

		private final Set<Long> duplicates = ConcurrentHashMap.newKeySet();

		Output(Process process) {
			this.process = process;
		}

	}

}
