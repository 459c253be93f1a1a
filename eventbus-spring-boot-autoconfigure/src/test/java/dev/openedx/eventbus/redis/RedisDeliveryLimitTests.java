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
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.redis.RedisTestSupport.RawEntry;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XReadArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery limit against the build's redis-server: an entry that consumers took and never acknowledged (they
 * crashed on it: simulated by reading it as a consumer that then vanishes, and claiming it to the next one) is
 * dead-lettered as {@code delivery_limit} once it is delivered more than five times, without reaching the
 * listeners; below the limit it is handled as usual, whether claimed or re-read by its own consumer after a restart.
 */
class RedisDeliveryLimitTests {

	private static final String GROUP = "limit-group";

	private static final Duration WAIT = Duration.ofSeconds(60);

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	@LocalRedis
	private RedisTestSupport redis;

	private final List<RedisEventBusConsumer> consumers = new ArrayList<>();

	private String stream;

	@BeforeEach
	void setUp() {
		this.stream = this.redis.uniqueStream("limit");
	}

	@AfterEach
	void tearDown() {
		this.consumers.forEach((consumer) -> consumer.stop(Duration.ofSeconds(10)));
	}

	@Test
	void anEntryFiveCrashedConsumersTookIsDeadLetteredWithoutReachingTheListeners() {
		List<SendReceipt> sent = send(0, 3);
		String poison = sent.get(1).position();
		crashOn(poison, 5);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		RedisEventBusConsumer alive = start(claimingSoon("alive"), dispatcher);

		String deadLetters = RedisDeadLetterRecoverer.deadLetterStream(this.stream);
		await().atMost(WAIT).until(() -> this.redis.xlen(deadLetters) == 1);
		await().atMost(WAIT).until(() -> this.redis.pendingCount(this.stream, GROUP) == 0);
		// Entry 0 was handled by the first crashed consumer before it took the poison.
		assertThat(dispatcher.counts()).containsOnlyKeys(2L);
		assertThat(alive.status().failures()).containsEntry(FailureKind.DELIVERY_LIMIT, 1L);
		RawEntry letter = this.redis.rawXrange(deadLetters).get(0);
		assertThat(letter.text(RedisDeadLetterRecoverer.ORIGINAL_ID)).isEqualTo(poison);
		assertThat(letter.text(RedisDeadLetterRecoverer.FAILURE_KIND)).isEqualTo("delivery_limit");
		assertThat(letter.text(RedisDeadLetterRecoverer.EXCEPTION_MESSAGE)).contains("delivered 5 times")
			.contains("eventbus.consumer.redis.max-deliveries=5");
	}

	@Test
	void theLimitIsTheWorkersMaxDeliveries() {
		List<SendReceipt> sent = send(0, 2);
		crashOn(sent.get(0).position(), 2);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		RedisEventBusConsumer alive = start(claimingSoon("alive").withMaxDeliveries(2), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.count(1) == 1 && alive.status().failed() == 1);
		assertThat(alive.status().failures()).containsEntry(FailureKind.DELIVERY_LIMIT, 1L);
		assertThat(alive.status().lastError()).contains("max-deliveries=2").contains(sent.get(0).position());
	}

	@Test
	void anEntryDeliveredFewerTimesThanTheLimitIsStillHandedToTheListeners() {
		List<SendReceipt> sent = send(0, 3);
		crashOn(sent.get(1).position(), 4);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		RedisEventBusConsumer alive = start(claimingSoon("alive"), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.count(1) == 1 && dispatcher.count(2) == 1);
		await().atMost(WAIT).until(() -> this.redis.pendingCount(this.stream, GROUP) == 0);
		assertThat(alive.status().failed()).isZero();
		assertThat(this.redis.xlen(RedisDeadLetterRecoverer.deadLetterStream(this.stream))).isZero();
	}

	@Test
	void anEntryItsOwnConsumerCrashedOnFiveTimesIsDeadLetteredWhenItRestarts() {
		List<SendReceipt> sent = send(0, 2);
		createGroupAtStart();
		// Consumer c1 read the first entry and crashed, then crashed again each time it re-read it after a restart.
		io.lettuce.core.Consumer<byte[]> c1 = io.lettuce.core.Consumer.from(bytes(GROUP), bytes("c1"));
		this.redis.raw().xreadgroup(c1, XReadArgs.Builder.count(1), XReadArgs.StreamOffset.lastConsumed(key()));
		for (int restart = 0; restart < 4; restart++) {
			this.redis.raw().xreadgroup(c1, XReadArgs.Builder.count(1), XReadArgs.StreamOffset.from(key(), "0"));
		}
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		// Claiming is far off: only re-reading its own pending entries delivers the first one again.
		RedisEventBusConsumer restarted = start(settings("c1"), dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 1 && restarted.status().failed() == 1);
		assertThat(dispatcher.counts()).containsOnlyKeys(1L);
		List<RawEntry> letters = this.redis.rawXrange(RedisDeadLetterRecoverer.deadLetterStream(this.stream));
		assertThat(letters).singleElement()
			.satisfies((letter) -> assertThat(letter.text(RedisDeadLetterRecoverer.ORIGINAL_ID))
				.isEqualTo(sent.get(0).position()))
			.satisfies((letter) -> assertThat(letter.text(RedisDeadLetterRecoverer.FAILURE_KIND))
				.isEqualTo("delivery_limit"));
	}

	/**
	 * Consumers {@code crashed-1..n} each took the entry (the first read it, the others claimed it from the one
	 * before) and vanished without acknowledging it: the group counts {@code n} deliveries.
	 */
	private void crashOn(String id, int deliveries) {
		createGroupAtStart();
		this.redis.raw()
			.xreadgroup(io.lettuce.core.Consumer.from(bytes(GROUP), bytes("crashed-1")),
					XReadArgs.Builder.count(1), XReadArgs.StreamOffset.from(key(), ">"));
		// Only the first entry was read: the entries before the poison are acknowledged by the crashed one.
		List<String> before = this.redis.xrange(this.stream)
			.stream()
			.map((entry) -> entry.getId())
			.filter((entryId) -> StreamLossDetector.compare(entryId, id) < 0)
			.toList();
		if (!before.isEmpty()) {
			this.redis.raw().xack(key(), bytes(GROUP), before.toArray(new String[0]));
			this.redis.raw()
				.xreadgroup(io.lettuce.core.Consumer.from(bytes(GROUP), bytes("crashed-1")),
						XReadArgs.Builder.count(1), XReadArgs.StreamOffset.from(key(), ">"));
		}
		for (int claim = 2; claim <= deliveries; claim++) {
			this.redis.raw()
				.xclaim(key(), io.lettuce.core.Consumer.from(bytes(GROUP), bytes("crashed-" + claim)),
						XClaimArgs.Builder.minIdleTime(0), id);
		}
		assertThat(this.redis.raw()
			.xpending(key(), bytes(GROUP), io.lettuce.core.Range.create(id, id), io.lettuce.core.Limit.from(1)))
			.singleElement()
			.satisfies((pending) -> assertThat(pending.getRedeliveryCount()).isEqualTo(deliveries));
	}

	private void createGroupAtStart() {
		this.redis.raw()
			.xgroupCreate(XReadArgs.StreamOffset.from(key(), "0-0"), bytes(GROUP),
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

	private RedisConsumerSettings claimingSoon(String consumerName) {
		return settings(consumerName).withClaim(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	private RedisConsumerSettings settings(String consumerName) {
		RedisConsumerSettings defaults = RedisConsumerSettings.of(this.stream, GROUP)
			.withConsumerName(consumerName)
			.withFailurePolicy(FailurePolicy.DEAD_LETTER);
		ConsumerSettings worker = defaults.worker()
			.withPollTimeout(Duration.ofMillis(200))
			.withPollFailureSleep(Duration.ofMillis(100));
		return defaults.withWorker(worker);
	}

	private RedisEventBusConsumer start(RedisConsumerSettings settings, RecordingDispatcher dispatcher) {
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory, settings, TestEvents.CATALOG,
				TestEvents.codec(), EventOrigin.forService("limit-tests"), dispatcher, new ConsumerObserver() {
				});
		this.consumers.add(consumer);
		consumer.start();
		return consumer;
	}

	private byte[] key() {
		return bytes(this.stream);
	}

	private static byte[] bytes(String text) {
		return RedisTestSupport.bytes(text);
	}

}
