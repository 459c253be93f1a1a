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

package dev.openedx.eventbus.bench.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import dev.openedx.eventbus.outbox.JdbcOutbox;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.OutboxRelaySettings;
import dev.openedx.eventbus.outbox.TransactionalOutbox;
import dev.openedx.eventbus.publish.AfterCommitSendScheduler;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventMetadataStamper;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerObserver;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox on the machine's PostgreSQL beside direct sends, same broker, same database, same run.
 * Each publication is a business transaction of its own (one row inserted, one {@code COURSE_ENROLLMENT_CREATED}
 * published), run by several threads: <em>direct</em> sends it after the commit ({@code send-mode=after-commit},
 * today's behaviour), <em>outbox</em> stores it in the transaction and the relay sends it. Throughput counts events
 * acknowledged by the broker per second from the first transaction to the last acknowledgement; latency is from the
 * commit to the broker's acknowledgement. Then a backlog of stored events is drained by the relay, beside the
 * direct producer sending as many. Goals: outbox throughput at least 0.5 of direct, commit-to-broker p50 under
 * 20 ms.
 * <pre>
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.outbox.OutboxBench [events] [threads] [backlog] [batch]
 * </pre>
 * PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres); the benchmark creates database {@code eventbus_bench}
 * if needed and a schema of its own, dropped at the end.
 */
public final class OutboxBench {

	private static final String TOPIC = "outbox-bench";

	private OutboxBench() {
	}

	public static void main(String[] args) throws Exception {
		int events = intArg(args, 0, 20_000);
		int threads = intArg(args, 1, 4);
		int backlog = intArg(args, 2, 100_000);
		int drainBatch = intArg(args, 3, OutboxRelaySettings.defaults().batchSize());
		String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		createSchema(schema);
		AvroEventCodec codec = new AvroEventCodec();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3, TOPIC);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				HikariDataSource dataSource = dataSource(schema, threads + 2);
				KafkaEventBusProducer producer = KafkaEventBusProducer.create(Map.of("bootstrap.servers",
						broker.bootstrapServers(), "linger.ms", 5, "batch.size", 65536),
						new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), codec)) {
			new ResourceDatabasePopulator(new ClassPathResource("META-INF/eventbus/schema-outbox-postgresql.sql"))
				.execute(dataSource);
			new JdbcTemplate(dataSource).execute("CREATE TABLE enrollment (id VARCHAR(36) PRIMARY KEY, "
					+ "username VARCHAR(100), course_key VARCHAR(200))");
			EventRoute route = new EventRoute(LearningEvents.COURSE_ENROLLMENT_CREATED, TOPIC, TOPIC,
					"enrollment.course.course_key", true);
			EventRoutes routes = new EventRoutes(List.of(route));
			producer.send(TOPIC, route.eventKeyField(), event(0)).join();
			System.out.printf("Outbox on PostgreSQL beside direct sends: %,d publications per mode, each its own "
					+ "transaction, %d threads, Kafka 3 partitions acks=all linger.ms=5, %d cores%n", events, threads,
					Runtime.getRuntime().availableProcessors());

			Latencies direct = new Latencies(events);
			EventBusPublisher directPublisher = new EventBusPublisher(routes, producer,
					new EventMetadataStamper(EventOrigin.forService("bench")), List.of(direct),
					new AfterCommitSendScheduler());
			Latencies relayed = new Latencies(events);
			JdbcOutbox table = new JdbcOutbox(dataSource, Clock.systemUTC());
			OutboxRelay relay = new OutboxRelay(table, producer, OpenEdxCatalog.catalog(), codec, routes,
					List.of(relayed), OutboxRelaySettings.defaults());
			EventBusPublisher outboxPublisher = new EventBusPublisher(routes, producer,
					new EventMetadataStamper(EventOrigin.forService("bench")), List.of(), SendMissing.INSTANCE,
					new TransactionalOutbox(table, codec, relay::wakeUp, false));
			relay.start();
			TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);

			// Warm-up of both paths (JIT, connections, broker).
			run(directPublisher, transactions, jdbc, direct.expect(2_000), 2_000, threads);
			run(outboxPublisher, transactions, jdbc, relayed.expect(2_000), 2_000, threads);

			double directRate = run(directPublisher, transactions, jdbc, direct.expect(events), events, threads);
			double outboxRate = run(outboxPublisher, transactions, jdbc, relayed.expect(events), events, threads);
			System.out.printf("  direct (after commit): %,9.0f events/s, commit-to-broker p50 %6.2f ms, p99 %7.2f ms%n",
					directRate, direct.percentile(50), direct.percentile(99));
			System.out.printf("  outbox (relay):        %,9.0f events/s, commit-to-broker p50 %6.2f ms, p99 %7.2f ms%n",
					outboxRate, relayed.percentile(50), relayed.percentile(99));
			System.out.printf("  outbox/direct throughput %.2f (goal >= 0.50), outbox p50 %.2f ms (goal < 20 ms)%n",
					outboxRate / directRate, relayed.percentile(50));
			relay.stop();

			drain(table, producer, codec, routes, route, transactions, backlog, drainBatch);
		}
		finally {
			dropSchema(schema);
		}
	}

	/** A backlog stored while the relay is stopped, then drained; beside it the producer sending as many directly. */
	private static void drain(JdbcOutbox table, KafkaEventBusProducer producer, AvroEventCodec codec,
			EventRoutes routes, EventRoute route, TransactionTemplate transactions, int backlog, int batchSize) {
		TransactionalOutbox outbox = new TransactionalOutbox(table, codec, () -> {
		}, false);
		long storing = System.nanoTime();
		for (int from = 0; from < backlog; from += 1_000) {
			int start = from;
			transactions.executeWithoutResult((status) -> {
				for (int i = start; i < Math.min(backlog, start + 1_000); i++) {
					OpenEdxEvent<CourseEnrollmentData> event = event(i);
					event.metadata(EventOrigin.forService("bench"));
					outbox.store(event, List.of(route));
				}
			});
		}
		double storeSeconds = (System.nanoTime() - storing) / 1e9;
		OutboxRelaySettings defaults = OutboxRelaySettings.defaults();
		OutboxRelay relay = new OutboxRelay(table, producer, OpenEdxCatalog.catalog(), codec, routes, List.of(),
				new OutboxRelaySettings(batchSize, defaults.pollInterval(), defaults.sendTimeout(),
						defaults.retryInitialInterval(), defaults.retryMaxInterval(), defaults.giveUpAfter(),
						defaults.retention(), defaults.statisticsInterval(), defaults.unsentWarning()));
		long started = System.nanoTime();
		int handled = 0;
		while (handled < backlog) {
			int round = relay.relayOnce();
			if (round == 0) {
				throw new IllegalStateException("The relay stopped with " + (backlog - handled) + " events left");
			}
			handled += round;
		}
		double drainSeconds = (System.nanoTime() - started) / 1e9;
		if (relay.getSentCount() != backlog) {
			throw new IllegalStateException("Sent " + relay.getSentCount() + " of " + backlog);
		}
		long direct = System.nanoTime();
		List<java.util.concurrent.CompletableFuture<SendReceipt>> sends = new ArrayList<>(backlog);
		for (int i = 0; i < backlog; i++) {
			OpenEdxEvent<CourseEnrollmentData> event = event(i);
			event.metadata(EventOrigin.forService("bench"));
			sends.add(producer.send(TOPIC, route.eventKeyField(), event));
		}
		producer.flush();
		sends.forEach(java.util.concurrent.CompletableFuture::join);
		double directSeconds = (System.nanoTime() - direct) / 1e9;
		System.out.printf("Backlog of %,d events (stored in %.1f s, 1,000 per transaction): drained by the relay in "
				+ "%.2f s (%,.0f events/s, batches of %d); the producer sends as many directly in %.2f s "
				+ "(%,.0f events/s), ratio %.2f%n", backlog, storeSeconds, drainSeconds, backlog / drainSeconds,
				batchSize, directSeconds, backlog / directSeconds,
				(backlog / drainSeconds) / (backlog / directSeconds));
	}

	/**
	 * Run publications on several threads, each its own transaction inserting a row; wait for every broker
	 * acknowledgement.
	 */
	private static double run(EventBusPublisher publisher, TransactionTemplate transactions, JdbcTemplate jdbc,
			Latencies latencies, int count, int threads) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(threads);
		long started = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				try {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						OpenEdxEvent<CourseEnrollmentData> event = event(i);
						transactions.executeWithoutResult((status) -> {
							jdbc.update("INSERT INTO enrollment VALUES (?, ?, ?)", UUID.randomUUID().toString(),
									event.data().user().pii().username(), event.data().course().courseKey().toString());
							publisher.publish(event);
							latencies.commitOf(event);
						});
					}
				}
				finally {
					done.countDown();
				}
			});
			thread.start();
		}
		done.await();
		if (!latencies.awaitAll(Duration.ofMinutes(5))) {
			throw new IllegalStateException("Only " + latencies.acknowledged() + " of " + count
					+ " events were acknowledged");
		}
		return count / ((latencies.lastAcknowledged() - started) / 1e9);
	}

	private static OpenEdxEvent<CourseEnrollmentData> event(int i) {
		return LearningEvents.COURSE_ENROLLMENT_CREATED.event(new CourseEnrollmentData(
				new UserData(1000 + i, true, new UserPersonalData("learner" + i, "learner" + i + "@example.com")),
				new CourseData(CourseKey.of("course-v1:edX+Bench" + (i % 50) + "+2026_T1")), "audit", true,
				java.time.OffsetDateTime.parse("2026-01-02T03:04:05Z")));
	}

	/**
	 * Commit times and broker acknowledgements per event id; an observer of the sends.
	 */
	private static final class Latencies implements ProducerObserver {

		private final Map<UUID, Long> commits = new ConcurrentHashMap<>();

		private final AtomicInteger acknowledged = new AtomicInteger();

		private volatile long[] nanos;

		private volatile CountDownLatch all;

		private volatile long lastAcknowledged;

		Latencies(int expected) {
			expect(expected);
		}

		/** Start over, for a run of this many events. */
		Latencies expect(int expected) {
			this.commits.clear();
			this.acknowledged.set(0);
			this.nanos = new long[expected];
			this.all = new CountDownLatch(expected);
			return this;
		}

		void commitOf(OpenEdxEvent<?> event) {
			UUID id = event.metadata().id();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					Latencies.this.commits.put(id, System.nanoTime());
				}

			});
		}

		@Override
		public void sent(EventRoute route, OpenEdxEvent<?> event, SendReceipt receipt, long ignored) {
			long now = System.nanoTime();
			Long committed = this.commits.get(event.metadata().id());
			int index = this.acknowledged.getAndIncrement();
			long[] samples = this.nanos;
			if (index < samples.length) {
				samples[index] = (committed != null) ? now - committed : 0;
			}
			this.lastAcknowledged = now;
			this.all.countDown();
		}

		boolean awaitAll(Duration timeout) throws InterruptedException {
			return this.all.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		int acknowledged() {
			return this.acknowledged.get();
		}

		long lastAcknowledged() {
			return this.lastAcknowledged;
		}

		double percentile(double percentile) {
			long[] sorted = Arrays.copyOf(this.nanos, Math.min(this.nanos.length, this.acknowledged.get()));
			Arrays.sort(sorted);
			int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

	/** The outbox publisher never sends directly: every publication is in a transaction. */
	private enum SendMissing implements dev.openedx.eventbus.publish.SendScheduler {

		INSTANCE;

		@Override
		public java.util.concurrent.CompletableFuture<List<SendReceipt>> schedule(OpenEdxEvent<?> event,
				java.util.function.Supplier<java.util.concurrent.CompletableFuture<List<SendReceipt>>> sends) {
			throw new IllegalStateException("published outside a transaction");
		}

	}

	private static HikariDataSource dataSource(String schema, int size) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/eventbus_bench?currentSchema=" + schema);
		dataSource.setUsername("postgres");
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(size);
		return dataSource;
	}

	private static void createSchema(String schema) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'eventbus_bench'").next()) {
				statement.execute("CREATE DATABASE eventbus_bench");
			}
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/eventbus_bench",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
	}

	private static void dropSchema(String schema) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/eventbus_bench",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA " + schema + " CASCADE");
		}
	}

	private static int intArg(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
	}

}
