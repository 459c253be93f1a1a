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

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The state machine of one worker: {@code NEW → RUNNING → STOPPING → STOPPED}, {@code RUNNING | STOPPING → FAILED},
 * and {@code NEW → STOPPED} for a worker stopped before it ran. Every change happens under one lock, so a stop
 * request racing the worker's own end can never leave it in {@code STOPPING}: {@code STOPPED} and {@code FAILED} are
 * final, and the only way into {@code STOPPING} is from {@code RUNNING}. What the actuator endpoint relies on to start
 * an ended worker again.
 */
final class WorkerState {

	private final ConsumerSettings settings;

	private final ConsumerObserver observer;

	private final Supplier<@Nullable String> failureReason;

	private final CompletableFuture<ConsumerState> termination = new CompletableFuture<>();

	private volatile ConsumerState state = ConsumerState.NEW;

	private volatile boolean stopRequested;

	private @Nullable Thread thread;

	/**
	 * @param observer told of every change, under the lock (so in order)
	 * @param failureReason the reason given with {@link ConsumerState#FAILED}
	 */
	WorkerState(ConsumerSettings settings, ConsumerObserver observer, Supplier<@Nullable String> failureReason) {
		this.settings = settings;
		this.observer = observer;
		this.failureReason = failureReason;
	}

	/** Take the worker for a thread; once only. */
	synchronized void claim(Thread thread) {
		if (this.state != ConsumerState.NEW || this.thread != null) {
			throw new IllegalStateException("Worker " + this.settings.name() + " was already started (" + this.state
					+ ")");
		}
		this.thread = thread;
	}

	synchronized @Nullable Thread thread() {
		return this.thread;
	}

	/** The loop begins, on the worker thread: a stop asked for meanwhile shows as {@code STOPPING} at once. */
	synchronized void running() {
		change(ConsumerState.NEW, ConsumerState.RUNNING);
		if (this.stopRequested) {
			change(ConsumerState.RUNNING, ConsumerState.STOPPING);
		}
	}

	/**
	 * Ask the worker to stop.
	 * @return {@code true} when the loop must be woken up, {@code false} when there is nothing to stop (never
	 * started, already asked, already ended)
	 */
	boolean requestStop() {
		synchronized (this) {
			if (this.state == ConsumerState.NEW && this.thread == null) {
				// Never started: there is no loop to end, so end here.
				this.stopRequested = true;
				change(ConsumerState.NEW, ConsumerState.STOPPED);
			}
			else {
				if (this.stopRequested || isFinal(this.state)) {
					return false;
				}
				this.stopRequested = true;
				change(ConsumerState.RUNNING, ConsumerState.STOPPING);
				return true;
			}
		}
		this.termination.complete(ConsumerState.STOPPED);
		return false;
	}

	/** Whether the loop goes on: no stop was asked for. */
	boolean active() {
		return !this.stopRequested;
	}

	/**
	 * The loop ended, on the worker thread.
	 * @param end {@link ConsumerState#STOPPED} or {@link ConsumerState#FAILED}
	 */
	void end(ConsumerState end) {
		ConsumerState reached;
		synchronized (this) {
			this.stopRequested = true;
			if (!isFinal(this.state)) {
				change(this.state, end);
			}
			reached = this.state;
		}
		this.termination.complete(reached);
	}

	ConsumerState state() {
		return this.state;
	}

	CompletableFuture<ConsumerState> termination() {
		return this.termination;
	}

	/** Change from {@code from} only: a request that finds another state changes nothing. Called under the lock. */
	private void change(ConsumerState from, ConsumerState next) {
		if (this.state != from || from == next) {
			return;
		}
		this.state = next;
		this.observer.stateChanged(this.settings, from, next,
				(next == ConsumerState.FAILED) ? this.failureReason.get() : null);
	}

	private static boolean isFinal(ConsumerState state) {
		return state == ConsumerState.STOPPED || state == ConsumerState.FAILED;
	}

}
