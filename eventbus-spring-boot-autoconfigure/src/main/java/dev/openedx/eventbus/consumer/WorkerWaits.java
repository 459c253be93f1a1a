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

import java.util.concurrent.TimeUnit;

import org.springframework.core.log.LogAccessor;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Every wait of a worker (after a failed poll, on a deferred message, between listener retries) and the one backoff
 * they follow, Spring's {@link ExponentialBackOff}. A wait ends early on a stop request, and calls
 * {@link MessageSource#keepAlive()} at least every {@value #KEEP_ALIVE_INTERVAL_MILLIS} ms so a Kafka member is not
 * evicted while it waits on one message. A keep-alive that fails is classified like a failed poll: logged, the wait
 * goes on; a fatal one ends the worker.
 */
final class WorkerWaits {

	/** Longest time between two keep-alive calls during a wait. */
	static final long KEEP_ALIVE_INTERVAL_MILLIS = 100;

	/** Longest wait between two tries of a transient failure. */
	static final long MAX_TRANSIENT_INTERVAL_MILLIS = 30_000;

	private static final LogAccessor logger = new LogAccessor(ConsumerWorker.class);

	private final ConsumerSettings settings;

	private final MessageSource<?> source;

	private final FailureClassifier classifier;

	private final WorkerState state;

	private final Runnable onInterrupt;

	private final Object monitor = new Object();

	/**
	 * @param onInterrupt what an interrupt of the worker thread during a wait does (ask the worker to stop)
	 */
	WorkerWaits(ConsumerSettings settings, MessageSource<?> source, FailureClassifier classifier, WorkerState state,
			Runnable onInterrupt) {
		this.settings = settings;
		this.source = source;
		this.classifier = classifier;
		this.state = state;
		this.onInterrupt = onInterrupt;
	}

	/**
	 * The backoff of transient failures (failed polls, deferred messages, transient listener failures): from
	 * {@code poll-failure-sleep}, doubling, at most {@value #MAX_TRANSIENT_INTERVAL_MILLIS} ms, never giving up by
	 * itself (a message's transient wait is bounded by {@code max-transient-wait}).
	 */
	BackOffExecution transientBackOff() {
		long initial = Math.max(1, this.settings.pollFailureSleep().toMillis());
		ExponentialBackOff backOff = new ExponentialBackOff(initial, 2.0);
		backOff.setMaxInterval(Math.max(initial, MAX_TRANSIENT_INTERVAL_MILLIS));
		return backOff.start();
	}

	/** The backoff of listener retries, from the worker's {@link RetryPolicy}. */
	BackOffExecution retryBackOff() {
		return this.settings.retry().start();
	}

	/**
	 * Wait, keeping the source alive.
	 * @param millis how long
	 * @return {@code false} when a stop request cut the wait short
	 * @throws WorkerFailureException when the source's keep-alive failed fatally
	 */
	boolean await(long millis) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		boolean keepAliveFailed = false;
		while (this.state.active()) {
			long remainingNanos = deadline - System.nanoTime();
			if (remainingNanos <= 0) {
				return true;
			}
			// Rounded up: a wait must not end before its time (a truncated 0.9 ms would end it at once).
			long remaining = TimeUnit.NANOSECONDS.toMillis(remainingNanos + 999_999);
			synchronized (this.monitor) {
				if (!this.state.active()) {
					break;
				}
				try {
					this.monitor.wait(Math.min(remaining, KEEP_ALIVE_INTERVAL_MILLIS));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.onInterrupt.run();
					return false;
				}
			}
			keepAliveFailed = keepAlive(keepAliveFailed);
		}
		return false;
	}

	/** Wake a wait up: a stop was asked for. */
	void wake() {
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

	/**
	 * Only logged, not reported as a failed poll: after a failed poll the keep-alive fails too, and the poll failure
	 * is what the meters count.
	 * @return whether a keep-alive of this wait failed, so that a broken source is logged once per wait
	 */
	private boolean keepAlive(boolean failedBefore) {
		try {
			this.source.keepAlive();
			return failedBefore;
		}
		catch (Exception ex) {
			FailureClass what = this.classifier.classify(ex, FailureClass.TRANSIENT);
			if (what == FailureClass.FATAL) {
				if (ex instanceof WorkerFailureException fatal) {
					throw fatal;
				}
				throw new WorkerFailureException("Worker " + this.settings.name() + " cannot keep its source "
						+ this.settings.destination() + " alive: " + ex.getMessage(), ex);
			}
			if (!failedBefore) {
				logger.warn(() -> "Worker " + this.settings.name() + " could not keep its source "
						+ this.settings.destination() + " alive while waiting (" + what + "), still waiting: " + ex);
			}
			else {
				logger.debug(() -> "Keep-alive of worker " + this.settings.name() + " failed again: " + ex);
			}
			return true;
		}
	}

}
