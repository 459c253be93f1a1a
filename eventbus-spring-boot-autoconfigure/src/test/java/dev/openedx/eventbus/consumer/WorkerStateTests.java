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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerWorkerTests.InMemorySource;
import dev.openedx.eventbus.consumer.ConsumerWorkerTests.Msg;
import dev.openedx.eventbus.consumer.ConsumerWorkerTests.RecordingObserver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The worker's state machine, and a stop request racing the worker's own end: whatever the interleaving, the worker
 * ends in a final state ({@code FAILED} or {@code STOPPED}, never {@code STOPPING}), so the actuator endpoint can
 * start it again.
 */
class WorkerStateTests {

	private static final ConsumerSettings SETTINGS = ConsumerSettings.defaults("memory", "notes", "group")
		.withPollTimeout(Duration.ofMillis(20))
		.withPollFailureSleep(Duration.ofMillis(1));

	private final RecordingObserver observer = new RecordingObserver();

	@Test
	void aStopRacingTheWorkersOwnFailureAlwaysLeavesAFinalState() throws Exception {
		for (int round = 0; round < 200; round++) {
			CyclicBarrier together = new CyclicBarrier(2);
			MessageSource<Msg> failing = new MessageSource<>() {

				@Override
				public List<Msg> poll(Duration timeout) throws Exception {
					together.await(10, TimeUnit.SECONDS);
					throw new WorkerFailureException("credentials refused: check the test's settings", null);
				}

				@Override
				public void acknowledge(Msg message) {
				}

				@Override
				public void close() {
				}

			};
			ConsumerWorker<Msg> worker = new ConsumerWorker<>(SETTINGS, failing, (message) -> {
				throw new AssertionError("nothing to decode");
			}, (event) -> {
			}, FailureRecoverer.logAndSkip(), this.observer);
			worker.start();
			together.await(10, TimeUnit.SECONDS);
			worker.stop(Duration.ofSeconds(10));
			ConsumerState end = worker.termination().get(10, TimeUnit.SECONDS);
			assertThat(end).as("round %d", round).isIn(ConsumerState.FAILED, ConsumerState.STOPPED);
			assertThat(worker.status().state()).as("round %d", round).isEqualTo(end);
		}
		assertThat(this.observer.states).doesNotContain("FAILED->STOPPING", "STOPPED->STOPPING", "FAILED->STOPPED",
				"STOPPED->FAILED");
	}

	@Test
	void aStopAskedWhileTheWorkerEndsOnItsOwnLeavesItFailed() throws Exception {
		InMemorySource source = new InMemorySource();
		source.failPolls(1, new WorkerFailureException("credentials refused", null));
		ConsumerWorker<Msg> worker = worker(source);
		// The worker has failed and is closing its source when the stop request comes.
		source.onClose = worker::requestStop;
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(worker.status().state()).isEqualTo(ConsumerState.FAILED);
		assertThat(this.observer.states).containsExactly("NEW->RUNNING", "RUNNING->STOPPING", "STOPPING->FAILED");
	}

	@Test
	void aStopAfterTheWorkersEndChangesNothing() throws Exception {
		InMemorySource source = new InMemorySource();
		source.failPolls(1, new WorkerFailureException("credentials refused", null));
		ConsumerWorker<Msg> worker = worker(source);
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		worker.stop(Duration.ofSeconds(1));
		assertThat(worker.status().state()).isEqualTo(ConsumerState.FAILED);
		assertThat(this.observer.states).containsExactly("NEW->RUNNING", "RUNNING->FAILED");
	}

	@Test
	void aStopBeforeTheThreadRunsShowsAsStoppingThenStopped() throws Exception {
		InMemorySource source = new InMemorySource();
		ConsumerWorker<Msg> worker = worker(source);
		List<Runnable> started = new CopyOnWriteArrayList<>();
		worker.threadFactory((runnable) -> new Thread(() -> {
			started.forEach(Runnable::run);
			runnable.run();
		}));
		CyclicBarrier stopped = new CyclicBarrier(2);
		started.add(() -> await(stopped));
		worker.start();
		worker.requestStop();
		await(stopped);
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.STOPPED);
		assertThat(this.observer.states).containsExactly("NEW->RUNNING", "RUNNING->STOPPING", "STOPPING->STOPPED");
	}

	@Test
	void theStateMachineRefusesASecondClaimAndEndsOnlyOnce() {
		List<String> reasons = new CopyOnWriteArrayList<>();
		WorkerState state = new WorkerState(SETTINGS, new ConsumerObserver() {

			@Override
			public void stateChanged(ConsumerSettings worker, ConsumerState previous, ConsumerState next,
					@Nullable String reason) {
				reasons.add(previous + "->" + next + ":" + reason);
			}

		}, () -> "the reason");
		state.claim(Thread.currentThread());
		assertThatIllegalStateException().isThrownBy(() -> state.claim(Thread.currentThread()))
			.withMessageContaining("already started");
		state.running();
		assertThat(state.requestStop()).isTrue();
		assertThat(state.requestStop()).isFalse();
		state.end(ConsumerState.FAILED);
		state.end(ConsumerState.STOPPED);
		assertThat(state.state()).isEqualTo(ConsumerState.FAILED);
		assertThat(state.termination()).isCompletedWithValue(ConsumerState.FAILED);
		assertThat(reasons).containsExactly("NEW->RUNNING:null", "RUNNING->STOPPING:null",
				"STOPPING->FAILED:the reason");
	}

	private ConsumerWorker<Msg> worker(MessageSource<Msg> source) {
		return new ConsumerWorker<>(SETTINGS, source, (message) -> {
			throw new AssertionError("nothing to decode");
		}, (event) -> {
		}, FailureRecoverer.logAndSkip(), this.observer);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
