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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.openedx.eventbus.consumer.ConsumerWorkerTests.InMemorySource;
import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The split pieces of the worker on their own: {@link WorkerStatistics} (counters behind the status) and
 * {@link WorkerWaits} (the one backoff, keep-alive during waits, a stop ending a wait).
 */
class WorkerPartsTests {

	private static final ConsumerSettings SETTINGS = ConsumerSettings.defaults("memory", "notes", "group")
		.withPollFailureSleep(Duration.ofMillis(100))
		.withConsecutiveErrorsLimit(5);

	private final InMemorySource source = new InMemorySource();

	private final WorkerState state = new WorkerState(SETTINGS, new ConsumerObserver() {
	}, () -> null);

	private final AtomicInteger interrupts = new AtomicInteger();

	private final WorkerWaits waits = new WorkerWaits(SETTINGS, this.source, FailureClassifier.DEFAULT, this.state,
			this.interrupts::incrementAndGet);

	@Test
	void statisticsCountFailuresByKindAndAHandledEventEndsARunOfErrors() {
		WorkerStatistics statistics = new WorkerStatistics();
		statistics.started();
		assertThat(statistics.failed(FailureKind.UNDECODABLE_VALUE, "first")).isEqualTo(1);
		assertThat(statistics.failed(FailureKind.HANDLER_ERROR, "second")).isEqualTo(2);
		ConsumerStatus failing = statistics.status(SETTINGS, ConsumerState.RUNNING);
		assertThat(failing.consecutiveErrors()).isEqualTo(2);
		assertThat(failing.failures()).containsEntry(FailureKind.UNDECODABLE_VALUE, 1L)
			.containsEntry(FailureKind.HANDLER_ERROR, 1L)
			.containsEntry(FailureKind.DEPENDENCY_UNAVAILABLE, 0L);
		assertThat(failing.lastError()).isEqualTo("second");
		assertThat(failing.lastHandledAt()).isNull();
		statistics.handled();
		statistics.polled();
		ConsumerStatus status = statistics.status(SETTINGS, ConsumerState.RUNNING);
		assertThat(status.consecutiveErrors()).isZero();
		assertThat(status.handled()).isEqualTo(1);
		assertThat(status.failed()).isEqualTo(2);
		assertThat(status.consecutiveErrorsLimit()).isEqualTo(5);
		assertThat(status.lastHandledAt()).isNotNull();
		assertThat(status.lastPolledAt()).isNotNull();
		assertThat(status.startedAt()).isNotNull();
	}

	@Test
	void theTransientBackOffStartsAtThePollFailureSleepAndDoublesUpTo30Seconds() {
		BackOffExecution backOff = this.waits.transientBackOff();
		List<Long> intervals = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			intervals.add(backOff.nextBackOff());
		}
		assertThat(intervals).startsWith(100L, 200L, 400L, 800L).endsWith(30_000L, 30_000L);
	}

	@Test
	void theRetryBackOffFollowsTheRetryPolicy() {
		WorkerWaits retrying = new WorkerWaits(
				SETTINGS.withRetry(new RetryPolicy(3, Duration.ofMillis(10), 3.0, Duration.ofMillis(20))), this.source,
				FailureClassifier.DEFAULT, this.state, () -> {
				});
		BackOffExecution backOff = retrying.retryBackOff();
		assertThat(List.of(backOff.nextBackOff(), backOff.nextBackOff(), backOff.nextBackOff()))
			.containsExactly(10L, 20L, BackOffExecution.STOP);
	}

	@Test
	void aWaitKeepsTheSourceAliveAndEndsOnTime() {
		long started = System.nanoTime();
		assertThat(this.waits.await(350)).isTrue();
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(350);
		assertThat(this.source.keepAlives).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void aStopRequestEndsAWaitAtOnce() throws Exception {
		this.state.claim(Thread.currentThread());
		this.state.running();
		CountDownLatch waiting = new CountDownLatch(1);
		Thread stopper = new Thread(() -> {
			try {
				waiting.await();
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.state.requestStop();
			this.waits.wake();
		});
		stopper.start();
		long started = System.nanoTime();
		waiting.countDown();
		assertThat(this.waits.await(30_000)).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		stopper.join();
	}

	@Test
	void aTransientKeepAliveFailureDoesNotEndTheWaitAndAFatalOneEndsTheWorker() {
		this.source.keepAliveFailure = new IOException("connection reset");
		assertThat(this.waits.await(250)).isTrue();
		this.source.keepAliveFailure = new WorkerFailureException("credentials refused: check the password", null);
		assertThatExceptionOfType(WorkerFailureException.class).isThrownBy(() -> this.waits.await(250))
			.withMessageContaining("check the password");
	}

	@Test
	void anInterruptDuringAWaitAsksTheWorkerToStop() {
		Thread.currentThread().interrupt();
		try {
			assertThat(this.waits.await(10_000)).isFalse();
			assertThat(this.interrupts.get()).isEqualTo(1);
		}
		finally {
			assertThat(Thread.interrupted()).isTrue();
		}
	}

}
