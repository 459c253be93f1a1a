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

package dev.openedx.eventbus.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.ConsumerWorker;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.redis.RedisTestSupport.RawEntry;
import dev.openedx.eventbus.testing.LogCapture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class RedisEventBusConsumerTests {

	private static final String GROUP = "test-group";

	private static final EventOrigin ORIGIN = EventOrigin.forService("consumer-tests");

	private static final Duration WAIT = Duration.ofSeconds(60);

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	private final List<RedisEventBusConsumer> consumers = new ArrayList<>();

	@LocalRedis
	private RedisTestSupport redis;

	private RedisEventBusProducer producer;

	private String stream;

	@BeforeEach
	void setUp() {
		this.producer = new RedisEventBusProducer(connectionFactory, TestEvents.codec(),
				RedisProducerSettings.defaults().withStreamMaxLength(100_000));
		this.stream = this.redis.uniqueStream("consumer");
	}

	@AfterEach
	void tearDown() {
		this.consumers.forEach((consumer) -> consumer.stop(Duration.ofSeconds(10)));
	}

	@Test
	void twoConsumersOfOneGroupHandleEveryEventExactlyOnce() {
		RecordingDispatcher dispatcher = new RecordingDispatcher();
		RedisEventBusConsumer first = start(settings("c1"), dispatcher);
		RedisEventBusConsumer second = start(settings("c2"), dispatcher);

		send(0, 10_000);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 10_000);
		awaitNoPending();
		assertThat(dispatcher.total()).isEqualTo(10_000);
		assertThat(first.status().handled()).isPositive();
		assertThat(second.status().handled()).isPositive();
		assertThat(first.status().handled() + second.status().handled()).isEqualTo(10_000);
	}

	@Test
	void entriesADeadConsumerLeftPendingAreClaimedByTheGroupAfterTheIdleTime() {
		send(0, 20);
		createGroupAtStart();
		// A consumer that read five entries and died before acknowledging them.
		List<StreamMessage<byte[], byte[]>> inFlight = this.redis.raw()
			.xreadgroup(io.lettuce.core.Consumer.from(bytes(GROUP), bytes("dead")), XReadArgs.Builder.count(5),
					XReadArgs.StreamOffset.lastConsumed(bytes(this.stream)));
		assertThat(inFlight).hasSize(5);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		RedisEventBusConsumer alive = start(
				settings("alive").withClaim(Duration.ofMillis(1500), Duration.ofMillis(200)), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 20);
		awaitNoPending();
		assertThat(dispatcher.total()).isEqualTo(20);
		assertThat(dispatcher.counts()).allSatisfy((sequence, count) -> assertThat(count.get()).isOne());
		assertThat(alive.status().handled()).isEqualTo(20);
	}

	@Test
	void eventsProducedWhileTheConsumerWasStoppedAreDeliveredWhenItStartsAgain() {
		RecordingDispatcher dispatcher = new RecordingDispatcher();
		RedisEventBusConsumer consumer = start(settings("c1"), dispatcher);
		send(0, 10);
		await().atMost(WAIT).until(() -> dispatcher.distinct() == 10);
		consumer.stop(Duration.ofSeconds(10));
		assertThat(consumer.termination()).isCompletedWithValue(ConsumerState.STOPPED);

		send(10, 1_000);
		start(settings("c1"), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 1_010);
		awaitNoPending();
		assertThat(dispatcher.total()).isEqualTo(1_010);
	}

	@Test
	void aNewGroupStartsAtTheBeginningOfTheRetainedStream() {
		send(0, 5);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		start(settings("c1"), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 5);
	}

	@Test
	void withoutCheckBacklogTheGroupSkipsToTheEndOnEveryStartAsPythonDoes() {
		send(0, 5);
		RecordingDispatcher dispatcher = new RecordingDispatcher();
		RedisEventBusConsumer consumer = start(settings("c1").withCheckBacklog(false), dispatcher);
		await().atMost(WAIT).until(() -> consumer.status().lastPolledAt() != null);

		send(5, 1);

		await().atMost(WAIT).until(() -> dispatcher.count(5) == 1);
		assertThat(dispatcher.counts()).containsOnlyKeys(5L);
	}

	@Test
	void lastReadMessageIdReplaysTheEntriesAfterIt() {
		List<SendReceipt> receipts = send(0, 5);
		RecordingDispatcher first = new RecordingDispatcher();
		RedisEventBusConsumer consumer = start(settings("c1"), first);
		await().atMost(WAIT).until(() -> first.distinct() == 5);
		consumer.stop(Duration.ofSeconds(10));
		RecordingDispatcher replay = new RecordingDispatcher();

		start(settings("c1").withLastReadMessageId(receipts.get(1).position()), replay);

		await().atMost(WAIT).until(() -> replay.distinct() == 3);
		assertThat(replay.counts()).containsOnlyKeys(2L, 3L, 4L);
	}

	@Test
	void aRestartedConsumerHandlesItsOwnPendingEntriesFirst() {
		send(0, 10);
		createGroupAtStart();
		// The same consumer name read three entries in an earlier life and crashed.
		this.redis.raw()
			.xreadgroup(io.lettuce.core.Consumer.from(bytes(GROUP), bytes("c1")), XReadArgs.Builder.count(3),
					XReadArgs.StreamOffset.lastConsumed(bytes(this.stream)));
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		// Claiming is far off: only re-reading its own pending entries can deliver these three.
		start(settings("c1").withClaim(Duration.ofMinutes(10), Duration.ofMinutes(10)), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 10);
		awaitNoPending();
		assertThat(dispatcher.total()).isEqualTo(10);
	}

	@Test
	void poisonEntriesAreLoggedWithTheirCoordinatesCountedByKindAndSkipped() {
		List<String> poison = sendWithPoison();
		RecordingDispatcher dispatcher = new RecordingDispatcher();
		try (LogCapture log = new LogCapture(ConsumerWorker.class)) {
			RedisEventBusConsumer consumer = start(
					settings("c1").withFailurePolicy(FailurePolicy.LOG_AND_SKIP), dispatcher);

			await().atMost(WAIT).until(() -> consumer.status().handled() == 4 && consumer.status().failed() == 3);
			awaitNoPending();
			ConsumerStatus status = consumer.status();
			assertThat(status.failures()).containsEntry(FailureKind.UNDECODABLE_VALUE, 1L)
				.containsEntry(FailureKind.UNKNOWN_EVENT_TYPE, 1L)
				.containsEntry(FailureKind.INVALID_METADATA, 1L);
			assertThat(dispatcher.counts()).containsOnlyKeys(0L, 1L, 2L, 3L);
			for (String id : poison) {
				assertThat(log.messages()).anySatisfy((message) -> assertThat(message)
					.contains(this.stream + "@" + id));
			}
			assertThat(this.redis.xlen(RedisDeadLetterRecoverer.deadLetterStream(this.stream))).isZero();
		}
	}

	@Test
	void deadLetterPolicyCopiesFailedEntriesWithTheirOriginalFieldsAndTheError() {
		List<String> poison = sendWithPoison();
		SendReceipt refused = send(100, 1).get(0);
		RecordingDispatcher dispatcher = new RecordingDispatcher().failingOn((sequence) -> sequence == 100);

		RedisEventBusConsumer consumer = start(settings("c1").withFailurePolicy(FailurePolicy.DEAD_LETTER),
				dispatcher);

		String deadLetters = RedisDeadLetterRecoverer.deadLetterStream(this.stream);
		await().atMost(WAIT).until(() -> this.redis.xlen(deadLetters) == 4);
		awaitNoPending();
		assertThat(consumer.status().failures()).containsEntry(FailureKind.HANDLER_ERROR, 1L);
		Map<String, RawEntry> originals = new java.util.HashMap<>();
		this.redis.rawXrange(this.stream).forEach((entry) -> originals.put(entry.id(), entry));
		List<RawEntry> letters = this.redis.rawXrange(deadLetters);
		assertThat(letters).extracting((letter) -> letter.text(RedisDeadLetterRecoverer.ORIGINAL_ID))
			.containsExactly(poison.get(0), poison.get(1), poison.get(2), refused.position());
		for (RawEntry letter : letters) {
			RawEntry original = originals.get(letter.text(RedisDeadLetterRecoverer.ORIGINAL_ID));
			int originalCount = original.flatFields().size();
			assertThat(letter.flatFields().subList(0, originalCount)).zipSatisfy(original.flatFields(),
					(copy, field) -> assertThat(copy).isEqualTo(field));
			assertThat(letter.names().subList(originalCount / 2, letter.names().size())).containsExactly(
					RedisDeadLetterRecoverer.ORIGINAL_STREAM, RedisDeadLetterRecoverer.ORIGINAL_ID,
					RedisDeadLetterRecoverer.GROUP, RedisDeadLetterRecoverer.CONSUMER,
					RedisDeadLetterRecoverer.FAILURE_KIND, RedisDeadLetterRecoverer.EXCEPTION_CLASS,
					RedisDeadLetterRecoverer.EXCEPTION_MESSAGE, RedisDeadLetterRecoverer.FAILED_AT);
			assertThat(letter.text(RedisDeadLetterRecoverer.ORIGINAL_STREAM)).isEqualTo(this.stream);
			assertThat(letter.text(RedisDeadLetterRecoverer.GROUP)).isEqualTo(GROUP);
			assertThat(letter.text(RedisDeadLetterRecoverer.CONSUMER)).isEqualTo("c1");
		}
		assertThat(letters).extracting((letter) -> letter.text(RedisDeadLetterRecoverer.FAILURE_KIND))
			.containsExactly("undecodable_value", "unknown_event_type", "invalid_metadata", "handler_error");
		RawEntry handlerFailure = letters.get(3);
		assertThat(handlerFailure.text(RedisDeadLetterRecoverer.EXCEPTION_CLASS))
			.isEqualTo(IllegalStateException.class.getName());
		assertThat(handlerFailure.text(RedisDeadLetterRecoverer.EXCEPTION_MESSAGE))
			.contains("Listener refuses ping 100");
		assertThat(letters.get(2).text(RedisDeadLetterRecoverer.EXCEPTION_MESSAGE)).contains("'time'");
	}

	@Test
	void whenTheDeadLetterCannotBeWrittenTheWorkerStopsWithoutAcknowledgingTheEntry() {
		send(0, 1);
		String garbage = addPoison("event_data", new byte[] { (byte) 0xFF, (byte) 0xFF });
		send(1, 1);
		// A key of another type makes every XADD to the dead-letter stream fail.
		this.redis.raw()
			.set(bytes(RedisDeadLetterRecoverer.deadLetterStream(this.stream)), bytes("not a stream"));
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		RedisEventBusConsumer consumer = start(settings("c1").withFailurePolicy(FailurePolicy.DEAD_LETTER),
				dispatcher);

		assertThat(consumer.termination()).succeedsWithin(WAIT).isEqualTo(ConsumerState.FAILED);
		assertThat(dispatcher.counts()).containsOnlyKeys(0L);
		List<String> pending = pendingIds();
		assertThat(pending).contains(garbage).hasSize(2);
		assertThat(consumer.status().lastError()).contains(this.stream + "@" + garbage);
	}

	@Test
	void theConsecutiveErrorsLimitStopsTheWorkerAfterExactlyThatManyFailuresInARow() {
		addPoison("type", bytes("org.openedx.unknown.v1"));
		addPoison("type", bytes("org.openedx.unknown.v1"));
		send(0, 1);
		addPoison("type", bytes("org.openedx.unknown.v1"));
		addPoison("type", bytes("org.openedx.unknown.v1"));
		String third = addPoison("type", bytes("org.openedx.unknown.v1"));
		SendReceipt after = send(1, 1).get(0);
		RecordingDispatcher dispatcher = new RecordingDispatcher();
		RedisConsumerSettings settings = settings("c1").withFailurePolicy(FailurePolicy.LOG_AND_SKIP);

		RedisEventBusConsumer consumer = start(
				settings.withWorker(settings.worker().withConsecutiveErrorsLimit(3)), dispatcher);

		assertThat(consumer.termination()).succeedsWithin(WAIT).isEqualTo(ConsumerState.FAILED);
		ConsumerStatus status = consumer.status();
		assertThat(status.failures()).containsEntry(FailureKind.UNKNOWN_EVENT_TYPE, 5L);
		assertThat(status.consecutiveErrors()).isEqualTo(3);
		assertThat(status.lastError()).contains("Too many consecutive errors (3 in a row)")
			.contains(this.stream + "@" + third);
		assertThat(dispatcher.counts()).containsOnlyKeys(0L);
		// The failure that hit the limit was recorded and acknowledged; the entry after it was never handled.
		assertThat(pendingIds()).containsExactly(after.position());
	}

	@Test
	void aGroupDeletedWhileTheWorkerRunsIsCreatedAgainAndConsumingGoesOn() {
		RecordingDispatcher dispatcher = new RecordingDispatcher();
		RedisEventBusConsumer consumer = start(settings("c1"), dispatcher);
		send(0, 3);
		await().atMost(WAIT).until(() -> dispatcher.distinct() == 3);

		this.redis.raw().xgroupDestroy(bytes(this.stream), bytes(GROUP));
		send(3, 2);

		await().atMost(WAIT).until(() -> dispatcher.count(3) >= 1 && dispatcher.count(4) >= 1);
		assertThat(consumer.status().state()).isEqualTo(ConsumerState.RUNNING);
	}

	@Test
	void aConnectionFactoryThatIsNotLettuceFailsTheWorkerAtStart() {
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(new NonLettuceConnectionFactory(connectionFactory),
				settings("c1"), TestEvents.CATALOG, TestEvents.codec(), ORIGIN, new RecordingDispatcher(),
				new ConsumerObserver() {
				});
		this.consumers.add(consumer);

		consumer.start();

		assertThat(consumer.termination()).succeedsWithin(WAIT).isEqualTo(ConsumerState.FAILED);
		assertThat(consumer.status().lastError()).contains("needs a Lettuce connection factory");
	}

	@Test
	void aStreamKeyHoldingAnotherTypeFailsTheWorkerAtStartNamingTheProblem() {
		this.redis.raw().set(bytes(this.stream), bytes("not a stream"));

		RedisEventBusConsumer consumer = start(settings("c1"), new RecordingDispatcher());

		assertThat(consumer.termination()).succeedsWithin(WAIT).isEqualTo(ConsumerState.FAILED);
		assertThat(consumer.status().lastError()).contains("WRONGTYPE");
	}

	@Test
	void refusesACommandTimeoutThatIsNotLongerThanTheBlockingRead() {
		LettuceConnectionFactory shortTimeout = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisTestSupport.HOST, this.redis.port()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		RedisConsumerSettings settings = settings("c1");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisEventBusConsumer(shortTimeout, settings.withWorker(
					settings.worker().withPollTimeout(Duration.ofSeconds(1))), TestEvents.CATALOG,
					TestEvents.codec(), ORIGIN, new RecordingDispatcher(), new ConsumerObserver() {
					}))
			.withMessageContaining("spring.data.redis.timeout")
			.withMessageContaining("500 ms");
	}

	/** Good pings 0..3 with three poison entries between them; returns the poison entry ids. */
	private List<String> sendWithPoison() {
		send(0, 1);
		String garbage = addPoison("event_data", new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01 });
		send(1, 1);
		String unknown = addPoison("type", bytes("org.openedx.learning.unheard.of.v1"));
		send(2, 1);
		String badTime = addPoison("time", bytes("2026-01-02T03:04:05"));
		send(3, 1);
		return List.of(garbage, unknown, badTime);
	}

	/** Adds an entry whose fields are those of a good ping with one field replaced. */
	private String addPoison(String field, byte[] value) {
		EventsMetadata metadata = EventsMetadata.builder(TestEvents.PING).build();
		List<Object> fields = new ArrayList<>();
		fields.addAll(List.of(bytes("type"), bytes(metadata.eventType()), bytes("id"), bytes(metadata.id().toString()),
				bytes("source"), bytes(metadata.source()), bytes("time"), bytes(metadata.timeText()),
				bytes("minorversion"), bytes("0"), bytes("sourcehost"), bytes(metadata.sourceHost()),
				bytes("sourcelib"), bytes(metadata.sourceLibText()), bytes("event_data"),
				TestEvents.codec().encode(TestEvents.PING, new TestEvents.Ping("poison", -1))));
		int index = fields.indexOf(fields.stream().filter((part) -> java.util.Arrays.equals((byte[]) part, bytes(field)))
			.findFirst()
			.orElseThrow());
		fields.set(index + 1, value);
		return this.redis.raw().xadd(bytes(this.stream), fields.toArray());
	}

	private List<SendReceipt> send(long from, int count) {
		List<CompletableFuture<SendReceipt>> sent = new ArrayList<>(count);
		for (long sequence = from; sequence < from + count; sequence++) {
			sent.add(this.producer.send(this.stream, null, TestEvents.ping(sequence)));
		}
		return sent.stream().map((future) -> future.orTimeout(30, TimeUnit.SECONDS).join()).toList();
	}

	private void createGroupAtStart() {
		this.redis.raw()
			.xgroupCreate(XReadArgs.StreamOffset.from(bytes(this.stream), "0-0"), bytes(GROUP),
					io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
	}

	private List<String> pendingIds() {
		return this.redis.raw()
			.xpending(bytes(this.stream), bytes(GROUP), io.lettuce.core.Range.create("-", "+"),
					io.lettuce.core.Limit.from(1000))
			.stream()
			.map((message) -> message.getId())
			.toList();
	}

	private void awaitNoPending() {
		await().atMost(WAIT).until(() -> this.redis.pendingCount(this.stream, GROUP) == 0);
	}

	private RedisConsumerSettings settings(String consumerName) {
		RedisConsumerSettings defaults = RedisConsumerSettings.of(this.stream, GROUP).withConsumerName(consumerName);
		ConsumerSettings worker = defaults.worker().withPollTimeout(Duration.ofMillis(200))
			.withPollFailureSleep(Duration.ofMillis(100));
		return defaults.withWorker(worker);
	}

	private RedisEventBusConsumer start(RedisConsumerSettings settings, RecordingDispatcher dispatcher) {
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory, settings, TestEvents.CATALOG,
				TestEvents.codec(), ORIGIN, dispatcher, new ConsumerObserver() {
				});
		this.consumers.add(consumer);
		consumer.start();
		return consumer;
	}

	private static byte[] bytes(String text) {
		return RedisTestSupport.bytes(text);
	}

}
