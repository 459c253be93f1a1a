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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testing.LogCapture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Entries trimmed away ({@code MAXLEN}) before the group handled them, against the build's redis-server: each is
 * counted as lost by reason and logged at ERROR with the ids, whether the group was behind the trim point when the
 * worker started, crossed the gap while it ran, or had read the entries without acknowledging them.
 */
class RedisStreamLossTests {

	private static final String GROUP = "loss-group";

	private static final Duration WAIT = Duration.ofSeconds(60);

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	@LocalRedis
	private RedisTestSupport redis;

	private final List<RedisEventBusConsumer> consumers = new ArrayList<>();

	private final Map<String, AtomicLong> lost = new ConcurrentHashMap<>();

	private String stream;

	@BeforeEach
	void setUp() {
		this.stream = this.redis.uniqueStream("loss");
	}

	@AfterEach
	void tearDown() {
		this.consumers.forEach((consumer) -> consumer.stop(Duration.ofSeconds(10)));
	}

	@Test
	void entriesTrimmedWhileTheGroupWasAwayAreCountedAndLoggedWhenTheWorkerStarts() {
		send(0, 5);
		createGroupAtStart();
		readAndAcknowledge("earlier", 2);
		List<String> kept = addTrimmingTo(3, 20);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		try (LogCapture log = new LogCapture(RedisStreamMessageSource.class)) {
			start(settings("c1"), dispatcher);

			await().atMost(WAIT).until(() -> dispatcher.total() == 3);
			// 25 added, 2 read before, 3 retained: 20 were trimmed before the group read them.
			await().atMost(WAIT).until(() -> lost(RedisStreamMessageSource.TRIMMED_BEFORE_READ) == 20);
			assertThat(log.messages(Level.ERROR)).singleElement()
				.asString()
				.contains("Lost 20 entries of " + this.stream)
				.contains("group " + GROUP)
				.contains("before " + kept.get(0) + " (the stream's first entry)");
		}
		assertThat(this.lost).containsOnlyKeys(RedisStreamMessageSource.TRIMMED_BEFORE_READ);
	}

	@Test
	void entriesTrimmedWhileTheWorkerWasBusyAreCountedOnceItCatchesUp() throws Exception {
		CountDownLatch busy = new CountDownLatch(1);
		RecordingDispatcher dispatcher = new RecordingDispatcher();
		RedisConsumerSettings settings = settings("c1").withBatchSize(1);
		RedisEventBusConsumer consumer = start(settings, (event) -> {
			busy.await(30, TimeUnit.SECONDS);
			dispatcher.dispatch(event);
		});
		await().atMost(WAIT).until(() -> consumer.status().lastPolledAt() != null);
		send(0, 1);
		// While the listener holds the first entry, the producers add 30 more and trim the stream to 5.
		await().atMost(WAIT).until(() -> this.redis.pendingCount(this.stream, GROUP) == 1);
		addTrimmingTo(5, 30);

		busy.countDown();

		// The worker reads the 5 retained entries and crosses the gap of 25 without noticing; the sweep finds it.
		await().atMost(WAIT).until(() -> dispatcher.total() == 6);
		await().atMost(WAIT).until(() -> lost(RedisStreamMessageSource.TRIMMED_BEFORE_READ) == 25);
	}

	@Test
	void entriesTrimmedAfterADeadConsumerReadThemAreCountedWhenClaimedAndLeaveThePendingList() {
		send(0, 4);
		createGroupAtStart();
		this.redis.raw()
			.xreadgroup(io.lettuce.core.Consumer.from(bytes(GROUP), bytes("dead")), XReadArgs.Builder.count(4),
					XReadArgs.StreamOffset.lastConsumed(bytes(this.stream)));
		this.redis.raw().xtrim(bytes(this.stream), 1);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		start(settings("alive").withClaim(Duration.ofMillis(100), Duration.ofMillis(200)), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.count(3) == 1);
		await().atMost(WAIT).until(() -> lost(RedisStreamMessageSource.TRIMMED_WHILE_PENDING) == 3);
		await().atMost(WAIT).until(() -> this.redis.pendingCount(this.stream, GROUP) == 0);
		assertThat(this.redis.xlen(RedisDeadLetterRecoverer.deadLetterStream(this.stream))).isZero();
	}

	@Test
	void ownPendingEntriesTrimmedBeforeARestartAreCountedAcknowledgedAndNotDeadLettered() {
		send(0, 4);
		createGroupAtStart();
		this.redis.raw()
			.xreadgroup(io.lettuce.core.Consumer.from(bytes(GROUP), bytes("c1")), XReadArgs.Builder.count(4),
					XReadArgs.StreamOffset.lastConsumed(bytes(this.stream)));
		this.redis.raw().xtrim(bytes(this.stream), 1);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		try (LogCapture log = new LogCapture(RedisStreamMessageSource.class)) {
			RedisEventBusConsumer consumer = start(settings("c1"), dispatcher);

			await().atMost(WAIT).until(() -> dispatcher.count(3) == 1);
			await().atMost(WAIT).until(() -> lost(RedisStreamMessageSource.TRIMMED_WHILE_PENDING) == 3);
			await().atMost(WAIT).until(() -> this.redis.pendingCount(this.stream, GROUP) == 0);
			assertThat(consumer.status().failed()).isZero();
			assertThat(log.messages(Level.ERROR)).anySatisfy((message) -> assertThat(message)
				.contains("Lost 3 entries of " + this.stream)
				.contains("read but trimmed"));
		}
		assertThat(this.redis.xlen(RedisDeadLetterRecoverer.deadLetterStream(this.stream))).isZero();
	}

	@Test
	void aGroupThatKeepsUpLosesNothing() {
		RecordingDispatcher dispatcher = new RecordingDispatcher();
		RedisEventBusConsumer consumer = start(settings("c1"), dispatcher);
		await().atMost(WAIT).until(() -> consumer.status().lastPolledAt() != null);

		for (int round = 0; round < 5; round++) {
			addTrimmingTo(20, 10);
			int expected = 10 * (round + 1);
			await().atMost(WAIT).until(() -> dispatcher.total() == expected);
		}

		await().atMost(WAIT).until(() -> this.redis.pendingCount(this.stream, GROUP) == 0);
		assertThat(this.lost).isEmpty();
	}

	/** Add pings, each trimming the stream to {@code maxLength} entries exactly; returns the ids retained. */
	private List<String> addTrimmingTo(long maxLength, int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			EventsMetadata metadata = EventsMetadata.builder(TestEvents.PING).build();
			Map<byte[], byte[]> fields = new LinkedHashMap<>();
			fields.put(bytes("type"), bytes(metadata.eventType()));
			fields.put(bytes("id"), bytes(metadata.id().toString()));
			fields.put(bytes("source"), bytes(metadata.source()));
			fields.put(bytes("time"), bytes(metadata.timeText()));
			fields.put(bytes("minorversion"), bytes("0"));
			fields.put(bytes("sourcehost"), bytes(metadata.sourceHost()));
			fields.put(bytes("sourcelib"), bytes(metadata.sourceLibText()));
			fields.put(bytes("event_data"), TestEvents.codec().encode(TestEvents.PING, TestEvents.ping(100 + i).data()));
			ids.add(this.redis.raw()
				.xadd(bytes(this.stream), XAddArgs.Builder.maxlen(maxLength).exactTrimming(), fields));
		}
		return ids.subList(ids.size() - (int) Math.min(maxLength, count), ids.size());
	}

	private void readAndAcknowledge(String consumerName, int count) {
		List<io.lettuce.core.StreamMessage<byte[], byte[]>> read = this.redis.raw()
			.xreadgroup(io.lettuce.core.Consumer.from(bytes(GROUP), bytes(consumerName)),
					XReadArgs.Builder.count(count), XReadArgs.StreamOffset.lastConsumed(bytes(this.stream)));
		this.redis.raw()
			.xack(bytes(this.stream), bytes(GROUP), read.stream().map((entry) -> entry.getId()).toArray(String[]::new));
	}

	private long lost(String reason) {
		AtomicLong count = this.lost.get(reason);
		return (count != null) ? count.get() : 0;
	}

	private void createGroupAtStart() {
		this.redis.raw()
			.xgroupCreate(XReadArgs.StreamOffset.from(bytes(this.stream), "0-0"), bytes(GROUP),
					io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
	}

	private List<SendReceipt> send(long from, int count) {
		RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, TestEvents.codec(),
				RedisProducerSettings.defaults());
		List<SendReceipt> receipts = new ArrayList<>();
		for (long sequence = from; sequence < from + count; sequence++) {
			receipts.add(producer.send(this.stream, null, TestEvents.ping(sequence))
				.orTimeout(30, TimeUnit.SECONDS)
				.join());
		}
		return receipts;
	}

	private RedisConsumerSettings settings(String consumerName) {
		RedisConsumerSettings defaults = RedisConsumerSettings.of(this.stream, GROUP)
			.withConsumerName(consumerName)
			.withClaim(Duration.ofMinutes(10), Duration.ofMillis(200))
			.withFailurePolicy(FailurePolicy.DEAD_LETTER);
		ConsumerSettings worker = defaults.worker()
			.withPollTimeout(Duration.ofMillis(200))
			.withPollFailureSleep(Duration.ofMillis(100));
		return defaults.withWorker(worker);
	}

	private RedisEventBusConsumer start(RedisConsumerSettings settings, EventDispatcher dispatcher) {
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory, settings, TestEvents.CATALOG,
				TestEvents.codec(), EventOrigin.forService("loss-tests"), dispatcher, new ConsumerObserver() {
					@Override
					public void lost(ConsumerSettings worker, String reason, long count) {
						RedisStreamLossTests.this.lost.computeIfAbsent(reason, (key) -> new AtomicLong())
							.addAndGet(count);
					}
				});
		this.consumers.add(consumer);
		consumer.start();
		return consumer;
	}

	private static byte[] bytes(String text) {
		return RedisTestSupport.bytes(text);
	}

}
