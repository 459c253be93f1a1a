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

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The {@value #TABLE} table, through Spring's {@link JdbcTemplate}: what the publishing transaction inserts, what
 * the relay locks and marks, what operators list and resubmit. Every statement handles a whole batch; none runs
 * once per event. Times are stored as epoch milliseconds, so no database's time-zone handling is involved.
 * <pre class="code">
 * JdbcOutbox outbox = new JdbcOutbox(dataSource, Clock.systemUTC());
 * OutboxStatistics statistics = outbox.statistics();
 * </pre>
 * The table comes from {@code META-INF/eventbus/schema-outbox-<platform>.sql} (PostgreSQL, MySQL/MariaDB, H2).
 *
 * @since 0.1.0
 */
public final class JdbcOutbox {

	/** The table name. */
	public static final String TABLE = "eventbus_outbox";

	/** The longest error text kept with an entry, as the column allows. */
	static final int MAX_ERROR_LENGTH = 1000;

	// Statements are bounded in their parameter count (PostgreSQL takes at most 32767).
	private static final int MAX_IN_LIST = 1000;

	private static final String COLUMNS = "id, event_id, event_type, destination, event_key_field, event_source, "
			+ "event_source_host, event_source_lib, event_time, minor_version, schema_fingerprint, event_data, "
			+ "attempts, published_at";

	private static final String INSERT = "INSERT INTO " + TABLE + " (event_id, event_type, destination, "
			+ "event_key_field, event_source, event_source_host, event_source_lib, event_time, minor_version, "
			+ "schema_fingerprint, event_data, status, attempts, published_at) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)";

	private static final RowMapper<StoredEvent> STORED_EVENT = JdbcOutbox::storedEvent;

	private static final RowMapper<OutboxEntry> ENTRY = JdbcOutbox::entry;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	/**
	 * Create the outbox on a data source; statements take part in the transaction bound to it, if any.
	 * @param dataSource the data source holding {@value #TABLE}
	 * @param clock the clock of the stored times
	 */
	public JdbcOutbox(DataSource dataSource, Clock clock) {
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

	long now() {
		return this.clock.millis();
	}

	void insert(List<StoredEvent> events) {
		if (events.size() == 1) {
			StoredEvent event = events.get(0);
			this.jdbc.update(INSERT, (statement) -> bind(statement, event));
			return;
		}
		this.jdbc.batchUpdate(INSERT, events, events.size(), JdbcOutbox::bind);
	}

	private static void bind(PreparedStatement statement, StoredEvent event) throws SQLException {
		statement.setString(1, event.eventId());
		statement.setString(2, event.eventType());
		statement.setString(3, event.destination());
		statement.setString(4, event.eventKeyField());
		statement.setString(5, event.source());
		statement.setString(6, event.sourceHost());
		statement.setString(7, event.sourceLib());
		statement.setString(8, event.time());
		statement.setInt(9, event.minorVersion());
		statement.setLong(10, event.schemaFingerprint());
		statement.setBytes(11, event.data());
		statement.setLong(12, event.publishedAt());
	}

	/**
	 * Lock the oldest pending entries for the current transaction, in publication order. Another relay asking at the
	 * same time waits until this transaction ends, then gets the entries after these: relays take turns, so every
	 * entry goes out once per round and in order.
	 */
	List<StoredEvent> lockPending(int limit, Collection<String> excludedDestinations) {
		StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
			.append(" FROM ")
			.append(TABLE)
			.append(" WHERE status = 'PENDING'");
		List<Object> arguments = new ArrayList<>(excludedDestinations);
		if (!excludedDestinations.isEmpty()) {
			sql.append(" AND destination NOT IN (").append(placeholders(excludedDestinations.size())).append(')');
		}
		sql.append(" ORDER BY id LIMIT ? FOR UPDATE");
		arguments.add(limit);
		return this.jdbc.query(sql.toString(), STORED_EVENT, arguments.toArray());
	}

	/** Delete acknowledged entries, or keep them as sent when they are retained for a while. */
	void markSent(List<Long> ids, boolean keep) {
		if (keep) {
			long now = now();
			forEachChunk(ids, (chunk, in) -> this.jdbc.update("UPDATE " + TABLE + " SET status = 'SENT', sent_at = "
					+ now + " WHERE id IN (" + in + ")", chunk.toArray()));
		}
		else {
			forEachChunk(ids, (chunk, in) -> this.jdbc.update("DELETE FROM " + TABLE + " WHERE id IN (" + in + ")",
					chunk.toArray()));
		}
	}

	/** Count a failed attempt of each entry; those that are to be given up become failed. */
	void recordFailures(List<Failure> failures) {
		if (failures.isEmpty()) {
			return;
		}
		long now = now();
		this.jdbc.batchUpdate("UPDATE " + TABLE + " SET attempts = attempts + 1, last_attempt_at = ?, "
				+ "last_error = ?, status = ? WHERE id = ?", failures, failures.size(), (statement, failure) -> {
					statement.setLong(1, now);
					statement.setString(2, truncate(failure.error()));
					statement.setString(3, failure.giveUp() ? OutboxStatus.FAILED.name() : OutboxStatus.PENDING.name());
					statement.setLong(4, failure.id());
				});
	}

	/**
	 * Read how many entries are pending and failed, and the age of the oldest pending one.
	 * @return the statistics
	 */
	public OutboxStatistics statistics() {
		Instant now = this.clock.instant();
		return this.jdbc.query("SELECT status, COUNT(*), MIN(published_at) FROM " + TABLE
				+ " WHERE status IN ('PENDING', 'FAILED') GROUP BY status", (rs) -> {
					long pending = 0;
					long failed = 0;
					Instant oldest = null;
					while (rs.next()) {
						if (OutboxStatus.PENDING.name().equals(rs.getString(1))) {
							pending = rs.getLong(2);
							oldest = Instant.ofEpochMilli(rs.getLong(3));
						}
						else {
							failed = rs.getLong(2);
						}
					}
					return new OutboxStatistics(pending, failed, oldest, now);
				});
	}

	/**
	 * List entries, oldest first.
	 * @param status the status to list
	 * @param limit the most entries to return
	 * @return the entries
	 */
	public List<OutboxEntry> entries(OutboxStatus status, int limit) {
		return this.jdbc.query("SELECT id, event_id, event_type, destination, status, attempts, published_at, "
				+ "last_attempt_at, last_error FROM " + TABLE + " WHERE status = ? ORDER BY id LIMIT ?", ENTRY,
				status.name(), limit);
	}

	/**
	 * Put failed entries back in line: pending again, attempts reset. The relay sends them on its next round, after
	 * the entries published before them.
	 * @param ids the entries to resubmit; failed ones only are affected
	 * @return how many were resubmitted
	 */
	public int resubmit(Collection<Long> ids) {
		int[] count = { 0 };
		forEachChunk(new ArrayList<>(ids), (chunk, in) -> count[0] += this.jdbc.update("UPDATE " + TABLE
				+ " SET status = 'PENDING', attempts = 0 WHERE status = 'FAILED' AND id IN (" + in + ")",
				chunk.toArray()));
		return count[0];
	}

	/**
	 * Put every failed entry back in line.
	 * @return how many were resubmitted
	 */
	public int resubmitFailed() {
		return this.jdbc.update("UPDATE " + TABLE + " SET status = 'PENDING', attempts = 0 WHERE status = 'FAILED'");
	}

	/** Delete the sent entries kept longer than the retention. */
	int deleteSentBefore(long cutoff) {
		return this.jdbc.update("DELETE FROM " + TABLE + " WHERE status = 'SENT' AND sent_at < ?", cutoff);
	}

	private static String truncate(@Nullable String error) {
		if (error == null) {
			return "(no message)";
		}
		return (error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH - 3) + "...";
	}

	private static void forEachChunk(List<Long> ids, ChunkAction action) {
		for (int from = 0; from < ids.size(); from += MAX_IN_LIST) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IN_LIST));
			action.apply(chunk, placeholders(chunk.size()));
		}
	}

	private static String placeholders(int count) {
		return "?" + ", ?".repeat(count - 1);
	}

	private static StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
		return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getLong(11),
				rs.getBytes(12), rs.getInt(13), rs.getLong(14));
	}

	private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
		long lastAttempt = rs.getLong(8);
		Instant lastAttemptAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastAttempt);
		return new OutboxEntry(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getString(3), rs.getString(4),
				OutboxStatus.valueOf(rs.getString(5)), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)),
				lastAttemptAt, rs.getString(9));
	}

	@FunctionalInterface
	private interface ChunkAction {

		void apply(List<Long> chunk, String placeholders);

	}

	/**
	 * A failed send of one entry.
	 *
	 * @param id the entry
	 * @param error why it failed
	 * @param giveUp whether to give the entry up (failed) instead of retrying it
	 */
	record Failure(long id, String error, boolean giveUp) {
	}

}
