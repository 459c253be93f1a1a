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
import java.util.concurrent.locks.LockSupport;

import com.zaxxer.hikari.HikariDataSource;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.inbox.InboxDispatcher;
import dev.openedx.eventbus.inbox.JdbcInbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The consumer process that {@link KafkaInboxCrashTests} kills with {@code SIGKILL}: consumes a topic through the
 * inbox, its listener adding one row per event to an {@code applied} table in the same transaction. After the
 * transaction of the event numbered {@code stopAfter} committed, it prints {@code COMMITTED <sequence>} and hangs
 * before returning, so the kill lands after the listener's commit and before the offset commit. Duplicates the
 * inbox recognises are printed as {@code DUPLICATE <id>}.
 */
public final class InboxCrashTestConsumer {

	static final String COMMITTED = "COMMITTED ";

	static final String DUPLICATE = "DUPLICATE ";

	static final String GROUP = "inbox-crash-group";

	private InboxCrashTestConsumer() {
	}

	public static void main(String[] args) throws Exception {
		String bootstrapServers = args[0];
		String registryUrl = args[1];
		String topic = args[2];
		String jdbcUrl = args[3];
		long stopAfter = Long.parseLong(args[4]);
		PrintStream out = System.out;
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbcUrl);
		dataSource.setUsername(args[5]);
		dataSource.setPassword("");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		InboxDispatcher inbox = new InboxDispatcher(new JdbcInbox(dataSource, Clock.systemUTC()),
				new JdbcTransactionManager(dataSource), null, List.of((worker, group, event) -> {
					synchronized (out) {
						out.println(DUPLICATE + TestEvents.sequence(event));
						out.flush();
					}
				}));
		EventDispatcher listener = (event) -> {
			long sequence = TestEvents.sequence(event);
			jdbc.update("INSERT INTO applied (sequence, event_id) VALUES (?, ?)", sequence,
					event.metadata().id().toString());
			if (sequence == stopAfter) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

					@Override
					public void afterCommit() {
						synchronized (out) {
							out.println(COMMITTED + sequence);
							out.flush();
						}
						LockSupport.park();
					}

				});
			}
		};
		KafkaMessageDecoder decoder = new KafkaMessageDecoder(TestEvents.CATALOG, new AvroEventCodec(),
				new SchemaRegistryClient(SchemaRegistrySettings.of(registryUrl)), TestEvents.ORIGIN);
		KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(
				CrashTestConsumer.clientConfig(bootstrapServers),
				ConsumerSettings.defaults("kafka", topic, GROUP).withPollTimeout(Duration.ofMillis(100)), decoder,
				inbox.dispatcher("crash", GROUP, listener),
				FailureRecoverer.logAndSkip(), ConsumerObserver.composite(List.of()));
		consumer.run();
	}

}
