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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.InvalidKeyFieldException;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.InvalidMetadataException;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.event.UnknownEventTypeException;
import dev.openedx.eventbus.event.UnserializableEventException;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerObserver;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds: woken by every commit that stored events, and by polling as a fallback (after a
 * crash, a restart, a broker outage, or for events another instance stored). Each round locks the oldest pending
 * entries in publication order ({@code SELECT ... FOR UPDATE}), hands them all to the producer at once, waits for the
 * broker's acknowledgements, and in the same transaction deletes (or marks sent) the acknowledged ones. A backlog
 * drains in back-to-back rounds of {@code batchSize}, a few statements per round.
 * <p>
 * Guarantees: an entry is marked sent only once the broker acknowledged it, so a crash anywhere makes it go out
 * again (at least once). Relays of several instances take turns on the row locks, so each round's entries go out
 * once and in order. A destination whose send failed is retried with exponential backoff, and no entry of that
 * destination is sent meanwhile: entries of one topic and key never overtake an earlier one that is being retried.
 * A failure no retry can fix (an event that no longer decodes, a record the broker refuses for good) and an entry
 * still unsent after {@code giveUpAfter} are given up: kept as {@link OutboxStatus#FAILED}, logged at ERROR and
 * counted, until {@link JdbcOutbox#resubmit resubmitted}.
 * <pre class="code">
 * OutboxRelay relay = new OutboxRelay(jdbcOutbox, producer, catalog, codec, routes, observers,
 *         OutboxRelaySettings.defaults());
 * relay.start();
 * </pre>
 *
 * @since 0.1.0
 */
public final class OutboxRelay implements SmartLifecycle {

	/** Before the consumer workers, and stopped after them: the producer is still open. */
	public static final int PHASE = Integer.MAX_VALUE - 200;

	private static final LogAccessor logger = new LogAccessor(OutboxRelay.class);

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

	private final JdbcOutbox outbox;

	private final EventBusProducer producer;

	private final EventCatalog catalog;

	private final AvroEventCodec codec;

	private final EventRoutes routes;

	private final List<ProducerObserver> observers;

	private final OutboxRelaySettings settings;

	private final TransactionTemplate transactions;

	private final Semaphore wakeUps = new Semaphore(0);

	private final Map<String, Backoff> backoffs = new HashMap<>();

	private final LongAdder sent = new LongAdder();

	private final LongAdder retried = new LongAdder();

	private final LongAdder givenUp = new LongAdder();

	private final Object lifecycleMonitor = new Object();

	private volatile OutboxStatistics statistics;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	private long lastStatistics;

	private long lastCleanup;

	private long lastUnsentError;

	/**
	 * Create a relay; it starts with {@link #start()}.
	 * @param outbox the outbox table
	 * @param producer the transport's producer
	 * @param catalog the event types, to decode stored events
	 * @param codec the codec that encoded them
	 * @param routes the routing table, for the observers
	 * @param observers called for every send, as the publisher calls them
	 * @param settings how to relay
	 */
	public OutboxRelay(JdbcOutbox outbox, EventBusProducer producer, EventCatalog catalog, AvroEventCodec codec,
			EventRoutes routes, List<? extends ProducerObserver> observers, OutboxRelaySettings settings) {
		this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
		this.producer = Objects.requireNonNull(producer, "producer must not be null");
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.routes = Objects.requireNonNull(routes, "routes must not be null");
		this.observers = List.copyOf(observers);
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		TransactionTemplate template = new TransactionTemplate(new JdbcTransactionManager(outbox.getDataSource()));
		// No gap locks (MySQL): a round must not hold up the inserts of publishing transactions.
		template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.transactions = template;
		this.statistics = OutboxStatistics.empty(Instant.ofEpochMilli(outbox.now()));
	}

	/**
	 * Have the relay look at the outbox at once (called after each commit that stored events); cheap, never blocks.
	 */
	public void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Run one round now, on the calling thread: lock up to {@code batchSize} pending entries, send them, mark them.
	 * The relay thread does this on its own; tests and tools call it directly.
	 * @return how many entries the round handled (sent or failed)
	 */
	public int relayOnce() {
		Set<String> blocked = blockedDestinations();
		List<Attempt> attempts = new ArrayList<>();
		Integer handled = this.transactions.execute((status) -> {
			List<StoredEvent> rows = this.outbox.lockPending(this.settings.batchSize(), blocked);
			if (rows.isEmpty()) {
				return 0;
			}
			for (StoredEvent row : rows) {
				attempts.add(send(row));
			}
			awaitAcknowledgements(attempts);
			List<Long> acknowledged = new ArrayList<>(rows.size());
			List<JdbcOutbox.Failure> failures = new ArrayList<>();
			long now = this.outbox.now();
			for (Attempt attempt : attempts) {
				attempt.resolve(now);
				if (attempt.failure == null) {
					acknowledged.add(attempt.row.id());
				}
				else {
					failures.add(new JdbcOutbox.Failure(attempt.row.id(), describe(attempt.failure),
							attempt.giveUp));
				}
			}
			this.outbox.markSent(acknowledged, !this.settings.retention().isZero());
			this.outbox.recordFailures(failures);
			return rows.size();
		});
		afterRound(attempts);
		return (handled != null) ? handled : 0;
	}

	private Attempt send(StoredEvent row) {
		Attempt attempt = new Attempt(row);
		try {
			OpenEdxEvent<?> event = decode(row);
			EventRoute route = route(event.type(), row);
			attempt.event = event;
			attempt.route = route;
			attempt.started = System.nanoTime();
			attempt.future = this.producer.send(row.destination(), row.eventKeyField(), event);
			// Observers hear of each acknowledgement as it arrives, not when the round's bookkeeping is done.
			attempt.future.whenComplete((receipt, ex) -> {
				if (ex == null) {
					long nanos = System.nanoTime() - attempt.started;
					notifyObservers((observer) -> observer.sent(route, event, receipt, nanos));
				}
			});
		}
		catch (RuntimeException ex) {
			attempt.future = CompletableFuture.failedFuture(ex);
		}
		return attempt;
	}

	private void awaitAcknowledgements(List<Attempt> attempts) {
		CompletableFuture<?>[] futures = attempts.stream().map((attempt) -> attempt.future)
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(futures).get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			// Each attempt reads its own outcome; the ones still open count as failed sends.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void afterRound(List<Attempt> attempts) {
		Map<String, List<Attempt>> failedByDestination = new LinkedHashMap<>();
		Set<String> succeeded = new HashSet<>();
		for (Attempt attempt : attempts) {
			if (attempt.failure == null && attempt.event != null && attempt.route != null) {
				this.sent.increment();
				succeeded.add(attempt.row.destination());
				continue;
			}
			if (attempt.failure == null) {
				continue;
			}
			if (attempt.event != null && attempt.route != null) {
				Throwable failure = attempt.failure;
				notifyObservers((observer) -> observer.failed(attempt.route, attempt.event, failure));
			}
			if (attempt.giveUp) {
				this.givenUp.increment();
				logger.error(attempt.failure, () -> "Gave up sending outbox entry " + attempt.row.id() + " (event "
						+ attempt.row.eventType() + " id=" + attempt.row.eventId() + " to " + attempt.row.destination()
						+ "): " + (attempt.permanent ? "" : "still failing after " + this.settings.giveUpAfter()
								+ ": ")
						+ describe(attempt.failure) + "; it stays in " + JdbcOutbox.TABLE
						+ " as FAILED until resubmitted (eventbus endpoint)");
			}
			else {
				this.retried.increment();
				failedByDestination.computeIfAbsent(attempt.row.destination(), (name) -> new ArrayList<>())
					.add(attempt);
			}
		}
		synchronized (this.backoffs) {
			for (String destination : succeeded) {
				if (!failedByDestination.containsKey(destination)) {
					this.backoffs.remove(destination);
				}
			}
			failedByDestination.forEach((destination, failed) -> {
				Backoff backoff = this.backoffs.computeIfAbsent(destination, (name) -> new Backoff());
				Duration wait = backoff.fail(this.settings, this.outbox.now());
				Attempt first = failed.get(0);
				logger.warn(() -> "Could not send " + failed.size() + " outbox entr" + ((failed.size() == 1) ? "y"
						: "ies") + " to " + destination + " (first: event " + first.row.eventType() + " id="
						+ first.row.eventId() + "): " + describe(first.failure) + "; retrying " + destination
						+ " in " + wait.toMillis() + " ms");
			});
		}
	}

	private Set<String> blockedDestinations() {
		long now = this.outbox.now();
		Set<String> blocked = new HashSet<>();
		synchronized (this.backoffs) {
			this.backoffs.forEach((destination, backoff) -> {
				if (backoff.retryAt > now) {
					blocked.add(destination);
				}
			});
		}
		return blocked;
	}

	private long nextRetryDelay() {
		long now = this.outbox.now();
		long poll = this.settings.pollInterval().toMillis();
		synchronized (this.backoffs) {
			for (Backoff backoff : this.backoffs.values()) {
				if (backoff.retryAt > now) {
					poll = Math.min(poll, backoff.retryAt - now);
				}
			}
		}
		return Math.max(1, poll);
	}

	private OpenEdxEvent<?> decode(StoredEvent row) {
		EventType<?> type = this.catalog.find(row.eventType())
			.orElseThrow(() -> new UnknownEventTypeException(row.eventType()));
		long fingerprint = this.codec.schemaFingerprint(type);
		if (fingerprint != row.schemaFingerprint()) {
			throw new EventDecodingException(row.eventType(), "the schema of the event type changed since outbox "
					+ "entry " + row.id() + " was stored (fingerprint "
					+ Long.toHexString(row.schemaFingerprint()) + ", now " + Long.toHexString(fingerprint)
					+ "): its bytes cannot be read with the current schema. Drain the outbox before deploying a "
					+ "schema change of an event type");
		}
		EventsMetadata metadata = new EventsMetadata(row.eventType(), UUID.fromString(row.eventId()),
				row.minorVersion(), row.source(), row.sourceHost(), EventsMetadata.parseTime(row.time()),
				EventsMetadata.parseSourceLib(row.sourceLib()));
		return event(type, row.data(), metadata);
	}

	private <D> OpenEdxEvent<D> event(EventType<D> type, byte[] data, EventsMetadata metadata) {
		return OpenEdxEvent.of(type, this.codec.decode(type, data), metadata);
	}

	private EventRoute route(EventType<?> type, StoredEvent row) {
		for (EventRoute route : this.routes.routesOf(type)) {
			if (route.destination().equals(row.destination())) {
				return route;
			}
		}
		return new EventRoute(type, row.destination(), row.destination(), row.eventKeyField(), true);
	}

	/**
	 * Whether no retry can fix a failure: the event itself is at fault, or the broker refuses it for good. Kafka's
	 * exceptions are recognised by name, since this transport-neutral package does not depend on the Kafka client.
	 */
	static boolean isPermanent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof EventEncodingException || cause instanceof EventDecodingException
					|| cause instanceof UnserializableEventException || cause instanceof UnknownEventTypeException
					|| cause instanceof InvalidMetadataException || cause instanceof InvalidKeyFieldException
					|| cause instanceof IllegalArgumentException) {
				return true;
			}
			if (extendsClass(cause, "org.apache.kafka.common.errors.RetriableException")) {
				return false;
			}
			if (extendsClass(cause, "org.apache.kafka.common.errors.ApiException")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean extendsClass(Throwable throwable, String className) {
		for (Class<?> type = throwable.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(className)) {
				return true;
			}
		}
		return false;
	}

	private void notifyObservers(Consumer<ProducerObserver> call) {
		for (ProducerObserver observer : this.observers) {
			try {
				call.accept(observer);
			}
			catch (RuntimeException ex) {
				logger.warn(ex, () -> "Producer observer " + observer + " failed");
			}
		}
	}

	/**
	 * The outbox's fill level as last read (every {@code statisticsInterval} while running).
	 * @return the statistics, never {@code null}
	 */
	public OutboxStatistics getStatistics() {
		return this.statistics;
	}

	/**
	 * Read the statistics now.
	 * @return the fresh statistics
	 */
	public OutboxStatistics refreshStatistics() {
		OutboxStatistics fresh = this.outbox.statistics();
		this.statistics = fresh;
		return fresh;
	}

	/**
	 * How many entries were sent (acknowledged by the broker) since startup.
	 * @return the count
	 */
	public long getSentCount() {
		return this.sent.sum();
	}

	/**
	 * How many sends failed and were scheduled for a retry since startup.
	 * @return the count
	 */
	public long getRetriedCount() {
		return this.retried.sum();
	}

	/**
	 * How many entries were given up (failed) since startup.
	 * @return the count
	 */
	public long getFailedCount() {
		return this.givenUp.sum();
	}

	/**
	 * The settings.
	 * @return the settings
	 */
	public OutboxRelaySettings getSettings() {
		return this.settings;
	}

	/**
	 * The outbox table the relay sends from.
	 * @return the outbox
	 */
	public JdbcOutbox getOutbox() {
		return this.outbox;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			Thread relay = new Thread(this::run, "eventbus-outbox-relay");
			relay.setDaemon(true);
			this.thread = relay;
			relay.start();
		}
	}

	@Override
	public void stop() {
		Thread relay;
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			relay = this.thread;
			this.thread = null;
		}
		wakeUp();
		if (relay != null) {
			try {
				// A round in progress finishes: what the broker acknowledged is marked before the producer closes.
				relay.join(this.settings.sendTimeout().toMillis() + 5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void run() {
		long failureWait = 0;
		while (this.running) {
			boolean more = false;
			try {
				more = relayOnce() >= this.settings.batchSize();
				failureWait = 0;
			}
			catch (PessimisticLockingFailureException ex) {
				// Another instance's relay held the rows longer than the database's lock timeout: its turn.
				logger.debug(() -> "Outbox rows locked by another relay: " + ex.getMessage());
			}
			catch (RuntimeException ex) {
				failureWait = Math.min(Math.max(failureWait * 2, this.settings.retryInitialInterval().toMillis()),
						this.settings.retryMaxInterval().toMillis());
				long wait = failureWait;
				logger.warn(ex, () -> "Outbox relay round failed (database unreachable?): " + ex.getMessage()
						+ "; trying again in " + wait + " ms");
			}
			housekeeping();
			if (!this.running) {
				break;
			}
			if (!more) {
				long wait = (failureWait > 0) ? failureWait : nextRetryDelay();
				try {
					this.wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS);
					this.wakeUps.drainPermits();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void housekeeping() {
		long now = this.outbox.now();
		try {
			if (now - this.lastStatistics >= this.settings.statisticsInterval().toMillis()) {
				this.lastStatistics = now;
				reportUnsent(refreshStatistics(), now);
			}
			if (!this.settings.retention().isZero() && now - this.lastCleanup >= CLEANUP_INTERVAL.toMillis()) {
				this.lastCleanup = now;
				int deleted = this.outbox.deleteSentBefore(now - this.settings.retention().toMillis());
				logger.debug(() -> "Deleted " + deleted + " sent outbox entries older than "
						+ this.settings.retention());
			}
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "Could not read or clean the outbox table " + JdbcOutbox.TABLE + ": "
					+ ex.getMessage());
		}
	}

	private void reportUnsent(OutboxStatistics current, long now) {
		Duration age = current.oldestPendingAge();
		if (age.compareTo(this.settings.unsentWarning()) <= 0
				|| now - this.lastUnsentError < this.settings.unsentWarning().toMillis()) {
			return;
		}
		this.lastUnsentError = now;
		List<OutboxEntry> oldest = this.outbox.entries(OutboxStatus.PENDING, 1);
		String detail = oldest.isEmpty() ? "" : " The oldest is entry " + oldest.get(0).id() + " (event "
				+ oldest.get(0).eventType() + " id=" + oldest.get(0).eventId() + " to " + oldest.get(0).destination()
				+ ", " + oldest.get(0).attempts() + " failed attempts, last error: " + oldest.get(0).lastError()
				+ ").";
		logger.error(() -> current.pending() + " event(s) in the outbox are unsent, the oldest for " + age
				+ " (more than " + this.settings.unsentWarning() + ")." + detail);
	}

	private static String describe(@Nullable Throwable failure) {
		if (failure == null) {
			return "(none)";
		}
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private final class Attempt {

		private final StoredEvent row;

		private @Nullable OpenEdxEvent<?> event;

		private @Nullable EventRoute route;

		private long started;

		private CompletableFuture<SendReceipt> future = new CompletableFuture<>();

		private @Nullable Throwable failure;

		private boolean permanent;

		private boolean giveUp;

		Attempt(StoredEvent row) {
			this.row = row;
		}

		void resolve(long now) {
			if (this.future.isDone() && !this.future.isCompletedExceptionally()) {
				return;
			}
			if (this.future.isDone()) {
				try {
					this.future.join();
				}
				catch (CompletionException | CancellationException ex) {
					this.failure = (ex.getCause() != null) ? ex.getCause() : ex;
				}
			}
			else {
				this.failure = new TimeoutException("no acknowledgement from the broker within "
						+ OutboxRelay.this.settings.sendTimeout());
			}
			this.permanent = isPermanent(this.failure);
			this.giveUp = this.permanent
					|| now - this.row.publishedAt() >= OutboxRelay.this.settings.giveUpAfter().toMillis();
		}

	}

	private static final class Backoff {

		private long retryAt;

		private long wait;

		Duration fail(OutboxRelaySettings settings, long now) {
			this.wait = (this.wait == 0) ? settings.retryInitialInterval().toMillis()
					: Math.min(this.wait * 2, settings.retryMaxInterval().toMillis());
			this.retryAt = now + this.wait;
			return Duration.ofMillis(this.wait);
		}

	}

}
