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

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.zaxxer.hikari.HikariDataSource;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.outbox.JdbcOutbox;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.OutboxRelaySettings;
import dev.openedx.eventbus.outbox.TransactionalOutbox;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventMetadataStamper;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.SendScheduler;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publishing process that {@link KafkaOutboxCrashTests} kills with {@code SIGKILL}: several threads run
 * business transactions (a row in {@code business}, an event through the outbox), one in five rolled back, and a
 * relay sends what commits. Prints {@code COMMITTED <sequence> <id>} and {@code ROLLED_BACK <sequence> <id>} once
 * each transaction ended.
 */
public final class OutboxCrashTestPublisher {

	static final String COMMITTED = "COMMITTED ";

	static final String ROLLED_BACK = "ROLLED_BACK ";

	private OutboxCrashTestPublisher() {
	}

	public static void main(String[] args) throws Exception {
		String bootstrapServers = args[0];
		String registryUrl = args[1];
		String topic = args[2];
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(args[3]);
		dataSource.setUsername(args[4]);
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(6);
		PrintStream out = System.out;
		AvroEventCodec codec = new AvroEventCodec();
		KafkaEventBusProducer producer = KafkaEventBusProducer.create(RawKafka.producerConfig(bootstrapServers),
				new SchemaRegistryClient(SchemaRegistrySettings.of(registryUrl)), codec);
		EventRoute route = new EventRoute(TestEvents.ALPHA, topic, topic, "alpha.key", true);
		EventRoutes routes = new EventRoutes(List.of(route, new EventRoute(TestEvents.BETA, topic, topic, "beta.key",
				true), new EventRoute(TestEvents.GAMMA, topic, topic, "gamma.key", true)));
		JdbcOutbox table = new JdbcOutbox(dataSource, Clock.systemUTC());
		// Small rounds, so that committed events wait in the outbox when the kill comes.
		OutboxRelaySettings defaults = OutboxRelaySettings.defaults();
		OutboxRelay relay = new OutboxRelay(table, producer, TestEvents.CATALOG, codec, routes, List.of(),
				new OutboxRelaySettings(20, Duration.ofMillis(200), defaults.sendTimeout(),
						defaults.retryInitialInterval(), defaults.retryMaxInterval(), defaults.giveUpAfter(),
						defaults.retention(), defaults.statisticsInterval(), defaults.unsentWarning()));
		EventBusPublisher publisher = new EventBusPublisher(routes, producer, new EventMetadataStamper(
				TestEvents.ORIGIN), List.of(), SendScheduler.IMMEDIATE,
				new TransactionalOutbox(table, codec, relay::wakeUp, false));
		relay.start();
		TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		AtomicLong sequence = new AtomicLong();
		for (int t = 0; t < 4; t++) {
			new Thread(() -> {
				while (true) {
					long i = sequence.getAndIncrement();
					OpenEdxEvent<?> event = TestEvents.event(i, 7);
					boolean rollBack = i % 5 == 4;
					transactions.executeWithoutResult((status) -> {
						jdbc.update("INSERT INTO business (sequence) VALUES (?)", i);
						publisher.publish(event);
						TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

							@Override
							public void afterCompletion(int completion) {
								String line = ((completion == STATUS_COMMITTED) ? COMMITTED : ROLLED_BACK) + i + " "
										+ event.metadata().id();
								synchronized (out) {
									out.println(line);
									out.flush();
								}
							}

						});
						if (rollBack) {
							status.setRollbackOnly();
						}
					});
					// A steady stream rather than a flood, so the relay keeps up part of the time.
					LockSupport.parkNanos(2_000_000);
				}
			}, "publisher-" + t).start();
		}
		Thread.currentThread().join();
	}

}
