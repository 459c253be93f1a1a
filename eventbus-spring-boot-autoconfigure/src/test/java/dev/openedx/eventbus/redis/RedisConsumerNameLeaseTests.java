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
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.event.EventOrigin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two live workers with one consumer name in a group, against the build's redis-server: the second is refused with
 * the reason and the setting to change, and never reads an entry; the first goes on. A worker restarted under the
 * name of one that died (its lease not released) takes over once that lease expires, and a worker stopped cleanly
 * hands its name over at once.
 */
class RedisConsumerNameLeaseTests {

	private static final String GROUP = "lease-group";

	private static final Duration WAIT = Duration.ofSeconds(60);

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	@LocalRedis
	private RedisTestSupport redis;

	private final List<RedisEventBusConsumer> consumers = new ArrayList<>();

	private String stream;

	@BeforeEach
	void setUp() {
		this.stream = this.redis.uniqueStream("lease");
		this.redis.deleteOnClose(ConsumerNameLease.key(this.stream, GROUP, "same"));
	}

	@AfterEach
	void tearDown() {
		this.consumers.forEach((consumer) -> consumer.stop(Duration.ofSeconds(10)));
	}

	@Test
	void aSecondLiveWorkerWithTheSameConsumerNameIsRefusedAndReadsNothing() {
		RecordingDispatcher first = new RecordingDispatcher();
		RedisEventBusConsumer live = start(first);
		await().atMost(WAIT).until(() -> live.status().lastPolledAt() != null);
		RecordingDispatcher second = new RecordingDispatcher();

		RedisEventBusConsumer duplicate = start(second);
		send(0, 20);

		assertThat(duplicate.termination()).succeedsWithin(WAIT).isEqualTo(ConsumerState.FAILED);
		assertThat(duplicate.status().lastError()).contains("Another live worker")
			.contains("consumer name 'same'")
			.contains(GROUP)
			.contains("eventbus.redis.consumer.name");
		await().atMost(WAIT).until(() -> first.distinct() == 20);
		assertThat(second.total()).isZero();
		assertThat(live.status().state()).isEqualTo(ConsumerState.RUNNING);
	}

	@Test
	void aWorkerStoppedCleanlyHandsItsNameOverAtOnce() {
		RedisEventBusConsumer before = start(new RecordingDispatcher());
		await().atMost(WAIT).until(() -> before.status().lastPolledAt() != null);
		before.stop(Duration.ofSeconds(10));
		assertThat(this.redis.raw().exists(RedisTestSupport.bytes(ConsumerNameLease.key(this.stream, GROUP, "same"))))
			.isZero();
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		start(dispatcher);
		send(0, 3);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 3);
	}

	@Test
	void aWorkerRestartedUnderTheNameOfOneThatDiedTakesOverWhenItsLeaseExpires() {
		// The lease a killed worker left behind, never renewed again.
		String key = ConsumerNameLease.key(this.stream, GROUP, "same");
		this.redis.raw()
			.set(RedisTestSupport.bytes(key), RedisTestSupport.bytes("dead-instance:7"),
					io.lettuce.core.SetArgs.Builder.px(2000));
		send(0, 3);
		RecordingDispatcher dispatcher = new RecordingDispatcher();

		RedisEventBusConsumer restarted = start(dispatcher);

		await().atMost(WAIT).until(() -> dispatcher.distinct() == 3);
		assertThat(restarted.status().state()).isEqualTo(ConsumerState.RUNNING);
	}

	private void send(long from, int count) {
		RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, TestEvents.codec(),
				RedisProducerSettings.defaults());
		for (long sequence = from; sequence < from + count; sequence++) {
			producer.send(this.stream, null, TestEvents.ping(sequence)).orTimeout(30, TimeUnit.SECONDS).join();
		}
	}

	private RedisEventBusConsumer start(RecordingDispatcher dispatcher) {
		RedisConsumerSettings defaults = RedisConsumerSettings.of(this.stream, GROUP).withConsumerName("same");
		ConsumerSettings worker = defaults.worker()
			.withPollTimeout(Duration.ofMillis(200))
			.withPollFailureSleep(Duration.ofMillis(100));
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory, defaults.withWorker(worker),
				TestEvents.CATALOG, TestEvents.codec(), EventOrigin.forService("lease-tests"), dispatcher,
				new ConsumerObserver() {
				});
		this.consumers.add(consumer);
		consumer.start();
		return consumer;
	}

}
