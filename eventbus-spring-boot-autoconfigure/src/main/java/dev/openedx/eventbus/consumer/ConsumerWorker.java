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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;

import dev.openedx.eventbus.event.EventDispatcher;

import org.springframework.core.log.LogAccessor;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The consume loop both transports run: poll, hand each message to its handling (select by type, decode, dispatch
 * with bounded retry, record a failure with the failure policy), acknowledge, and stop after the consecutive-errors
 * limit. This class is the worker's life cycle (its thread, start and stop, its state) and the poll loop; the
 * handling of one message, the statistics, the waits and the state machine are package-private parts of it.
 * <p>
 * The contract that loses nothing: a message is acknowledged only after the listeners returned, the failure policy
 * recorded its failure, or it was skipped as a type the worker does not select; a message whose failure could not be
 * recorded stops the worker unacknowledged; a stop request never acknowledges a message that was not handled. A bad
 * message never blocks the ones after it.
 * <p>
 * Every failure goes through the {@link FailureClassifier} given (the transport's rules on top of the engine's):
 * transient ones (broker down, registry unreachable) are waited out with backoff, calling
 * {@link MessageSource#keepAlive()} at least every 100 ms, and are not counted as message failures, but a message is
 * kept at most {@link ConsumerSettings#maxTransientWait()} before it fails for good as
 * {@link FailureKind#DEPENDENCY_UNAVAILABLE}; permanent ones go to the failure policy; fatal ones (credentials refused)
 * end the worker {@link ConsumerState#FAILED failed} with the reason; a {@link VirtualMachineError} other than a
 * {@link StackOverflowError} ends the process. The dispatcher may be a {@link WorkerDispatcher}: its event-type
 * selection then applies before decoding and its {@link DispatchInterceptor interceptors} wrap each attempt.
 *
 * @param <M> the transport's message type
 * @since 0.1.0
 */
public final class ConsumerWorker<M extends InboundMessage> implements EventBusConsumer {

	private static final LogAccessor logger = new LogAccessor(ConsumerWorker.class);

	private final ConsumerSettings settings;

	private final MessageSource<M> source;

	private final FailureClassifier classifier;

	private final ConsumerObserver observer;

	private final WorkerStatistics statistics = new WorkerStatistics();

	private final WorkerState state;

	private final WorkerWaits waits;

	private final ProcessHalt halt = new ProcessHalt();

	private final MessageHandler<M> handler;

	private volatile ThreadFactory threadFactory = Thread::new;

	/**
	 * Create a worker with the engine's own failure classification ({@link FailureClassifier#DEFAULT}).
	 * @param settings the worker settings
	 * @param source the transport's source
	 * @param decoder turns messages into events
	 * @param dispatcher receives every event; a {@link WorkerDispatcher} also selects and intercepts
	 * @param recoverer the failure policy
	 * @param observer metrics, audit and health hooks
	 */
	public ConsumerWorker(ConsumerSettings settings, MessageSource<M> source, MessageDecoder<M> decoder,
			EventDispatcher dispatcher, FailureRecoverer<M> recoverer, ConsumerObserver observer) {
		this(settings, source, decoder, dispatcher, recoverer, observer, FailureClassifier.DEFAULT);
	}

	/**
	 * Create a worker.
	 * @param settings the worker settings
	 * @param source the transport's source
	 * @param decoder turns messages into events
	 * @param dispatcher receives every event; a {@link WorkerDispatcher} also selects and intercepts
	 * @param recoverer the failure policy
	 * @param observer metrics, audit and health hooks
	 * @param classifier decides what each failure means: {@link FailureClassifier#DEFAULT} with the transport's rules
	 * @since 0.2.0
	 */
	public ConsumerWorker(ConsumerSettings settings, MessageSource<M> source, MessageDecoder<M> decoder,
			EventDispatcher dispatcher, FailureRecoverer<M> recoverer, ConsumerObserver observer,
			FailureClassifier classifier) {
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.source = Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(decoder, "decoder must not be null");
		Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		Objects.requireNonNull(recoverer, "recoverer must not be null");
		this.observer = new SafeObserver(Objects.requireNonNull(observer, "observer must not be null"));
		this.classifier = Objects.requireNonNull(classifier, "classifier must not be null");
		this.state = new WorkerState(settings, this.observer, this.statistics::lastError);
		this.waits = new WorkerWaits(settings, source, classifier, this.state, this::requestStop);
		this.handler = new MessageHandler<>(settings, decoder, WorkerDispatcher.of(dispatcher), recoverer,
				this.observer, classifier, this.statistics, this.waits, this.state, this.halt);
	}

	@Override
	public String name() {
		return this.settings.name();
	}

	public ConsumerSettings settings() {
		return this.settings;
	}

	/**
	 * The classification this worker applies to its failures.
	 * @return the classifier, never {@code null}
	 * @since 0.2.0
	 */
	public FailureClassifier classifier() {
		return this.classifier;
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

	/** Replace what ends the process on a {@link VirtualMachineError} (a test's hook instead of a halt). */
	void processHalt(IntConsumer halt) {
		this.halt.replace(Objects.requireNonNull(halt, "halt must not be null"));
	}

	@Override
	public void start() {
		synchronized (this.state) {
			// The thread sets RUNNING only once it runs: a second start() before that must still be refused.
			Thread worker = this.threadFactory.newThread(this::runLoop);
			worker.setName("eventbus-" + name());
			this.state.claim(worker);
			worker.start();
		}
	}

	/**
	 * Run the loop on the calling thread until stopped or failed (what the {@code consume-events} command does).
	 * @return the final state
	 */
	public ConsumerState run() {
		this.state.claim(Thread.currentThread());
		runLoop();
		return this.state.termination().join();
	}

	@Override
	public void stop(Duration timeout) {
		requestStop();
		Thread worker = this.state.thread();
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
		if (this.state.requestStop()) {
			this.source.wakeup();
			this.waits.wake();
		}
	}

	@Override
	public CompletableFuture<ConsumerState> termination() {
		return this.state.termination();
	}

	@Override
	public ConsumerStatus status() {
		return this.statistics.status(this.settings, this.state.state());
	}

	private void runLoop() {
		ConsumerState end = ConsumerState.STOPPED;
		this.statistics.started();
		this.state.running();
		try {
			this.source.open();
			end = loop();
		}
		catch (Throwable ex) {
			if (FailureClassifier.endsProcess(ex)) {
				this.statistics.error("Ended the process on " + ex);
				this.halt.halt(name(), "consuming " + this.settings.destination(), ex);
			}
			else {
				this.statistics.error(describe(ex));
				logger.error(ex, () -> "Worker " + name() + " stopped: " + ex);
			}
			end = ConsumerState.FAILED;
		}
		finally {
			try {
				this.source.close();
			}
			catch (Throwable ex) {
				logger.warn(ex, () -> "Worker " + name() + " could not close its source cleanly");
			}
			this.state.end(end);
		}
	}

	private ConsumerState loop() {
		BackOffExecution pollBackOff = null;
		while (this.state.active()) {
			List<M> batch;
			try {
				batch = this.source.poll(this.settings.pollTimeout());
				this.statistics.polled();
				pollBackOff = null;
			}
			catch (Exception ex) {
				if (!this.state.active()) {
					break;
				}
				FailureClass what = this.classifier.classify(ex, FailureClass.TRANSIENT);
				if (what != FailureClass.TRANSIENT) {
					// Fatal (credentials, permissions), or permanent: there is no message to dead-letter, and polling
					// again cannot get past it, so fail loudly rather than stall in silence.
					this.statistics.error("Cannot poll " + this.settings.destination() + " (" + what + "): "
							+ MessageHandler.reason(ex));
					logger.error(ex, () -> "Worker " + name() + " stopped: cannot poll " + this.settings.destination()
							+ " (" + what + "): " + MessageHandler.reason(ex));
					return ConsumerState.FAILED;
				}
				if (pollBackOff == null) {
					pollBackOff = this.waits.transientBackOff();
				}
				long wait = pollBackOff.nextBackOff();
				logger.warn(() -> "Worker " + name() + " could not poll " + this.settings.destination() + ": " + ex
						+ "; retrying in " + wait + " ms");
				this.observer.pollFailed(this.settings, ex);
				this.waits.await(wait);
				continue;
			}
			for (M message : batch) {
				if (!this.state.active()) {
					break;
				}
				MessageHandler.Outcome outcome = this.handler.handle(message);
				if (outcome == MessageHandler.Outcome.INTERRUPTED) {
					break;
				}
				if (outcome == MessageHandler.Outcome.WORKER_FAILED) {
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
					this.statistics.error("Too many consecutive errors (" + limit + " in a row); last: "
							+ this.statistics.lastError());
					logger.error(() -> "Worker " + name() + " stopped: too many consecutive errors (" + limit
							+ " in a row)");
					return ConsumerState.FAILED;
				}
			}
			flushQuietly();
		}
		return ConsumerState.STOPPED;
	}

	private boolean limitReached() {
		int limit = this.settings.consecutiveErrorsLimit();
		return limit > 0 && this.statistics.consecutiveErrors() >= limit;
	}

	private void flushQuietly() {
		try {
			this.source.flush();
		}
		catch (Exception ex) {
			logger.warn(ex, () -> "Worker " + name() + " could not flush acknowledgements; they will be retried");
		}
	}

	private static String describe(Throwable ex) {
		return (ex instanceof WorkerFailureException) ? String.valueOf(ex.getMessage())
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

}
