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

package dev.openedx.eventbus.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two members of one group whose listener takes 200 ms per event, with batches that take longer than
 * {@code max.poll.interval.ms} (5 s) to handle: neither is evicted, the group's committed offsets advance while the
 * batches are handled, every event is handled once (never by two live members) and in order per key.
 */
class KafkaSlowListenerGroupTests {

	private static final int PARTITIONS = 3;

	private static final int EVENTS = 150;

	private static final int KEYS = 30;

	private static final String TOPIC = "slow-listener";

	private static final String GROUP = "slow-listener-group";

	@KafkaBroker(partitions = PARTITIONS)
	private static EmbeddedKafkaBroker broker;

	@SchemaRegistry
	private static InMemorySchemaRegistry registry;

	@Test
	void twoSlowMembersWithBatchesLongerThanMaxPollIntervalHandleEveryEventOnceInOrderPerKey() throws Exception {
		broker.createTopics(TOPIC);
		AvroEventCodec codec = new AvroEventCodec();
		SchemaRegistryClient registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
		try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
				RawKafka.producerConfig(broker.bootstrapServers()), registryClient, codec)) {
			List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
			for (long i = 0; i < EVENTS; i++) {
				OpenEdxEvent<?> event = TestEvents.event(i, KEYS);
				sends.add(producer.send(TOPIC, TestEvents.keyField(event), event));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		Map<String, Object> config = RawKafka.consumerConfig(broker.bootstrapServers());
		config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 5000);
		// 30 records at 200 ms each: 6 s per batch, over max.poll.interval.ms.
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 30);
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 500);
		Map<Long, List<String>> handledBy = new ConcurrentHashMap<>();
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer first = member(config, "first", codec, registryClient, handledBy, handled);
		KafkaEventBusConsumer second = member(config, "second", codec, registryClient, handledBy, handled);
		first.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() >= 5);
		second.start();
		List<Long> committedSums = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (committedSum() < EVENTS && System.nanoTime() < deadline) {
			long sum = committedSum();
			if (committedSums.isEmpty() || committedSums.get(committedSums.size() - 1) != sum) {
				committedSums.add(sum);
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		first.stop(Duration.ofSeconds(30));
		second.stop(Duration.ofSeconds(30));

		System.out.println("Slow-listener group: committed offsets seen " + committedSums + "; handled by first "
				+ first.status().handled() + ", by second " + second.status().handled());
		assertThat(committedSum()).as("the group committed every offset").isEqualTo(EVENTS);
		assertThat(committedSums).as("commits seen while batches longer than max.poll.interval.ms were handled")
			.hasSizeGreaterThan(10);
		assertThat(handledBy).as("events handled").hasSize(EVENTS);
		handledBy.forEach((sequence, members) -> assertThat(members).as("members that handled event %d", sequence)
			.hasSize(1));
		assertThat(first.status().handled()).isPositive();
		assertThat(second.status().handled()).isPositive();
		Map<String, Long> lastPerKey = new HashMap<>();
		for (OpenEdxEvent<?> event : handled) {
			Long previous = lastPerKey.put(TestEvents.key(event), TestEvents.sequence(event));
			assertThat(previous == null || previous < TestEvents.sequence(event)).as("order of key %s",
					TestEvents.key(event)).isTrue();
		}
		assertThat(first.status().state()).isEqualTo(ConsumerState.STOPPED);
		assertThat(second.status().state()).isEqualTo(ConsumerState.STOPPED);
	}

	private static KafkaEventBusConsumer member(Map<String, Object> config, String name, AvroEventCodec codec,
			SchemaRegistryClient registryClient, Map<Long, List<String>> handledBy, List<OpenEdxEvent<?>> handled) {
		EventDispatcher slow = (event) -> {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
			handledBy.computeIfAbsent(TestEvents.sequence(event), (sequence) -> new CopyOnWriteArrayList<>()).add(name);
			handled.add(event);
		};
		return KafkaEventBusConsumer.create(config,
				ConsumerSettings.defaults("kafka", TOPIC, GROUP).withName(name).withPollTimeout(Duration.ofMillis(100)),
				new KafkaMessageDecoder(TestEvents.CATALOG, codec, registryClient, TestEvents.ORIGIN), slow,
				FailureRecoverer.logAndSkip(), ConsumerObserver.composite(List.of()));
	}

	private static long committedSum() throws Exception {
		return RawKafka.committed(broker.bootstrapServers(), GROUP, TOPIC).values().stream()
			.mapToLong(Long::longValue).sum();
	}

}
