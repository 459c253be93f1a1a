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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.publish.EventOutbox;
import dev.openedx.eventbus.publish.EventOutboxException;
import dev.openedx.eventbus.publish.EventRoute;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores published events in the {@value JdbcOutbox#TABLE} table in the publishing transaction, one row per route,
 * and wakes the relay when that transaction commits. Nothing is stored for good if it rolls back. Outside a
 * transaction the publisher sends as without an outbox, unless {@code storeOutsideTransactions} is set, in which
 * case the event is stored on its own and relayed as well.
 * <p>
 * What is stored is the Avro binary of the data and the metadata as its wire text, so the relay puts on the topic
 * exactly the bytes a direct send would have; the schema fingerprint guards against a schema that changed in
 * between.
 * <pre class="code">
 * EventOutbox outbox = new TransactionalOutbox(jdbcOutbox, codec, relay::wakeUp, false);
 * </pre>
 *
 * @since 0.1.0
 */
public final class TransactionalOutbox implements EventOutbox {

	private static final String TRANSPORT = "outbox";

	private final JdbcOutbox outbox;

	private final AvroEventCodec codec;

	private final Runnable onCommit;

	private final boolean storeOutsideTransactions;

	private final DataSource dataSource;

	/**
	 * Create the outbox.
	 * @param outbox the table
	 * @param codec the codec whose bytes go on the wire
	 * @param onCommit called after a transaction that stored events committed (wakes the relay)
	 * @param storeOutsideTransactions whether events published outside a transaction are stored too
	 */
	public TransactionalOutbox(JdbcOutbox outbox, AvroEventCodec codec, Runnable onCommit,
			boolean storeOutsideTransactions) {
		this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.onCommit = Objects.requireNonNull(onCommit, "onCommit must not be null");
		this.storeOutsideTransactions = storeOutsideTransactions;
		this.dataSource = outbox.getDataSource();
	}

	@Override
	public boolean takesEvents() {
		return this.storeOutsideTransactions || TransactionSynchronizationManager.isActualTransactionActive();
	}

	@Override
	public CompletableFuture<List<SendReceipt>> store(OpenEdxEvent<?> event, List<EventRoute> routes) {
		Objects.requireNonNull(event, "event must not be null");
		List<StoredEvent> rows = rows(event, routes);
		boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
		if (inTransaction && !TransactionSynchronizationManager.hasResource(this.dataSource)) {
			throw new EventOutboxException("Cannot store event " + describe(event) + " in the outbox: the current "
					+ "transaction does not include the outbox's DataSource (is its transaction manager for another "
					+ "resource?), so the event would not commit or roll back with it");
		}
		try {
			this.outbox.insert(rows);
		}
		catch (DataAccessException ex) {
			throw new EventOutboxException("Cannot store event " + describe(event) + " in the outbox table "
					+ JdbcOutbox.TABLE + ": " + ex.getMostSpecificCause(), ex);
		}
		List<SendReceipt> receipts = receipts(event, routes);
		if (!inTransaction || !TransactionSynchronizationManager.isSynchronizationActive()) {
			this.onCommit.run();
			return CompletableFuture.completedFuture(receipts);
		}
		CompletableFuture<List<SendReceipt>> result = new CompletableFuture<>();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				result.complete(receipts);
				TransactionalOutbox.this.onCommit.run();
			}

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					result.cancel(false);
				}
			}

		});
		return result;
	}

	private List<StoredEvent> rows(OpenEdxEvent<?> event, List<EventRoute> routes) {
		byte[] data;
		long fingerprint;
		try {
			data = encode(event);
			fingerprint = this.codec.schemaFingerprint(event.type());
		}
		catch (RuntimeException ex) {
			throw new EventOutboxException("Cannot store event " + describe(event) + " in the outbox: "
					+ ex.getMessage(), ex);
		}
		EventsMetadata metadata = event.metadata();
		long now = this.outbox.now();
		List<StoredEvent> rows = new ArrayList<>(routes.size());
		for (EventRoute route : routes) {
			rows.add(new StoredEvent(0, metadata.id().toString(), metadata.eventType(), route.destination(),
					route.eventKeyField(), metadata.source(), metadata.sourceHost(), metadata.sourceLibText(),
					metadata.timeText(), metadata.minorVersion(), fingerprint, data, 0, now));
		}
		return rows;
	}

	private <D> byte[] encode(OpenEdxEvent<D> event) {
		return this.codec.encode(event.type(), event.data());
	}

	private static List<SendReceipt> receipts(OpenEdxEvent<?> event, List<EventRoute> routes) {
		List<SendReceipt> receipts = new ArrayList<>(routes.size());
		for (EventRoute route : routes) {
			receipts.add(new SendReceipt(TRANSPORT, route.destination(), "stored", event.metadata().id()));
		}
		return List.copyOf(receipts);
	}

	private static String describe(OpenEdxEvent<?> event) {
		return event.type().type() + " id=" + event.metadata().id();
	}

}
