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

package dev.openedx.eventbus.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventOutboxException;
import dev.openedx.eventbus.testing.TestDatabase;
import dev.openedx.eventbus.testsupport.RedisServerProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The outbox end to end on each database the library ships a script for (the machine's PostgreSQL and MariaDB, and
 * H2), sending to a real redis-server: what commits is sent, what rolls back never is, an outage delays but loses and
 * reorders nothing, and two relays on one outbox send each event once and in order.
 */
class OutboxRelayTests {

	private static final int REDIS_PORT = 6379;

	@ParameterizedTest
	@EnumSource(TestDatabase.Kind.class)
	void anEventPublishedInACommittedTransactionIsSentOnceTheCommitWakesTheRelay(TestDatabase.Kind kind)
			throws Exception {
		try (TestDatabase database = TestDatabase.create(kind);
				OutboxFixture fixture = new OutboxFixture(database.dataSource(), REDIS_PORT)) {
			OutboxRelay relay = fixture.relay(OutboxFixture.fastSettings());
			relay.start();
			EventBusPublisher publisher = fixture.publisher(relay, false);
			OpenEdxEvent<OutboxFixture.Change> event = OutboxFixture.change("course-1", 1);

			List<CompletableFuture<List<SendReceipt>>> stored = fixture.inTransaction(publisher, List.of(event),
					(status) -> assertThat(fixture.entries()).as("nothing is sent before the commit").isEmpty());

			assertThat(stored.get(0).get(5, TimeUnit.SECONDS)).singleElement()
				.satisfies((receipt) -> assertThat(receipt.transport()).isEqualTo("outbox"));
			await().atMost(Duration.ofSeconds(10)).until(() -> fixture.entries().size() == 1);
			assertThat(fixture.entries().get(0).eventId()).isEqualTo(event.metadata().id().toString());
			await().atMost(Duration.ofSeconds(5)).until(() -> fixture.rows("PENDING") == 0);
			assertThat(relay.getSentCount()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.Kind.class)
	void anEventOfARolledBackTransactionIsNeverSent(TestDatabase.Kind kind) throws Exception {
		try (TestDatabase database = TestDatabase.create(kind);
				OutboxFixture fixture = new OutboxFixture(database.dataSource(), REDIS_PORT)) {
			OutboxRelay relay = fixture.relay(OutboxFixture.fastSettings());
			EventBusPublisher publisher = fixture.publisher(relay, false);

			List<CompletableFuture<List<SendReceipt>>> stored = fixture.inTransaction(publisher,
					List.of(OutboxFixture.change("course-1", 1)), (status) -> status.setRollbackOnly());

			assertThat(stored.get(0)).isCancelled();
			assertThat(relay.relayOnce()).isZero();
			assertThat(fixture.rows("PENDING")).isZero();
			assertThat(fixture.entries()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.Kind.class, names = { "POSTGRESQL", "H2" })
	void eventsStoredWhileTheBrokerIsDownAreSentInOrderOnceItIsBack(TestDatabase.Kind kind) throws Exception {
		try (RedisServerProcess redis = RedisServerProcess.start();
				TestDatabase database = TestDatabase.create(kind);
				OutboxFixture fixture = new OutboxFixture(database.dataSource(), redis.port())) {
			OutboxRelay relay = fixture.relay(OutboxFixture.fastSettings());
			EventBusPublisher publisher = fixture.publisher(relay, false);
			redis.kill();
			List<OpenEdxEvent<?>> events = new ArrayList<>();
			LongStream.rangeClosed(1, 30).forEach((sequence) -> events.add(OutboxFixture.change("course-1", sequence)));
			fixture.inTransaction(publisher, events.subList(0, 10), (status) -> {
			});
			relay.start();
			await().atMost(Duration.ofSeconds(20)).until(() -> relay.getRetriedCount() >= 10);
			fixture.inTransaction(publisher, events.subList(10, 30), (status) -> {
			});
			await().atMost(Duration.ofSeconds(20)).until(() -> relay.getRetriedCount() >= 30);
			assertThat(fixture.rows("PENDING")).as("nothing given up, nothing marked sent").isEqualTo(30);

			redis.restart();

			await().atMost(Duration.ofSeconds(30)).until(() -> fixture.rows("PENDING") == 0);
			List<Long> sequences = fixture.sequences();
			assertThat(new HashSet<>(sequences)).as("every event arrived").hasSize(30);
			assertThat(firstOccurrences(sequences)).as("in publication order")
				.containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
			assertThat(relay.getFailedCount()).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.Kind.class)
	void twoRelaysOnOneOutboxSendEachEventOnceAndInOrder(TestDatabase.Kind kind) throws Exception {
		try (TestDatabase database = TestDatabase.create(kind);
				OutboxFixture fixture = new OutboxFixture(database.dataSource(), REDIS_PORT)) {
			OutboxRelay first = fixture.relay(OutboxFixture.fastSettings());
			OutboxRelay second = fixture.relay(database.anotherDataSource(), OutboxFixture.fastSettings());
			EventBusPublisher publisher = fixture.publisher(null, false);
			int count = 1_000;
			List<OpenEdxEvent<?>> events = new ArrayList<>();
			LongStream.rangeClosed(1, count).forEach((sequence) -> events.add(OutboxFixture.change("k", sequence)));
			for (int from = 0; from < count; from += 100) {
				fixture.inTransaction(publisher, events.subList(from, from + 100), (status) -> {
				});
			}
			CountDownLatch go = new CountDownLatch(1);
			List<Thread> threads = new ArrayList<>();
			int[] rounds = new int[2];
			for (OutboxRelay relay : List.of(first, second)) {
				int index = threads.size();
				Thread thread = new Thread(() -> {
					try {
						go.await();
						while (fixture.rows("PENDING") > 0) {
							if (relay.relayOnce() > 0) {
								rounds[index]++;
							}
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
				thread.start();
				threads.add(thread);
			}
			go.countDown();
			for (Thread thread : threads) {
				thread.join(60_000);
			}

			assertThat(fixture.sequences()).as("each event once, in order")
				.containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
			assertThat(first.getSentCount() + second.getSentCount()).isEqualTo(count);
			assertThat(rounds[0] + rounds[1]).as("rounds of at most one batch").isGreaterThanOrEqualTo(count / 100);
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.Kind.class, names = { "POSTGRESQL", "H2" })
	void anEntryThatNoLongerDecodesIsGivenUpAndCanBeResubmitted(TestDatabase.Kind kind) throws Exception {
		try (TestDatabase database = TestDatabase.create(kind);
				OutboxFixture fixture = new OutboxFixture(database.dataSource(), REDIS_PORT)) {
			OutboxRelay relay = fixture.relay(OutboxFixture.fastSettings());
			EventBusPublisher publisher = fixture.publisher(relay, false);
			fixture.inTransaction(publisher, List.of(OutboxFixture.change("a", 1), OutboxFixture.change("a", 2)),
					(status) -> {
					});
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			long firstId = jdbc.queryForObject("SELECT MIN(id) FROM eventbus_outbox", Long.class);
			long fingerprint = jdbc.queryForObject("SELECT schema_fingerprint FROM eventbus_outbox WHERE id = ?",
					Long.class, firstId);
			jdbc.update("UPDATE eventbus_outbox SET schema_fingerprint = ? WHERE id = ?", fingerprint + 1, firstId);

			assertThat(relay.relayOnce()).isEqualTo(2);

			assertThat(fixture.sequences()).as("the next event is not held up for good").containsExactly(2L);
			List<OutboxEntry> failed = fixture.outbox.entries(OutboxStatus.FAILED, 10);
			assertThat(failed).singleElement().satisfies((entry) -> {
				assertThat(entry.id()).isEqualTo(firstId);
				assertThat(entry.attempts()).isEqualTo(1);
				assertThat(entry.lastError()).contains("schema of the event type changed");
			});
			assertThat(relay.getFailedCount()).isEqualTo(1);
			assertThat(fixture.outbox.statistics().failed()).isEqualTo(1);

			jdbc.update("UPDATE eventbus_outbox SET schema_fingerprint = ? WHERE id = ?", fingerprint, firstId);
			assertThat(fixture.outbox.resubmit(List.of(firstId))).isEqualTo(1);
			assertThat(relay.relayOnce()).isEqualTo(1);
			assertThat(fixture.sequences()).containsExactly(2L, 1L);
			assertThat(fixture.rows("FAILED")).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.Kind.class, names = { "POSTGRESQL", "H2" })
	void sentEntriesAreKeptForTheRetentionAndCountedAsNeitherPendingNorFailed(TestDatabase.Kind kind)
			throws Exception {
		try (TestDatabase database = TestDatabase.create(kind);
				OutboxFixture fixture = new OutboxFixture(database.dataSource(), REDIS_PORT)) {
			OutboxRelaySettings defaults = OutboxFixture.fastSettings();
			OutboxRelay relay = fixture.relay(new OutboxRelaySettings(defaults.batchSize(), defaults.pollInterval(),
					defaults.sendTimeout(), defaults.retryInitialInterval(), defaults.retryMaxInterval(),
					defaults.giveUpAfter(), Duration.ofHours(1), defaults.statisticsInterval(),
					defaults.unsentWarning()));
			EventBusPublisher publisher = fixture.publisher(relay, false);
			fixture.inTransaction(publisher, List.of(OutboxFixture.change("a", 1)), (status) -> {
			});
			assertThat(fixture.outbox.statistics().pending()).isEqualTo(1);
			assertThat(fixture.outbox.statistics().oldestPending()).isNotNull();

			relay.relayOnce();

			assertThat(fixture.rows("SENT")).isEqualTo(1);
			assertThat(fixture.outbox.statistics()).satisfies((statistics) -> {
				assertThat(statistics.pending()).isZero();
				assertThat(statistics.failed()).isZero();
				assertThat(statistics.oldestPending()).isNull();
			});
			assertThat(fixture.outbox.deleteSentBefore(System.currentTimeMillis() + 1)).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.Kind.class, names = { "POSTGRESQL", "H2" })
	void outsideATransactionEventsAreSentDirectlyUnlessTheOutboxTakesThemToo(TestDatabase.Kind kind)
			throws Exception {
		try (TestDatabase database = TestDatabase.create(kind);
				OutboxFixture fixture = new OutboxFixture(database.dataSource(), REDIS_PORT)) {
			OutboxRelay relay = fixture.relay(OutboxFixture.fastSettings());

			List<SendReceipt> direct = fixture.publisher(relay, false).publish(OutboxFixture.change("a", 1))
				.get(5, TimeUnit.SECONDS);
			List<SendReceipt> stored = fixture.publisher(relay, true).publish(OutboxFixture.change("a", 2))
				.get(5, TimeUnit.SECONDS);

			assertThat(direct).singleElement().satisfies((receipt) -> assertThat(receipt.transport())
				.isEqualTo("redis"));
			assertThat(stored).singleElement().satisfies((receipt) -> assertThat(receipt.transport())
				.isEqualTo("outbox"));
			assertThat(fixture.rows("PENDING")).isEqualTo(1);
			relay.relayOnce();
			assertThat(fixture.sequences()).containsExactly(1L, 2L);
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.Kind.class, names = { "H2" })
	void anEventThatCannotBeStoredFailsThePublishingCallSoTheTransactionRollsBack(TestDatabase.Kind kind) {
		try (TestDatabase database = TestDatabase.createEmpty(kind);
				OutboxFixture fixture = new OutboxFixture(database.dataSource(), REDIS_PORT)) {
			EventBusPublisher publisher = fixture.publisher(null, false);

			assertThatExceptionOfType(EventOutboxException.class)
				.isThrownBy(() -> fixture.inTransaction(publisher, List.of(OutboxFixture.change("a", 1)),
						(status) -> {
						}))
				.withMessageContaining("id=")
				.withMessageContaining("eventbus_outbox");
		}
	}

	private static List<Long> firstOccurrences(List<Long> sequences) {
		Set<Long> seen = new HashSet<>();
		List<Long> first = new ArrayList<>();
		for (Long sequence : sequences) {
			if (seen.add(sequence)) {
				first.add(sequence);
			}
		}
		return first;
	}

}
