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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.LogCapture;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka source against a real broker, without the worker: paused polls keep the member in its group and return
 * nothing, handled prefixes are committed as they grow, a revoked partition leaves the batch with its handled prefix
 * committed, and records polled but not acknowledged are read again.
 */
class KafkaMessageSourceTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@KafkaBroker(partitions = 2)
	private static EmbeddedKafkaBroker broker;

	@Test
	void pausedPollsKeepTheMemberPastMaxPollIntervalAndReturnNothing() throws Exception {
		String topic = "keep-alive";
		broker.createTopics(1, topic);
		send(topic, 0, 40);
		Map<String, Object> config = config("keep-alive-group");
		config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 2000);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
		List<Consumer<byte[], byte[]>> clients = new ArrayList<>();
		KafkaMessageSource source = source(topic, "keep-alive-group", config, clients);
		source.open();
		List<KafkaInboundMessage> batch = pollUntilRecords(source);
		assertThat(offsets(batch)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
		Consumer<byte[], byte[]> client = clients.get(0);
		ConsumerGroupMetadata before = client.groupMetadata();
		// Twice max.poll.interval.ms on one batch: a member that did not poll would be evicted meanwhile.
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4500);
		while (System.nanoTime() < until) {
			source.keepAlive();
			assertThat(client.paused()).as("partitions paused after a keep-alive").isEmpty();
			TimeUnit.MILLISECONDS.sleep(100);
		}
		assertThat(client.groupMetadata().memberId()).isEqualTo(before.memberId());
		assertThat(client.groupMetadata().generationId()).as("no rebalance").isEqualTo(before.generationId());
		batch.forEach(source::acknowledge);
		List<KafkaInboundMessage> next = pollUntilRecords(source);
		assertThat(offsets(next)).as("the records after the batch, none skipped by the paused polls")
			.startsWith(10L, 11L);
		assertThat(client.groupMetadata().generationId()).isEqualTo(before.generationId());
		source.close();
		assertThat(RawKafka.committed(broker.bootstrapServers(), "keep-alive-group", topic)).containsEntry(0, 10L);
	}

	@Test
	void theHandledPrefixIsCommittedWhileTheBatchIsStillBeingHandled() throws Exception {
		String topic = "prefix-commit";
		broker.createTopics(1, topic);
		send(topic, 0, 300);
		Map<String, Object> config = config("prefix-group");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 300);
		KafkaMessageSource source = source(topic, "prefix-group", config, new ArrayList<>());
		source.open();
		// Each poll reads again what the previous one returned and was not acknowledged: wait for a whole batch.
		List<KafkaInboundMessage> batch = pollUntil(source, (records) -> records.size() == 300);
		// 150 quick acknowledgements: a commit is sent after at most 100, without waiting for the end of the batch.
		batch.subList(0, 150).forEach(source::acknowledge);
		await().atMost(WAIT).until(() -> committed(topic, "prefix-group") >= 100);
		// A slow one: committed once 50 ms have passed since the last commit.
		TimeUnit.MILLISECONDS.sleep(60);
		source.acknowledge(batch.get(150));
		await().atMost(WAIT).until(() -> committed(topic, "prefix-group") == 151);
		source.close();
	}

	@Test
	void aPartitionRevokedDuringAPausedPollLeavesTheBatchWithItsHandledPrefixCommitted() throws Exception {
		String topic = "revoked";
		broker.createTopics(2, topic);
		send(topic, 0, 40);
		send(topic, 1, 40);
		Map<String, Object> config = config("revoked-group");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 80);
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 100);
		KafkaMessageSource first = source(topic, "revoked-group", config, new ArrayList<>());
		first.open();
		List<KafkaInboundMessage> batch = pollUntil(first, (records) -> partitionsOf(records) == 2);
		List<KafkaInboundMessage> handledByFirst = new ArrayList<>();
		var iterator = batch.iterator();
		for (int i = 0; i < 5; i++) {
			KafkaInboundMessage message = iterator.next();
			first.acknowledge(message);
			handledByFirst.add(message);
		}
		Map<Integer, Long> prefix = nextOffsets(handledByFirst);
		// A second member joins: the first takes part in the rebalance through its paused polls alone.
		List<KafkaInboundMessage> bySecond = new ArrayList<>();
		KafkaMessageSource second = source(topic, "revoked-group", config, new ArrayList<>());
		try (LogCapture logs = new LogCapture(KafkaMessageSource.class)) {
			second.open();
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (bySecond.isEmpty() && System.nanoTime() < deadline) {
				first.keepAlive();
				bySecond.addAll(second.poll(Duration.ofMillis(100)));
			}
			assertThat(logs.messages(Level.WARN)).as("records returned by a paused poll").isEmpty();
		}
		assertThat(bySecond).as("records the second member got").isNotEmpty();
		int partition = bySecond.get(0).record().partition();
		assertThat(bySecond.get(0).record().offset()).as("the second member starts at the first one's handled prefix")
			.isEqualTo(prefix.getOrDefault(partition, 0L));
		List<KafkaInboundMessage> rest = new ArrayList<>();
		iterator.forEachRemaining(rest::add);
		assertThat(rest).as("what the first member may still handle of its batch")
			.noneMatch((message) -> message.record().partition() == partition);
		assertThat(RawKafka.committed(broker.bootstrapServers(), "revoked-group", topic))
			.containsEntry(partition, prefix.getOrDefault(partition, 0L));
		rest.forEach(first::acknowledge);
		// The partition the first member kept or was given again, paused during the rebalance: read from where it
		// was handled up to, nothing skipped.
		List<KafkaInboundMessage> kept = pollUntilRecords(first);
		assertThat(kept).noneMatch((message) -> message.record().partition() == partition);
		long handledUpTo = nextOffsets(handledByFirst).getOrDefault(kept.get(0).record().partition(), 0L);
		long acknowledgedUpTo = nextOffsets(rest).getOrDefault(kept.get(0).record().partition(), handledUpTo);
		assertThat(kept.get(0).record().offset()).isEqualTo(Math.max(handledUpTo, acknowledgedUpTo));
		second.close();
		first.close();
	}

	@Test
	void recordsPolledButNotAcknowledgedAreReadAgainByTheNextPoll() throws Exception {
		String topic = "unacknowledged";
		broker.createTopics(1, topic);
		send(topic, 0, 20);
		Map<String, Object> config = config("unacknowledged-group");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
		KafkaMessageSource source = source(topic, "unacknowledged-group", config, new ArrayList<>());
		source.open();
		List<KafkaInboundMessage> batch = pollUntilRecords(source);
		batch.subList(0, 3).forEach(source::acknowledge);
		assertThat(offsets(pollUntilRecords(source))).startsWith(3L, 4L, 5L);
		source.close();
	}

	private static KafkaMessageSource source(String topic, String group, Map<String, Object> config,
			List<Consumer<byte[], byte[]>> clients) {
		return new KafkaMessageSource(() -> {
			KafkaConsumer<byte[], byte[]> client = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
					new ByteArrayDeserializer());
			clients.add(client);
			return client;
		}, topic, group, null);
	}

	private static Map<String, Object> config(String group) {
		Map<String, Object> config = new HashMap<>(RawKafka.consumerConfig(broker.bootstrapServers()));
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
		return config;
	}

	private static List<KafkaInboundMessage> pollUntilRecords(KafkaMessageSource source) {
		return pollUntil(source, (records) -> !records.isEmpty());
	}

	private static List<KafkaInboundMessage> pollUntil(KafkaMessageSource source,
			Predicate<List<KafkaInboundMessage>> complete) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			List<KafkaInboundMessage> batch = source.poll(Duration.ofMillis(200));
			if (complete.test(batch)) {
				return batch;
			}
		}
		throw new AssertionError("No such batch within " + WAIT);
	}

	private static void send(String topic, int partition, int count) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = RawKafka.producer(broker.bootstrapServers())) {
			for (int i = 0; i < count; i++) {
				producer.send(new ProducerRecord<>(topic, partition, null, ("v" + i).getBytes(StandardCharsets.UTF_8)));
			}
			producer.flush();
		}
	}

	private static List<Long> offsets(List<KafkaInboundMessage> batch) {
		List<Long> offsets = new ArrayList<>();
		batch.forEach((message) -> offsets.add(message.record().offset()));
		return offsets;
	}

	private static long partitionsOf(List<KafkaInboundMessage> batch) {
		return batch.stream().map((message) -> message.record().partition()).distinct().count();
	}

	private static Map<Integer, Long> nextOffsets(List<KafkaInboundMessage> handled) {
		Map<Integer, Long> next = new HashMap<>();
		handled.forEach((message) -> next.merge(message.record().partition(), message.record().offset() + 1,
				Math::max));
		return next;
	}

	private static long committed(String topic, String group) throws Exception {
		return RawKafka.committed(broker.bootstrapServers(), group, topic).getOrDefault(0, 0L);
	}

}
