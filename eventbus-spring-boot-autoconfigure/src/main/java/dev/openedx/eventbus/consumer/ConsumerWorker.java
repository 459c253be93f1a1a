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

package dev.openedx.eventbus.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The consume loop both transports run: poll, decode, dispatch (with bounded retry of listener failures), hand
 * failures to the failure policy, acknowledge, and stop after the consecutive-errors limit.
 * <p>
 * The contract that loses nothing: a message is acknowledged only after the listeners returned or the failure
 * policy recorded its failure; a message whose failure could not be recorded stops the worker unacknowledged; a
 * stop request never acknowledges a message that was not handled. A bad message never blocks the ones after it.
 * Transport errors (lost connection, broker down) are retried with backoff and are not counted as message
 * failures.
 *
 * @param <M> the transport's message type
 * @since 0.1.0
 */
public final class ConsumerWorker<M extends InboundMessage> implements EventBusConsumer {

	private static final LogAccessor logger = new LogAccessor(ConsumerWorker.class);

	private static final long MAX_POLL_FAILURE_SLEEP_MILLIS = 30_000;

	private final ConsumerSettings settings;

	private final MessageSource<M> source;

	private final MessageDecoder<M> decoder;

	private final EventDispatcher dispatcher;

	private final FailureRecoverer<M> recoverer;

	private final ConsumerObserver observer;

	private final CompletableFuture<ConsumerState> termination = new CompletableFuture<>();

	private final Object sleepMonitor = new Object();

	private final LongAdder handled = new LongAdder();

	private final Map<FailureKind, LongAdder> failures = new EnumMap<>(FailureKind.class);

	private final AtomicInteger consecutiveErrors = new AtomicInteger();

	private volatile ConsumerState state = ConsumerState.NEW;

	private volatile boolean running;

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastHandledAt;

	private volatile @Nullable Instant lastPolledAt;

	private volatile @Nullable Instant startedAt;

	private volatile @Nullable Thread thread;

	private volatile ThreadFactory threadFactory = Thread::new;

	public ConsumerWorker(ConsumerSettings settings, MessageSource<M> source, MessageDecoder<M> decoder,
			EventDispatcher dispatcher, FailureRecoverer<M> recoverer, ConsumerObserver observer) {
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.source = Objects.requireNonNull(source, "source must not be null");
		this.decoder = Objects.requireNonNull(decoder, "decoder must not be null");
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		this.recoverer = Objects.requireNonNull(recoverer, "recoverer must not be null");
		this.observer = Objects.requireNonNull(observer, "observer must not be null");
		for (FailureKind kind : FailureKind.values()) {
			this.failures.put(kind, new LongAdder());
		}
	}

	@Override
	public String name() {
		return this.settings.name();
	}

	public ConsumerSettings settings() {
		return this.settings;
	}

	/**
	 * Make the thread {@link #start()} runs the loop on with this factory (a virtual-thread factory when
	 * {@code spring.threads.virtual.enabled=true}); a plain platform thread otherwise. The thread is named
	 * {@code eventbus-<worker name>}.
	 * @param threadFactory the factory, must not be {@code null}
	 */
	public void threadFactory(ThreadFactory threadFactory) {
		this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory must not be null");
	}

	@Override
	public synchronized void start() {
		// The thread sets RUNNING only once it runs: a second start() before that must still be refused.
		if (this.state != ConsumerState.NEW || this.thread != null) {
			throw new IllegalStateException("Worker " + name() + " was already started (" + this.state + ")");
		}
		this.running = true;
		Thread worker = this.threadFactory.newThread(this::runLoop);
		worker.setName("eventbus-" + name());
		this.thread = worker;
		worker.start();
	}

	/**
	 * Run the loop on the calling thread until stopped or failed (what the {@code consume-events} command does).
	 * @return the final state
	 */
	public ConsumerState run() {
		synchronized (this) {
			if (this.state != ConsumerState.NEW || this.thread != null) {
				throw new IllegalStateException("Worker " + name() + " was already started (" + this.state + ")");
			}
			this.running = true;
			this.thread = Thread.currentThread();
		}
		runLoop();
		return this.termination.join();
	}

	@Override
	public void stop(Duration timeout) {
		requestStop();
		Thread worker = this.thread;
		if (worker != null && worker != Thread.currentThread()) {
			try {
				worker.join(Math.max(1, timeout.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (worker.isAlive()) {
				logger.warn(() -> "Worker " + name() + " did not stop within " + timeout);
			}
		}
	}

	/**
	 * Ask the worker to stop without waiting for it.
	 */
	public void requestStop() {
		synchronized (this) {
			if (this.state == ConsumerState.NEW && this.thread == null) {
				// Never started: there is no loop to end, so end here.
				this.state = ConsumerState.STOPPED;
				this.termination.complete(ConsumerState.STOPPED);
				return;
			}
		}
		if (!this.running) {
			return;
		}
		this.running = false;
		if (this.state == ConsumerState.RUNNING) {
			changeState(ConsumerState.STOPPING);
		}
		this.source.wakeup();
		synchronized (this.sleepMonitor) {
			this.sleepMonitor.notifyAll();
		}
	}

	@Override
	public CompletableFuture<ConsumerState> termination() {
		return this.termination;
	}

	@Override
	public ConsumerStatus status() {
		Map<FailureKind, Long> counts = new EnumMap<>(FailureKind.class);
		this.failures.forEach((kind, adder) -> counts.put(kind, adder.sum()));
		return new ConsumerStatus(name(), this.settings.transport(), this.settings.destination(),
				this.settings.group(), this.state, this.handled.sum(), counts, this.consecutiveErrors.get(),
				this.settings.consecutiveErrorsLimit(), this.lastError, this.lastHandledAt, this.lastPolledAt,
				this.startedAt);
	}

	private void runLoop() {
		ConsumerState end = ConsumerState.STOPPED;
		this.startedAt = Instant.now();
		changeState(ConsumerState.RUNNING);
		if (!this.running) {
			changeState(ConsumerState.STOPPING);
		}
		try {
			this.source.open();
			end = loop();
		}
		catch (Throwable ex) {
			this.lastError = describe(ex);
			logger.error(ex, () -> "Worker " + name() + " stopped: " + ex);
			end = ConsumerState.FAILED;
		}
		finally {
			try {
				this.source.close();
			}
			catch (Throwable ex) {
				logger.warn(ex, () -> "Worker " + name() + " could not close its source cleanly");
			}
			this.running = false;
			changeState(end);
			this.termination.complete(end);
		}
	}

	private ConsumerState loop() {
		long pollFailureSleep = 0;
		while (this.running) {
			List<M> batch;
			try {
				batch = this.source.poll(this.settings.pollTimeout());
				this.lastPolledAt = Instant.now();
				pollFailureSleep = 0;
			}
			catch (Exception ex) {
				if (!this.running) {
					break;
				}
				if (ex instanceof WorkerFailureException) {
					this.lastError = describe(ex);
					logger.error(ex, () -> "Worker " + name() + " stopped: " + ex.getMessage());
					return ConsumerState.FAILED;
				}
				pollFailureSleep = (pollFailureSleep == 0) ? this.settings.pollFailureSleep().toMillis()
						: Math.min(pollFailureSleep * 2, MAX_POLL_FAILURE_SLEEP_MILLIS);
				long wait = pollFailureSleep;
				logger.warn(() -> "Worker " + name() + " could not poll " + this.settings.destination() + ": " + ex
						+ "; retrying in " + wait + " ms");
				observe(() -> this.observer.pollFailed(this.settings, ex));
				sleep(wait);
				continue;
			}
			for (M message : batch) {
				if (!this.running) {
					break;
				}
				Outcome outcome = process(message);
				if (outcome == Outcome.INTERRUPTED) {
					break;
				}
				if (outcome == Outcome.UNRECORDED) {
					flushQuietly();
					return ConsumerState.FAILED;
				}
				try {
					this.source.acknowledge(message);
				}
				catch (Exception ex) {
					// Not acknowledged means delivered again later: at-least-once, nothing lost.
					logger.warn(ex, () -> "Worker " + name() + " could not acknowledge " + message.coordinates());
				}
				if (limitReached()) {
					flushQuietly();
					int limit = this.settings.consecutiveErrorsLimit();
					this.lastError = "Too many consecutive errors (" + limit + " in a row); last: " + this.lastError;
					logger.error(() -> "Worker " + name() + " stopped: too many consecutive errors (" + limit
							+ " in a row)");
					return ConsumerState.FAILED;
				}
			}
			flushQuietly();
		}
		return ConsumerState.STOPPED;
	}

	private Outcome process(M message) {
		OpenEdxEvent<?> event;
		try {
			event = decodeWhenPossible(message);
			if (event == null) {
				return Outcome.INTERRUPTED;
			}
		}
		catch (ConsumeFailureException ex) {
			return recordFailure(message, ex);
		}
		catch (RuntimeException ex) {
			return recordFailure(message,
					new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "Cannot decode message: " + ex, ex));
		}
		observe(() -> this.observer.received(this.settings, message, event));
		BackOffExecution backOff = null;
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				this.observer.dispatch(this.settings, message, event, this.dispatcher);
			}
			catch (Exception ex) {
				if (!this.running) {
					// A stop was asked for while the listeners ran: leave the message for the next delivery rather
					// than record a failure that may only be the stop's doing.
					logger.info(() -> "Worker " + name() + " is stopping; " + message.coordinates()
							+ " failed meanwhile and is left unacknowledged to be delivered again: " + ex);
					return Outcome.INTERRUPTED;
				}
				if (backOff == null) {
					backOff = this.settings.retry().start();
				}
				long wait = backOff.nextBackOff();
				if (wait == BackOffExecution.STOP) {
					String attempts = (attempt > 1) ? " after " + attempt + " attempts" : "";
					return recordFailure(message, new ConsumeFailureException(FailureKind.HANDLER_ERROR,
							"Listener failed" + attempts + ": " + ex, ex));
				}
				int failedAttempt = attempt;
				logger.warn(() -> "Worker " + name() + ": listener failed on " + message.coordinates() + " (attempt "
						+ failedAttempt + "), retrying in " + wait + " ms: " + ex);
				observe(() -> this.observer.retrying(this.settings, message, ex, failedAttempt));
				if (!sleep(wait)) {
					return Outcome.INTERRUPTED;
				}
				continue;
			}
			// Outside the try: nothing after a successful dispatch may count as a listener failure and re-run it.
			this.handled.increment();
			this.consecutiveErrors.set(0);
			this.lastHandledAt = Instant.now();
			long nanos = System.nanoTime() - started;
			observe(() -> this.observer.handled(this.settings, message, event, nanos));
			return Outcome.HANDLED;
		}
	}

	/**
	 * Decode, waiting out deferrals (the message is fine but something it needs is unavailable) with the poll-failure
	 * backoff; they are neither counted nor acknowledged.
	 * @return the event, or {@code null} when a stop request ended the wait
	 */
	private @Nullable OpenEdxEvent<?> decodeWhenPossible(M message) {
		long wait = 0;
		while (true) {
			try {
				return this.decoder.decode(message);
			}
			catch (MessageDeferredException ex) {
				wait = (wait == 0) ? this.settings.pollFailureSleep().toMillis()
						: Math.min(wait * 2, MAX_POLL_FAILURE_SLEEP_MILLIS);
				long delay = wait;
				this.lastError = "deferred at " + message.coordinates() + ": " + ex.getMessage();
				logger.warn(() -> "Worker " + name() + " cannot handle " + message.coordinates() + " yet, retrying in "
						+ delay + " ms: " + ex.getMessage());
				observe(() -> this.observer.pollFailed(this.settings, ex));
				if (!sleep(delay)) {
					return null;
				}
			}
		}
	}

	private Outcome recordFailure(M message, ConsumeFailureException failure) {
		this.failures.get(failure.kind()).increment();
		int consecutive = this.consecutiveErrors.incrementAndGet();
		this.lastError = failure.kind().tag() + " at " + message.coordinates() + ": " + failure.getMessage();
		logger.error(failure.kind() == FailureKind.HANDLER_ERROR ? failure.getCause() : null,
				() -> "Worker " + name() + " could not handle " + message.coordinates() + " key=" + message.key()
						+ " id=" + message.eventId() + " type=" + message.eventType() + " failure="
						+ failure.kind().tag() + " (" + consecutive + " in a row): " + failure.getMessage());
		observe(() -> this.observer.failed(this.settings, message, failure));
		try {
			this.recoverer.recover(message, failure);
			return Outcome.RECORDED;
		}
		catch (Exception ex) {
			this.lastError = "Could not record failure of " + message.coordinates() + ": " + ex;
			logger.error(ex, () -> "Worker " + name() + " stops without acknowledging " + message.coordinates()
					+ ": the failure policy could not record its failure, so it will be delivered again");
			return Outcome.UNRECORDED;
		}
	}

	/** Observers feed metrics and logs; their failure must not change what happens to a message. */
	private void observe(Runnable notification) {
		try {
			notification.run();
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "Observer of worker " + name() + " failed: " + ex);
		}
	}

	private boolean limitReached() {
		int limit = this.settings.consecutiveErrorsLimit();
		return limit > 0 && this.consecutiveErrors.get() >= limit;
	}

	private void flushQuietly() {
		try {
			this.source.flush();
		}
		catch (Exception ex) {
			logger.warn(ex, () -> "Worker " + name() + " could not flush acknowledgements; they will be retried");
		}
	}

	/** @return {@code false} when a stop request cut the wait short */
	private boolean sleep(long millis) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		synchronized (this.sleepMonitor) {
			while (this.running) {
				long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (remaining <= 0) {
					return true;
				}
				try {
					this.sleepMonitor.wait(remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					requestStop();
				}
			}
		}
		return false;
	}

	private void changeState(ConsumerState next) {
		ConsumerState previous = this.state;
		if (previous == next) {
			return;
		}
		this.state = next;
		try {
			this.observer.stateChanged(this.settings, previous, next,
					(next == ConsumerState.FAILED) ? this.lastError : null);
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "Observer failed on state change of " + name());
		}
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private enum Outcome {

		HANDLED, RECORDED, UNRECORDED, INTERRUPTED

	}

}
