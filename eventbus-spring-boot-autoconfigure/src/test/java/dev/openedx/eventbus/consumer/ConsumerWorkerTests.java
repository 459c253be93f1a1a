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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shared engine against an in-memory source (a unit seam: the transports have their own broker tests).
 */
class ConsumerWorkerTests {

	private static final EventType<Note> NOTE = EventType.of("org.test.note.added.v1", "note", Note.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final InMemorySource source = new InMemorySource();

	private final List<String> dispatched = new CopyOnWriteArrayList<>();

	private final List<String> recovered = new CopyOnWriteArrayList<>();

	private final RecordingObserver observer = new RecordingObserver();

	private final AtomicInteger deferrals = new AtomicInteger();

	private ConsumerSettings settings = ConsumerSettings.defaults("memory", "notes", "group")
		.withPollTimeout(Duration.ofMillis(20))
		.withPollFailureSleep(Duration.ofMillis(1));

	@Test
	void handlesEveryMessageInOrderAndAcknowledgesEachThenFlushesPerBatch() throws Exception {
		this.source.batch("a", "b").batch("c");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		awaitAcknowledged(3);
		worker.stop(WAIT);
		assertThat(this.dispatched).containsExactly("a", "b", "c");
		assertThat(this.source.acknowledged).containsExactly("a", "b", "c");
		assertThat(this.source.flushes.get()).isGreaterThanOrEqualTo(2);
		assertThat(this.source.closed).isTrue();
		assertThat(worker.status().handled()).isEqualTo(3);
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
		assertThat(worker.termination().get(1, TimeUnit.SECONDS)).isEqualTo(ConsumerState.STOPPED);
		assertThat(this.observer.states).containsExactly("NEW->RUNNING", "RUNNING->STOPPING", "STOPPING->STOPPED");
	}

	@Test
	void listenerFailuresAreRetriedUpToMaxAttemptsThenRecordedAndAcknowledged() throws Exception {
		this.settings = this.settings.withRetry(new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(5)));
		AtomicInteger calls = new AtomicInteger();
		this.source.batch("a", "b");
		ConsumerWorker<Msg> worker = worker((event) -> {
			calls.incrementAndGet();
			if (text(event).equals("a")) {
				throw new IllegalStateException("listener down");
			}
		});
		worker.start();
		awaitAcknowledged(2);
		worker.stop(WAIT);
		assertThat(calls.get()).isEqualTo(3 + 1);
		assertThat(this.observer.retries).containsExactly("a#1", "a#2");
		assertThat(this.recovered).containsExactly("a:HANDLER_ERROR");
		assertThat(this.source.acknowledged).containsExactly("a", "b");
		ConsumerStatus status = worker.status();
		assertThat(status.failures()).containsEntry(FailureKind.HANDLER_ERROR, 1L);
		assertThat(status.failed()).isEqualTo(1);
		assertThat(status.handled()).isEqualTo(1);
		assertThat(status.lastError()).contains("handler_error at memory:a").contains("after 3 attempts")
			.contains("listener down");
	}

	@Test
	void listenerSucceedingOnARetryIsHandledOnceWithoutFailure() throws Exception {
		this.settings = this.settings.withRetry(new RetryPolicy(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)));
		AtomicInteger calls = new AtomicInteger();
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> {
			if (calls.incrementAndGet() < 3) {
				throw new IllegalStateException("not yet");
			}
			this.dispatched.add(text(event));
		});
		worker.start();
		awaitAcknowledged(1);
		worker.stop(WAIT);
		assertThat(this.dispatched).containsExactly("a");
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().handled()).isEqualTo(1);
		assertThat(worker.status().failed()).isZero();
	}

	@Test
	void withoutRetryPolicyTheListenerIsCalledOnce() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("once");
		});
		worker.start();
		awaitAcknowledged(1);
		worker.stop(WAIT);
		assertThat(calls.get()).isEqualTo(1);
		assertThat(this.recovered).containsExactly("a:HANDLER_ERROR");
	}

	@Test
	void decodeFailuresAreNeverRetriedAndKeepTheirKind() throws Exception {
		this.settings = this.settings.withRetry(new RetryPolicy(5, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)));
		this.source.batch("unknown:x", "garbage:y", "crash:z", "ok");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		awaitAcknowledged(4);
		worker.stop(WAIT);
		assertThat(this.dispatched).containsExactly("ok");
		assertThat(this.recovered).containsExactly("unknown:x:UNKNOWN_EVENT_TYPE", "garbage:y:UNDECODABLE_VALUE",
				"crash:z:UNDECODABLE_VALUE");
		assertThat(this.source.acknowledged).containsExactly("unknown:x", "garbage:y", "crash:z", "ok");
		assertThat(worker.status().failures()).containsEntry(FailureKind.UNKNOWN_EVENT_TYPE, 1L)
			.containsEntry(FailureKind.UNDECODABLE_VALUE, 2L);
		assertThat(this.observer.retries).isEmpty();
	}

	@Test
	void failureThatCannotBeRecordedWithinTheTransientWaitStopsTheWorkerWithoutAcknowledgingIt() throws Exception {
		this.settings = this.settings.withMaxTransientWait(Duration.ofMillis(300))
			.withPollFailureSleep(Duration.ofMillis(50));
		this.source.batch("a", "garbage:b", "c");
		AtomicInteger attempts = new AtomicInteger();
		ConsumerWorker<Msg> worker = new ConsumerWorker<>(this.settings, this.source, this::decode,
				(event) -> this.dispatched.add(text(event)), (message, failure) -> {
					attempts.incrementAndGet();
					throw new IllegalStateException("dead-letter topic unavailable");
				}, this.observer);
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(attempts).as("written again while the transient wait allows").hasValueGreaterThan(1);
		assertThat(this.dispatched).containsExactly("a");
		assertThat(this.source.acknowledged).containsExactly("a");
		assertThat(this.source.flushes.get()).isGreaterThanOrEqualTo(1);
		assertThat(this.source.closed).isTrue();
		assertThat(worker.status().lastError()).contains("Could not record failure of memory:garbage:b")
			.contains("dead-letter topic unavailable");
	}

	@Test
	void failureRecordedOnceTheDeadLetterTargetIsBackLetsTheWorkerGoOn() throws Exception {
		this.settings = this.settings.withPollFailureSleep(Duration.ofMillis(20));
		this.source.batch("a", "garbage:b", "c");
		AtomicInteger attempts = new AtomicInteger();
		ConsumerWorker<Msg> worker = new ConsumerWorker<>(this.settings, this.source, this::decode,
				(event) -> this.dispatched.add(text(event)), (message, failure) -> {
					if (attempts.incrementAndGet() < 3) {
						throw new IllegalStateException("LOADING Redis is loading the dataset in memory");
					}
					this.recovered.add(message.coordinates());
				}, this.observer);
		worker.start();
		awaitAcknowledged(3);
		worker.stop(WAIT);
		assertThat(attempts).hasValue(3);
		assertThat(this.recovered).containsExactly("memory:garbage:b");
		assertThat(this.source.acknowledged).containsExactly("a", "garbage:b", "c");
		assertThat(worker.status().failures()).containsEntry(FailureKind.UNDECODABLE_VALUE, 1L);
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
	}

	@Test
	void stopDuringARetryWaitEndsAtOnceAndLeavesTheMessageUnacknowledged() throws Exception {
		this.settings = this.settings.withRetry(new RetryPolicy(5, Duration.ofSeconds(30), 1.0, Duration.ofSeconds(30)));
		CountDownLatch failed = new CountDownLatch(1);
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> {
			failed.countDown();
			throw new IllegalStateException("down");
		});
		worker.start();
		assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
		long started = System.nanoTime();
		worker.stop(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void interruptingTheWorkerThreadDuringARetryWaitStopsItWithoutAcknowledging() throws Exception {
		this.settings = this.settings.withRetry(new RetryPolicy(5, Duration.ofSeconds(30), 1.0, Duration.ofSeconds(30)));
		CountDownLatch failed = new CountDownLatch(1);
		List<Thread> threads = new CopyOnWriteArrayList<>();
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> {
			threads.add(Thread.currentThread());
			failed.countDown();
			throw new IllegalStateException("down");
		});
		worker.start();
		assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
		threads.get(0).interrupt();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.STOPPED);
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void consecutiveErrorsLimitStopsAfterExactlyThatManyFailuresInARow() throws Exception {
		this.settings = this.settings.withConsecutiveErrorsLimit(3);
		this.source.batch("garbage:1", "garbage:2", "ok-1", "garbage:3", "garbage:4").batch("garbage:5", "ok-2");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(this.dispatched).containsExactly("ok-1");
		assertThat(this.source.acknowledged).containsExactly("garbage:1", "garbage:2", "ok-1", "garbage:3",
				"garbage:4", "garbage:5");
		ConsumerStatus status = worker.status();
		assertThat(status.consecutiveErrors()).isEqualTo(3);
		assertThat(status.failed()).isEqualTo(5);
		assertThat(status.lastError()).startsWith("Too many consecutive errors (3 in a row)");
		assertThat(this.observer.states).last().isEqualTo("RUNNING->FAILED");
	}

	@Test
	void aSuccessResetsTheConsecutiveErrorCount() throws Exception {
		this.settings = this.settings.withConsecutiveErrorsLimit(2);
		this.source.batch("garbage:1", "ok-1", "garbage:2", "ok-2", "garbage:3", "ok-3");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		awaitAcknowledged(6);
		worker.stop(WAIT);
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
		assertThat(worker.status().consecutiveErrors()).isZero();
		assertThat(this.dispatched).containsExactly("ok-1", "ok-2", "ok-3");
	}

	@Test
	void pollFailuresBackOffAndNeitherCountNorStopTheWorker() throws Exception {
		this.settings = this.settings.withConsecutiveErrorsLimit(1);
		this.source.failPolls(3);
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		awaitAcknowledged(1);
		worker.stop(WAIT);
		assertThat(this.observer.pollFailures.get()).isEqualTo(3);
		assertThat(this.dispatched).containsExactly("a");
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
		assertThat(worker.status().failed()).isZero();
	}

	@Test
	void stopWakesABlockedPoll() throws Exception {
		this.settings = this.settings.withPollTimeout(Duration.ofMinutes(5));
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		assertThat(this.source.polling.await(10, TimeUnit.SECONDS)).isTrue();
		long started = System.nanoTime();
		worker.stop(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(this.source.wakeups.get()).isPositive();
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
		assertThat(this.source.closed).isTrue();
	}

	@Test
	void messagesLeftInABatchAfterAStopRequestAreNotHandledNorAcknowledged() throws Exception {
		this.source.batch("a", "b", "c");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		this.source.onAcknowledge = (id) -> worker.requestStop();
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.STOPPED);
		assertThat(this.dispatched).containsExactly("a");
		assertThat(this.source.acknowledged).containsExactly("a");
		assertThat(this.source.flushes.get()).isPositive();
	}

	@Test
	void sourceThatCannotOpenEndsTheWorkerFailedAndClosed() throws Exception {
		this.source.openFailure = new IllegalStateException("no such topic");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(worker.status().lastError()).contains("no such topic");
		assertThat(this.source.closed).isTrue();
	}

	@Test
	void runConsumesOnTheCallingThreadAndReturnsTheFinalState() {
		this.settings = this.settings.withConsecutiveErrorsLimit(1);
		this.source.batch("ok", "garbage:1");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(Thread.currentThread().getName()));
		assertThat(worker.run()).isEqualTo(ConsumerState.FAILED);
		assertThat(this.dispatched).containsExactly(Thread.currentThread().getName());
		assertThatIllegalStateException().isThrownBy(worker::start);
	}

	@Test
	void startingTwiceIsRefusedEvenBeforeTheThreadRuns() {
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		try {
			assertThatIllegalStateException().isThrownBy(worker::start).withMessageContaining("already started");
		}
		finally {
			worker.stop(WAIT);
		}
	}

	@Test
	void aFailingObserverNeitherRedispatchesNorStopsTheWorker() throws Exception {
		this.settings = this.settings.withRetry(new RetryPolicy(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)));
		this.observer.failOnHandled = true;
		this.source.batch("a", "b");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		awaitAcknowledged(2);
		worker.stop(WAIT);
		assertThat(this.dispatched).containsExactly("a", "b");
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().handled()).isEqualTo(2);
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
	}

	@Test
	void aDeferredMessageIsDecodedAgainAfterABackoffWithoutBeingCountedSkippedOrAcknowledgedEarly() throws Exception {
		this.deferrals.set(3);
		this.source.batch("deferred:a", "b");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		awaitAcknowledged(2);
		worker.stop(WAIT);
		assertThat(this.dispatched).containsExactly("deferred:a", "b");
		assertThat(this.source.acknowledged).containsExactly("deferred:a", "b");
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().failed()).isZero();
		assertThat(worker.status().consecutiveErrors()).isZero();
		assertThat(this.deferrals.get()).isNegative();
	}

	@Test
	void aStopDuringADeferralLeavesTheMessageUnacknowledged() throws Exception {
		this.deferrals.set(Integer.MAX_VALUE);
		this.settings = this.settings.withPollFailureSleep(Duration.ofSeconds(30));
		this.source.batch("deferred:a");
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.start();
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.deferrals.get() == Integer.MAX_VALUE && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		worker.stop(WAIT);
		assertThat(worker.termination().get(1, TimeUnit.SECONDS)).isEqualTo(ConsumerState.STOPPED);
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.dispatched).isEmpty();
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void stoppingAWorkerThatNeverStartedEndsItAtOnce() throws Exception {
		ConsumerWorker<Msg> worker = worker((event) -> this.dispatched.add(text(event)));
		worker.stop(WAIT);
		assertThat(worker.termination().get(1, TimeUnit.SECONDS)).isEqualTo(ConsumerState.STOPPED);
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
		assertThatIllegalStateException().isThrownBy(worker::start);
	}

	private ConsumerWorker<Msg> worker(dev.openedx.eventbus.event.EventDispatcher dispatcher) {
		return new ConsumerWorker<>(this.settings, this.source, this::decode, dispatcher, recoverer(), this.observer);
	}

	private FailureRecoverer<Msg> recoverer() {
		return (message, failure) -> this.recovered.add(message.id + ":" + failure.kind());
	}

	private OpenEdxEvent<?> decode(Msg message) {
		if (message.id.startsWith("garbage:")) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "not Avro");
		}
		if (message.id.startsWith("unknown:")) {
			throw new ConsumeFailureException(FailureKind.UNKNOWN_EVENT_TYPE, "unknown type");
		}
		if (message.id.startsWith("deferred:") && this.deferrals.getAndDecrement() > 0) {
			throw new MessageDeferredException("registry unavailable", new IllegalStateException("503"));
		}
		if (message.id.startsWith("crash:")) {
			throw new IllegalArgumentException("decoder bug");
		}
		return OpenEdxEvent.received(NOTE, new Note(message.id), EventsMetadata.builder(NOTE).build());
	}

	private static String text(OpenEdxEvent<?> event) {
		return ((Note) event.data()).text();
	}

	private void awaitAcknowledged(int count) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.source.acknowledged.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.source.acknowledged).hasSizeGreaterThanOrEqualTo(count);
	}

	record Note(String text) {
	}

	record Msg(String id) implements InboundMessage {

		@Override
		public String coordinates() {
			return "memory:" + this.id;
		}

		@Override
		public @Nullable String key() {
			return "key-" + this.id;
		}

		@Override
		public @Nullable String eventId() {
			return this.id;
		}

		@Override
		public @Nullable String eventType() {
			return NOTE.type();
		}

	}

	static final class InMemorySource implements MessageSource<Msg> {

		final Deque<List<Msg>> batches = new ArrayDeque<>();

		final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger flushes = new AtomicInteger();

		final AtomicInteger wakeups = new AtomicInteger();

		final CountDownLatch polling = new CountDownLatch(1);

		final Object monitor = new Object();

		volatile boolean closed;

		volatile @Nullable RuntimeException openFailure;

		volatile java.util.function.@Nullable Consumer<String> onAcknowledge;

		final List<Long> keepAlives = new CopyOnWriteArrayList<>();

		volatile @Nullable Exception keepAliveFailure;

		volatile @Nullable Exception pollFailure;

		volatile @Nullable Runnable onClose;

		private int pollFailures;

		private boolean woken;

		InMemorySource batch(String... ids) {
			synchronized (this.monitor) {
				this.batches.add(java.util.Arrays.stream(ids).map(Msg::new).toList());
			}
			return this;
		}

		void failPolls(int count) {
			this.pollFailures = count;
		}

		void failPolls(int count, Exception failure) {
			this.pollFailure = failure;
			this.pollFailures = count;
		}

		@Override
		public void keepAlive() throws Exception {
			this.keepAlives.add(System.nanoTime());
			Exception failure = this.keepAliveFailure;
			if (failure != null) {
				throw failure;
			}
		}

		@Override
		public void open() {
			RuntimeException failure = this.openFailure;
			if (failure != null) {
				throw failure;
			}
		}

		@Override
		public List<Msg> poll(Duration timeout) throws Exception {
			if (this.pollFailures > 0) {
				this.pollFailures--;
				Exception failure = this.pollFailure;
				throw (failure != null) ? failure : new java.io.IOException("connection refused");
			}
			synchronized (this.monitor) {
				List<Msg> next = this.batches.poll();
				if (next != null) {
					return next;
				}
				this.polling.countDown();
				if (!this.woken) {
					this.monitor.wait(timeout.toMillis());
				}
				if (this.woken) {
					this.woken = false;
					throw new IllegalStateException("woken up");
				}
				return List.of();
			}
		}

		@Override
		public void acknowledge(Msg message) {
			this.acknowledged.add(message.id);
			java.util.function.Consumer<String> hook = this.onAcknowledge;
			if (hook != null) {
				hook.accept(message.id);
			}
		}

		@Override
		public void flush() {
			this.flushes.incrementAndGet();
		}

		@Override
		public void wakeup() {
			this.wakeups.incrementAndGet();
			synchronized (this.monitor) {
				this.woken = true;
				this.monitor.notifyAll();
			}
		}

		@Override
		public void close() {
			Runnable hook = this.onClose;
			if (hook != null) {
				hook.run();
			}
			this.closed = true;
		}

	}

	static final class RecordingObserver implements ConsumerObserver {

		final List<String> states = new CopyOnWriteArrayList<>();

		final List<String> retries = new CopyOnWriteArrayList<>();

		final AtomicInteger pollFailures = new AtomicInteger();

		final List<String> failed = new CopyOnWriteArrayList<>();

		final List<String> skipped = new CopyOnWriteArrayList<>();

		final List<String> received = new CopyOnWriteArrayList<>();

		@Override
		public void received(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event) {
			this.received.add(message.coordinates());
		}

		@Override
		public void skipped(ConsumerSettings worker, InboundMessage message) {
			this.skipped.add(message.coordinates());
		}

		@Override
		public void failed(ConsumerSettings worker, InboundMessage message, ConsumeFailureException failure) {
			this.failed.add(message.coordinates() + ":" + failure.kind());
		}

		volatile boolean failOnHandled;

		@Override
		public void handled(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, long nanos) {
			if (this.failOnHandled) {
				throw new IllegalStateException("metrics backend down");
			}
		}

		@Override
		public void retrying(ConsumerSettings worker, InboundMessage message, Throwable error, int attempt) {
			this.retries.add(((Msg) message).id() + "#" + attempt);
		}

		@Override
		public void pollFailed(ConsumerSettings worker, Throwable error) {
			this.pollFailures.incrementAndGet();
		}

		@Override
		public void stateChanged(ConsumerSettings worker, ConsumerState previous, ConsumerState next,
				@Nullable String reason) {
			this.states.add(previous + "->" + next);
		}

	}

}
