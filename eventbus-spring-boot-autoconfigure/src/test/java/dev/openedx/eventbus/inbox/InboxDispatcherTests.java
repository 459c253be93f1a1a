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

package dev.openedx.eventbus.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The inbox on each database the library ships a script for: a listener's own writes and the inbox row commit or
 * roll back together, and an event delivered again is recognised and not dispatched.
 */
class InboxDispatcherTests {

	record Credit(String account, long amount) {
	}

	static final EventType<Credit> CREDITED = EventType.of("org.openedx.test.inbox.credited.v1", "credit",
			Credit.class);

	@ParameterizedTest
	@EnumSource(TestDatabase.Kind.class)
	void anEventDeliveredTwiceChangesTheDatabaseOnceAndTheDuplicateIsCounted(TestDatabase.Kind kind)
			throws Exception {
		try (TestDatabase database = TestDatabase.create(kind)) {
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			jdbc.execute("CREATE TABLE ledger (account VARCHAR(50), amount BIGINT)");
			List<String> duplicates = new ArrayList<>();
			InboxDispatcher inbox = new InboxDispatcher(new JdbcInbox(database.dataSource(), Clock.systemUTC()),
					new JdbcTransactionManager(database.dataSource()), null,
					List.of((worker, group, event) -> duplicates
						.add(worker + "/" + group + "/" + event.metadata().id())));
			EventDispatcher listener = (event) -> {
				Credit credit = (Credit) event.data();
				jdbc.update("INSERT INTO ledger VALUES (?, ?)", credit.account(), credit.amount());
			};
			EventDispatcher dispatcher = inbox.dispatcher("ledger", "accounting", listener);
			OpenEdxEvent<Credit> event = received(new Credit("alice", 10));

			dispatcher.dispatch(event);
			dispatcher.dispatch(event);

			assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM ledger", Long.class)).isEqualTo(10);
			assertThat(duplicates).containsExactly("ledger/accounting/" + event.metadata().id());
			EventDispatcher otherGroup = inbox.dispatcher("audit", "auditing", listener);
			otherGroup.dispatch(event);
			assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM ledger", Long.class))
				.as("another consumer group handles it on its own").isEqualTo(20);
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.Kind.class, names = { "POSTGRESQL", "H2" })
	void aFailingListenerRollsBackItsWritesAndTheInboxRowSoTheRetryRunsIt(TestDatabase.Kind kind) throws Exception {
		try (TestDatabase database = TestDatabase.create(kind)) {
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			jdbc.execute("CREATE TABLE ledger (account VARCHAR(50), amount BIGINT)");
			JdbcInbox table = new JdbcInbox(database.dataSource(), Clock.systemUTC());
			InboxDispatcher inbox = new InboxDispatcher(table, new JdbcTransactionManager(database.dataSource()),
					null, List.of());
			int[] calls = { 0 };
			EventDispatcher dispatcher = inbox.dispatcher("ledger", "accounting", (event) -> {
				jdbc.update("INSERT INTO ledger VALUES ('alice', 10)");
				if (++calls[0] == 1) {
					throw new java.io.IOException("downstream unavailable");
				}
			});
			OpenEdxEvent<Credit> event = received(new Credit("alice", 10));

			assertThatExceptionOfType(java.io.IOException.class).isThrownBy(() -> dispatcher.dispatch(event))
				.withMessage("downstream unavailable");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger", Long.class)).isZero();
			assertThat(table.contains("accounting", event.metadata().id().toString())).isFalse();

			dispatcher.dispatch(event);

			assertThat(calls[0]).isEqualTo(2);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger", Long.class)).isEqualTo(1);
			assertThat(table.contains("accounting", event.metadata().id().toString())).isTrue();
		}
	}

	@ParameterizedTest
	@EnumSource(value = TestDatabase.Kind.class, names = { "POSTGRESQL", "H2" })
	void rowsOlderThanTheRetentionAreCleanedAway(TestDatabase.Kind kind) throws Exception {
		try (TestDatabase database = TestDatabase.create(kind)) {
			JdbcInbox table = new JdbcInbox(database.dataSource(), Clock.systemUTC());
			InboxDispatcher inbox = new InboxDispatcher(table, new JdbcTransactionManager(database.dataSource()),
					Set.of("chosen"), List.of());
			EventDispatcher plain = (event) -> {
			};
			inbox.dispatcher("chosen", "g", plain).dispatch(received(new Credit("bob", 1)));

			assertThat(new InboxCleaner(table, Duration.ofDays(1), Duration.ofHours(1)).clean()).isZero();
			assertThat(new InboxCleaner(table, Duration.ofMillis(-1000), Duration.ofHours(1)).clean()).isEqualTo(1);
		}
	}

	private static OpenEdxEvent<Credit> received(Credit credit) {
		return OpenEdxEvent.received(CREDITED, credit, EventsMetadata.builder(CREDITED).build());
	}

}
