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

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * The counters and times of one worker behind its {@link ConsumerStatus}: written on the worker thread, read from any
 * thread (health, metrics, the actuator endpoint).
 */
final class WorkerStatistics {

	private final LongAdder handled = new LongAdder();

	private final Map<FailureKind, LongAdder> failures = new EnumMap<>(FailureKind.class);

	private final AtomicInteger consecutiveErrors = new AtomicInteger();

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastHandledAt;

	private volatile @Nullable Instant lastPolledAt;

	private volatile @Nullable Instant startedAt;

	WorkerStatistics() {
		for (FailureKind kind : FailureKind.values()) {
			this.failures.put(kind, new LongAdder());
		}
	}

	void started() {
		this.startedAt = Instant.now();
	}

	void polled() {
		this.lastPolledAt = Instant.now();
	}

	/** The listeners handled an event: a success ends a run of errors. */
	void handled() {
		this.handled.increment();
		this.consecutiveErrors.set(0);
		this.lastHandledAt = Instant.now();
	}

	/**
	 * A message failed for good.
	 * @return the failures in a row, this one included
	 */
	int failed(FailureKind kind, String description) {
		this.failures.get(kind).increment();
		this.lastError = description;
		return this.consecutiveErrors.incrementAndGet();
	}

	int consecutiveErrors() {
		return this.consecutiveErrors.get();
	}

	/** Something went wrong that is not a message failure (a deferral, a failed poll, the reason the worker ends). */
	void error(String description) {
		this.lastError = description;
	}

	@Nullable String lastError() {
		return this.lastError;
	}

	ConsumerStatus status(ConsumerSettings settings, ConsumerState state) {
		Map<FailureKind, Long> counts = new EnumMap<>(FailureKind.class);
		this.failures.forEach((kind, adder) -> counts.put(kind, adder.sum()));
		return new ConsumerStatus(settings.name(), settings.transport(), settings.destination(), settings.group(),
				state, this.handled.sum(), counts, this.consecutiveErrors.get(), settings.consecutiveErrorsLimit(),
				this.lastError, this.lastHandledAt, this.lastPolledAt, this.startedAt);
	}

}
