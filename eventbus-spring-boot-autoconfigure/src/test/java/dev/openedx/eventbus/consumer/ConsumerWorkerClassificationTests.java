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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.openedx.eventbus.consumer.ConsumerWorkerTests.InMemorySource;
import dev.openedx.eventbus.consumer.ConsumerWorkerTests.Msg;
import dev.openedx.eventbus.consumer.ConsumerWorkerTests.Note;
import dev.openedx.eventbus.consumer.ConsumerWorkerTests.RecordingObserver;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.worker.EventBusExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's failures through the {@link FailureClassifier}, phase by phase (poll, decode, dispatch, recording,
 * keep-alive), against an in-memory source: what ends the worker, what is waited out and for how long, what goes to
 * the failure policy, and what ends the process.
 */
class ConsumerWorkerClassificationTests {

	private static final EventType<Note> NOTE = EventType.of("org.test.note.added.v1", "note", Note.class);

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** A transport's own exception that its rule calls transient (a registry timeout, say). */
	static final class RegistryTimeout extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RegistryTimeout() {
			super("registry timed out");
		}

	}

	/** A transport's own exception that its rule calls fatal (credentials refused, say). */
	static final class CredentialsRefused extends Exception {

		private static final long serialVersionUID = 1L;

		CredentialsRefused() {
			super("SASL authentication failed");
		}

	}

	private static final FailureClassifier CLASSIFIER = FailureClassifier.DEFAULT.with((failure) -> {
		if (failure instanceof RegistryTimeout) {
			return FailureClass.TRANSIENT;
		}
		return (failure instanceof CredentialsRefused) ? FailureClass.FATAL : null;
	});

	private final InMemorySource source = new InMemorySource();

	private final RecordingObserver observer = new RecordingObserver();

	private final List<String> dispatched = new CopyOnWriteArrayList<>();

	private final List<String> recovered = new CopyOnWriteArrayList<>();

	private final List<Integer> halts = new CopyOnWriteArrayList<>();

	private final AtomicInteger decodeFailuresLeft = new AtomicInteger();

	private FailureRecoverer<Msg> recoverer = (message, failure) -> this.recovered.add(message.id() + ":"
			+ failure.kind());

	private ConsumerSettings settings = ConsumerSettings.defaults("memory", "notes", "group")
		.withPollTimeout(Duration.ofMillis(20))
		.withPollFailureSleep(Duration.ofMillis(1));

	@Test
	void aFatalPollFailureEndsTheWorkerFailedWithItsReasonAndAcknowledgesNothing() throws Exception {
		this.source.failPolls(1, new WorkerFailureException(
				"Kafka refused the credentials: check spring.kafka.properties.sasl.jaas.config", null));
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker(this::dispatch);
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(worker.status().lastError()).contains("Cannot poll notes (FATAL)")
			.contains("check spring.kafka.properties.sasl.jaas.config");
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.source.closed).isTrue();
		assertThat(this.observer.states).last().isEqualTo("RUNNING->FAILED");
	}

	@Test
	void aPollFailureTheTransportRuleCallsFatalEndsTheWorker() throws Exception {
		this.source.failPolls(1, new CredentialsRefused());
		ConsumerWorker<Msg> worker = worker(this::dispatch);
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(worker.status().lastError()).contains("SASL authentication failed");
	}

	@Test
	void aFatalDecodeFailureEndsTheWorkerWithoutAcknowledgingOrRecordingTheMessage() throws Exception {
		this.source.batch("a", "fatal:b", "c");
		ConsumerWorker<Msg> worker = worker(this::dispatch);
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(this.dispatched).containsExactly("a");
		assertThat(this.source.acknowledged).containsExactly("a");
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().failed()).isZero();
		assertThat(worker.status().lastError()).contains("check eventbus.kafka.schema-registry.api-key")
			.contains("memory:fatal:b");
	}

	@Test
	void aDecodeFailureTheTransportRuleCallsTransientIsDecodedAgainNotRecorded() throws Exception {
		this.decodeFailuresLeft.set(3);
		this.source.batch("slow:a", "b");
		ConsumerWorker<Msg> worker = worker(this::dispatch);
		worker.start();
		awaitAcknowledged(2);
		worker.stop(WAIT);
		assertThat(this.dispatched).containsExactly("slow:a", "b");
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().failed()).isZero();
		assertThat(this.observer.pollFailures.get()).isEqualTo(3);
	}

	@Test
	void aMessageDeferredLongerThanTheMaxTransientWaitFailsForGoodAsDependencyUnavailable() throws Exception {
		this.settings = this.settings.withMaxTransientWait(Duration.ofMillis(300));
		this.decodeFailuresLeft.set(Integer.MAX_VALUE);
		this.source.batch("deferred:a", "b");
		ConsumerWorker<Msg> worker = worker(this::dispatch);
		long started = System.nanoTime();
		worker.start();
		awaitAcknowledged(2);
		long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		worker.stop(WAIT);
		assertThat(elapsed).isGreaterThanOrEqualTo(300);
		assertThat(this.recovered).containsExactly("deferred:a:DEPENDENCY_UNAVAILABLE");
		assertThat(this.source.acknowledged).containsExactly("deferred:a", "b");
		assertThat(this.dispatched).containsExactly("b");
		assertThat(worker.status().failures()).containsEntry(FailureKind.DEPENDENCY_UNAVAILABLE, 1L);
		assertThat(worker.status().lastError()).contains("eventbus.consumer.max-transient-wait (PT0.3S)")
			.contains("registry unavailable");
		assertThat(worker.status().state()).isEqualTo(ConsumerState.STOPPED);
	}

	@Test
	void aListenerFailingTransientlyIsTriedAgainBeyondTheRetryPolicyThenBoundedByTheMaxTransientWait()
			throws Exception {
		this.settings = this.settings.withMaxTransientWait(Duration.ofMillis(300));
		AtomicInteger calls = new AtomicInteger();
		this.source.batch("a", "b");
		ConsumerWorker<Msg> worker = worker((event) -> {
			if (text(event).equals("a")) {
				calls.incrementAndGet();
				throw new MessageDeferredException("the listener's database is down", new IOException("refused"));
			}
			dispatch(event);
		});
		worker.start();
		awaitAcknowledged(2);
		worker.stop(WAIT);
		assertThat(calls.get()).isGreaterThan(1);
		assertThat(this.recovered).containsExactly("a:DEPENDENCY_UNAVAILABLE");
		assertThat(this.dispatched).containsExactly("b");
	}

	@Test
	void aListenerFailingTransientlyThenSucceedingIsHandledWithoutFailure() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> {
			if (calls.incrementAndGet() < 3) {
				throw new MessageDeferredException("the course service does not answer", new IOException("timeout"));
			}
			dispatch(event);
		});
		worker.start();
		awaitAcknowledged(1);
		worker.stop(WAIT);
		assertThat(this.dispatched).containsExactly("a");
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().handled()).isEqualTo(1);
	}

	@Test
	void aListenerFailureTheTransportRuleWouldCallTransientIsAHandlerErrorAsOnEveryTransport() throws Exception {
		this.source.batch("a", "b");
		ConsumerWorker<Msg> worker = worker((event) -> {
			if (text(event).equals("a")) {
				throw new RegistryTimeout();
			}
			dispatch(event);
		});
		worker.start();
		awaitAcknowledged(2);
		worker.stop(WAIT);
		assertThat(this.recovered).containsExactly("a:HANDLER_ERROR");
		assertThat(this.dispatched).containsExactly("b");
	}

	@Test
	void aListenerThatCannotGoOnEndsTheWorkerWithoutAcknowledging() throws Exception {
		this.source.batch("a", "b");
		ConsumerWorker<Msg> worker = worker((event) -> {
			throw new WorkerFailureException("not allowed to read the course database: check app.db.user", null);
		});
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().lastError()).contains("check app.db.user");
	}

	static List<Supplier<Error>> errorsThatAreListenerFailures() {
		return List.of(StackOverflowError::new, () -> new AssertionError("expected 2"),
				() -> new NoClassDefFoundError("org/example/Gone"),
				() -> new ExceptionInInitializerError(new IllegalStateException("static init")));
	}

	@ParameterizedTest
	@MethodSource("errorsThatAreListenerFailures")
	void anErrorOtherThanAVirtualMachineErrorIsAHandlerErrorRetriedThenRecorded(Supplier<Error> error)
			throws Exception {
		this.settings = this.settings.withRetry(new RetryPolicy(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)));
		AtomicInteger calls = new AtomicInteger();
		this.source.batch("a", "b");
		ConsumerWorker<Msg> worker = worker((event) -> {
			if (text(event).equals("a")) {
				calls.incrementAndGet();
				throw error.get();
			}
			dispatch(event);
		});
		worker.start();
		awaitAcknowledged(2);
		assertThat(worker.status().state()).isEqualTo(ConsumerState.RUNNING);
		worker.stop(WAIT);
		assertThat(calls.get()).isEqualTo(2);
		assertThat(this.recovered).containsExactly("a:HANDLER_ERROR");
		assertThat(this.dispatched).containsExactly("b");
		assertThat(this.halts).isEmpty();
		assertThat(worker.status().lastError()).contains(error.get().getClass().getName());
	}

	static List<Supplier<Error>> virtualMachineErrors() {
		return List.of(() -> new OutOfMemoryError("Java heap space"), () -> new InternalError("JVM bug"));
	}

	@ParameterizedTest
	@MethodSource("virtualMachineErrors")
	void aVirtualMachineErrorOfAListenerEndsTheProcessWithoutAcknowledging(Supplier<Error> error) throws Exception {
		this.settings = this.settings.withRetry(new RetryPolicy(5, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)));
		AtomicInteger calls = new AtomicInteger();
		this.source.batch("a", "b");
		ConsumerWorker<Msg> worker = worker((event) -> {
			calls.incrementAndGet();
			throw error.get();
		});
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(this.halts).containsExactly(EventBusExitCodes.FAILURE);
		assertThat(calls.get()).isEqualTo(1);
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().lastError()).contains("Ended the process").contains("memory:a");
	}

	@Test
	void outOfMemoryWhileDecodingEndsTheProcess() throws Exception {
		this.source.batch("oom:a");
		ConsumerWorker<Msg> worker = worker(this::dispatch);
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(this.halts).containsExactly(EventBusExitCodes.FAILURE);
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void theHaltStatusIsTheFailureExitCodeOfTheCommands() {
		assertThat(ProcessHalt.EXIT_STATUS).isEqualTo(EventBusExitCodes.FAILURE);
	}

	@Test
	void aDeadLetterThatCannotBeWrittenForGoodEndsTheWorkerWithItsReason() throws Exception {
		this.recoverer = (message, failure) -> {
			throw new WorkerFailureException("not authorized to write notes-dlt: check the ACLs of the group", null);
		};
		this.source.batch("garbage:a", "b");
		ConsumerWorker<Msg> worker = worker(this::dispatch);
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.dispatched).isEmpty();
		assertThat(worker.status().lastError()).contains("Could not record failure of memory:garbage:a")
			.contains("check the ACLs of the group");
	}

	@Test
	void theSourceIsKeptAliveAtLeastEvery100MillisecondsWhileAListenerRetryWaits() throws Exception {
		this.settings = this.settings
			.withRetry(new RetryPolicy(2, Duration.ofMillis(800), 1.0, Duration.ofMillis(800)));
		List<Long> calls = new CopyOnWriteArrayList<>();
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> {
			calls.add(System.nanoTime());
			if (calls.size() == 1) {
				throw new IllegalStateException("not yet");
			}
			dispatch(event);
		});
		worker.start();
		awaitAcknowledged(1);
		worker.stop(WAIT);
		assertThat(calls).hasSize(2);
		List<Long> during = this.source.keepAlives.stream()
			.filter((at) -> at > calls.get(0) && at < calls.get(1))
			.toList();
		// 800 ms at most 100 ms apart: 8 calls; fewer only on a machine too busy to wake the thread on time.
		assertThat(during).hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void aKeepAliveFailingTransientlyIsLoggedAndTheWaitGoesOn() throws Exception {
		this.settings = this.settings
			.withRetry(new RetryPolicy(2, Duration.ofMillis(300), 1.0, Duration.ofMillis(300)));
		this.source.keepAliveFailure = new IOException("connection reset");
		AtomicInteger calls = new AtomicInteger();
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("not yet");
			}
			dispatch(event);
		});
		worker.start();
		awaitAcknowledged(1);
		assertThat(worker.status().state()).isEqualTo(ConsumerState.RUNNING);
		worker.stop(WAIT);
		assertThat(this.dispatched).containsExactly("a");
		assertThat(this.source.keepAlives).hasSizeGreaterThan(1);
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void aKeepAliveFailingFatallyEndsTheWorkerWithoutAcknowledging() throws Exception {
		this.settings = this.settings
			.withRetry(new RetryPolicy(2, Duration.ofSeconds(30), 1.0, Duration.ofSeconds(30)));
		this.source.keepAliveFailure = new CredentialsRefused();
		this.source.batch("a");
		ConsumerWorker<Msg> worker = worker((event) -> {
			throw new IllegalStateException("not yet");
		});
		worker.start();
		assertThat(worker.termination().get(10, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(this.source.acknowledged).isEmpty();
		assertThat(this.recovered).isEmpty();
		assertThat(worker.status().lastError()).contains("cannot keep its source notes alive")
			.contains("SASL authentication failed");
	}

	@Test
	void logLinesEscapeTheWireValuesOfAMessage() {
		assertThat(MessageHandler.describe(new InboundMessage() {

			@Override
			public String coordinates() {
				return "notes-0@7";
			}

			@Override
			public String key() {
				return "k\r\nWARN fake";
			}

			@Override
			public String eventId() {
				return "a\nFORGED LINE";
			}

			@Override
			public String eventType() {
				return "org.test\u202enote";
			}

		})).isEqualTo("notes-0@7 key=k\\r\\nWARN fake id=a\\nFORGED LINE type=org.test\\u202enote")
			.doesNotContain("\n", "\r");
	}

	private ConsumerWorker<Msg> worker(EventDispatcher dispatcher) {
		ConsumerWorker<Msg> worker = new ConsumerWorker<>(this.settings, this.source, this::decode, dispatcher,
				(message, failure) -> this.recoverer.recover(message, failure), this.observer, CLASSIFIER);
		worker.processHalt(this.halts::add);
		return worker;
	}

	private void dispatch(OpenEdxEvent<?> event) {
		this.dispatched.add(text(event));
	}

	private OpenEdxEvent<?> decode(Msg message) {
		String id = message.id();
		if (id.startsWith("garbage:")) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "not Avro");
		}
		if (id.startsWith("fatal:")) {
			throw new WorkerFailureException("The schema registry refused the credentials (401): check "
					+ "eventbus.kafka.schema-registry.api-key", null);
		}
		if (id.startsWith("oom:")) {
			throw new OutOfMemoryError("Java heap space");
		}
		if (id.startsWith("slow:") && this.decodeFailuresLeft.getAndDecrement() > 0) {
			throw new RegistryTimeout();
		}
		if (id.startsWith("deferred:") && this.decodeFailuresLeft.getAndDecrement() > 0) {
			throw new MessageDeferredException("registry unavailable", new IOException("503"));
		}
		return OpenEdxEvent.received(NOTE, new Note(id), EventsMetadata.builder(NOTE).build());
	}

	private static String text(OpenEdxEvent<?> event) {
		return ((Note) event.data()).text();
	}

	private void awaitAcknowledged(int count) {
		await().atMost(WAIT).until(() -> this.source.acknowledged.size() >= count);
	}

}
