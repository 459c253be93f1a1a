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
import java.util.Objects;

import javax.sql.DataSource;

import dev.openedx.eventbus.event.OpenEdxEvent;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@value #TABLE} table: one row per event id a consumer group handled. Recording an event inserts its row in
 * the current transaction; the primary key (group, event id) makes a second insert of the same event fail, which is
 * how a duplicate delivery is recognised, whatever the database. Times are epoch milliseconds.
 * <pre class="code">
 * JdbcInbox inbox = new JdbcInbox(dataSource, Clock.systemUTC());
 * boolean first = inbox.record("catalog-enrollments", event);
 * </pre>
 * The table comes from {@code META-INF/eventbus/schema-inbox-<platform>.sql} (PostgreSQL, MySQL/MariaDB, H2).
 *
 * @since 0.1.0
 */
public final class JdbcInbox {

	/** The table name. */
	public static final String TABLE = "eventbus_inbox";

	private static final String INSERT = "INSERT INTO " + TABLE
			+ " (consumer_group, event_id, event_type, received_at) VALUES (?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	/**
	 * Create the inbox on a data source; statements take part in the transaction bound to it.
	 * @param dataSource the data source holding {@value #TABLE}
	 * @param clock the clock of the stored times
	 */
	public JdbcInbox(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource must not be null"));
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * The data source of the table.
	 * @return the data source
	 */
	public DataSource getDataSource() {
		DataSource dataSource = this.jdbc.getDataSource();
		Objects.requireNonNull(dataSource, "no data source");
		return dataSource;
	}

	/**
	 * Record that a group handles an event, in the current transaction. On PostgreSQL a duplicate leaves that
	 * transaction unusable: roll it back, as {@link InboxDispatcher} does.
	 * @param group the consumer group
	 * @param event the received event
	 * @return {@code true} the first time, {@code false} when the group has the event already
	 */
	public boolean record(String group, OpenEdxEvent<?> event) {
		try {
			this.jdbc.update(INSERT, group, event.metadata().id().toString(), event.type().type(),
					this.clock.millis());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Whether a group has handled an event (committed).
	 * @param group the consumer group
	 * @param eventId the event id
	 * @return whether its row exists
	 */
	public boolean contains(String group, String eventId) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE
				+ " WHERE consumer_group = ? AND event_id = ?", Integer.class, group, eventId);
		return count != null && count > 0;
	}

	/**
	 * Delete the rows older than the retention: a redelivery older than that is no longer recognised.
	 * @param retention how long rows are kept
	 * @return how many were deleted
	 */
	public int deleteOlderThan(Duration retention) {
		return this.jdbc.update("DELETE FROM " + TABLE + " WHERE received_at < ?",
				this.clock.millis() - retention.toMillis());
	}

}
