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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.DeadLetterReplayRequest;
import dev.openedx.eventbus.consumer.DeadLetterReplayResult;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter.Outcome;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.LogCapture;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replaying dead letters against a real in-process KRaft broker: events dead-lettered by a worker whose listener
 * fails are published back to their topic byte for byte and handled once by the same worker once its listener
 * succeeds; a second run replays nothing; dry runs send nothing; ids, times and groups select.
 */
class KafkaDeadLetterReplayerTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final AvroEventCodec codec = new AvroEventCodec();

	@KafkaBroker(partitions = 2)
	private static EmbeddedKafkaBroker broker;

	@SchemaRegistry
	private static InMemorySchemaRegistry registry;

	private static SchemaRegistryClient registryClient;

	private static KafkaEventBusProducer producer;

	private static KafkaDeadLetterReplayer replayer;

	private final List<KafkaEventBusConsumer> workers = new ArrayList<>();

	private final List<AutoCloseable> closing = new ArrayList<>();

	@BeforeAll
	static void start() {
		registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
		producer = KafkaEventBusProducer.create(RawKafka.producerConfig(broker.bootstrapServers()), registryClient,
				codec);
		replayer = KafkaDeadLetterReplayer.create(RawKafka.consumerConfig(broker.bootstrapServers()),
				RawKafka.producerConfig(broker.bootstrapServers()));
	}

	@AfterAll
	static void stop() throws Exception {
		replayer.close();
		producer.close();
	}

	@AfterEach
	void stopWorkers() throws Exception {
		for (KafkaEventBusConsumer worker : this.workers) {
			worker.stop(WAIT);
		}
		for (AutoCloseable resource : this.closing) {
			resource.close();
		}
	}

	@Test
	void deadLettersAreReplayedOnceWithTheirOriginalKeyValueAndHeadersAndHandledOnceWhenTheListenerSucceeds()
			throws Exception {
		String topic = "replay-all";
		broker.createTopics(topic);
		for (long i = 0; i < 4; i++) {
			OpenEdxEvent<?> event = TestEvents.event(i, 3);
			producer.send(topic, TestEvents.keyField(event), event).get(30, TimeUnit.SECONDS);
		}
		AtomicBoolean failing = new AtomicBoolean(true);
		Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
		startWorker(topic, "replay-all-group", (event) -> {
			if (failing.get()) {
				throw new IllegalStateException("Listener down for " + TestEvents.sequence(event));
			}
			handled.computeIfAbsent(TestEvents.sequence(event), (key) -> new AtomicInteger()).incrementAndGet();
		});
		List<ConsumerRecord<byte[], byte[]>> deadLetters = RawKafka.readAll(broker.bootstrapServers(), topic + "-dlt",
				4);
		assertThat(deadLetters).hasSize(4);
		List<ConsumerRecord<byte[], byte[]>> originals = RawKafka.readAll(broker.bootstrapServers(), topic, 4);

		failing.set(false);
		DeadLetterReplayResult first;
		try (LogCapture log = new LogCapture(KafkaDeadLetterReplayer.class)) {
			first = replayer.replay(DeadLetterReplayRequest.all(topic));
			assertThat(log.messages(Level.INFO)).filteredOn((line) -> line.startsWith("Replayed dead letter "))
				.hasSize(4)
				.allSatisfy((line) -> assertThat(line).matches("Replayed dead letter replay-all-dlt-\\d@\\d+ \\("
						+ "org\\.test\\.kafka\\.\\w+\\.v1 id=[0-9a-f-]{36}, handler_error\\) to replay-all-\\d@\\d+"));
			assertThat(log.messages(Level.INFO)).last()
				.isEqualTo("Replay of dead letters: replayed 4 of 4 selected dead letter(s) of replay-all-dlt (4 read) "
						+ "to replay-all; 0 already replayed, 0 not replayable");
		}
		assertThat(first.letters()).extracting(ReplayedDeadLetter::outcome).containsOnly(Outcome.REPLAYED);
		assertThat(first.letters()).extracting(ReplayedDeadLetter::group).containsOnly("replay-all-group");

		await().atMost(WAIT).until(() -> handled.size() == 4);
		List<ConsumerRecord<byte[], byte[]>> all = RawKafka.readAll(broker.bootstrapServers(), topic, 8);
		assertThat(all).hasSize(8);
		Map<String, ConsumerRecord<byte[], byte[]>> originalById = byEventId(originals);
		List<ConsumerRecord<byte[], byte[]>> replays = new ArrayList<>(all);
		replays.removeIf((record) -> originals.stream()
			.anyMatch((original) -> original.partition() == record.partition() && original.offset() == record.offset()));
		assertThat(replays).hasSize(4);
		for (ConsumerRecord<byte[], byte[]> replay : replays) {
			ConsumerRecord<byte[], byte[]> original = originalById.get(text(replay, CloudEventHeaders.ID));
			assertThat(replay.key()).isEqualTo(original.key());
			assertThat(replay.value()).isEqualTo(original.value());
			assertThat(replay.partition()).isEqualTo(original.partition());
			assertThat(headers(replay)).hasSameSizeAs(headers(original));
			for (int h = 0; h < headers(original).size(); h++) {
				assertThat(headers(replay).get(h).key()).isEqualTo(headers(original).get(h).key());
				assertThat(headers(replay).get(h).value()).isEqualTo(headers(original).get(h).value());
			}
			assertThat(headers(replay)).noneMatch((header) -> header.key().startsWith("kafka_dlt-")
					|| header.key().startsWith("eventbus_dlt-"));
		}

		DeadLetterReplayResult second = replayer.replay(DeadLetterReplayRequest.all(topic));
		assertThat(second.letters()).hasSize(4)
			.extracting(ReplayedDeadLetter::outcome)
			.containsOnly(Outcome.ALREADY_REPLAYED);
		assertThat(RawKafka.endOffsets(broker.bootstrapServers(), topic, 2).values().stream().mapToLong(Long::longValue)
			.sum()).isEqualTo(8);
		assertThat(handled).allSatisfy((sequence, count) -> assertThat(count).as("ping %d", sequence).hasValue(1));
		assertThat(handled).containsOnlyKeys(0L, 1L, 2L, 3L);
	}

	@Test
	void aDryRunSendsNothingAndIdsTimesAndGroupsSelectWhatIsReplayed() throws Exception {
		String topic = "replay-select";
		broker.createTopics(topic);
		Instant start = Instant.parse("2026-03-01T10:00:00Z");
		List<String> eventIds = publishAt(topic, start, 4);
		KafkaEventBusConsumer worker = startWorker(topic, "replay-select-group", (event) -> {
			throw new IllegalStateException("Listener down");
		});
		List<ConsumerRecord<byte[], byte[]>> deadLetters = RawKafka.readAll(broker.bootstrapServers(), topic + "-dlt",
				4);
		assertThat(deadLetters).hasSize(4);
		// Stopped, so that the replays are not dead-lettered again while the selection is checked.
		worker.stop(WAIT);
		Map<String, ConsumerRecord<byte[], byte[]>> letterById = byEventId(deadLetters);

		DeadLetterReplayResult dryRun = replayer
			.replay(new DeadLetterReplayRequest(topic, Set.of(), null, null, null, true, false));
		assertThat(dryRun.letters()).hasSize(4).extracting(ReplayedDeadLetter::outcome).containsOnly(Outcome.WOULD_REPLAY);
		assertThat(dryRun.letters()).extracting(ReplayedDeadLetter::time)
			.containsExactlyInAnyOrder(start, start.plusSeconds(60), start.plusSeconds(120), start.plusSeconds(180));
		assertThat(endOffsetSum(topic)).isEqualTo(4);
		assertThat(endOffsetSum(topic + "-dlt-replayed")).isZero();

		ConsumerRecord<byte[], byte[]> byCoordinates = letterById.get(eventIds.get(0));
		DeadLetterReplayResult byIds = replayer.replay(new DeadLetterReplayRequest(topic,
				Set.of(byCoordinates.partition() + "@" + byCoordinates.offset(), eventIds.get(1)), null, null, null,
				false, false));
		assertThat(byIds.letters()).extracting(ReplayedDeadLetter::eventId)
			.containsExactlyInAnyOrder(eventIds.get(0), eventIds.get(1));
		assertThat(byIds.letters()).extracting(ReplayedDeadLetter::outcome).containsOnly(Outcome.REPLAYED);

		DeadLetterReplayResult byTime = replayer.replay(new DeadLetterReplayRequest(topic, Set.of(),
				start.plusSeconds(120), start.plusSeconds(180), null, false, false));
		assertThat(byTime.letters()).singleElement().satisfies((letter) -> {
			assertThat(letter.eventId()).isEqualTo(eventIds.get(2));
			assertThat(letter.outcome()).isEqualTo(Outcome.REPLAYED);
		});

		DeadLetterReplayResult otherGroup = replayer
			.replay(new DeadLetterReplayRequest(topic, Set.of(), null, null, "another-group", false, false));
		assertThat(otherGroup.letters()).isEmpty();
		assertThat(otherGroup.scanned()).isEqualTo(4);

		DeadLetterReplayResult rest = replayer.replay(new DeadLetterReplayRequest(topic, Set.of(), null, null,
				"replay-select-group", false, false));
		assertThat(rest.letters()).filteredOn((letter) -> letter.outcome() == Outcome.REPLAYED)
			.singleElement()
			.satisfies((letter) -> assertThat(letter.eventId()).isEqualTo(eventIds.get(3)));
		assertThat(rest.count(Outcome.ALREADY_REPLAYED)).isEqualTo(3);
		assertThat(endOffsetSum(topic)).isEqualTo(8);
		assertThat(replayer.replay(DeadLetterReplayRequest.all(topic)).count(Outcome.ALREADY_REPLAYED)).isEqualTo(4);

		DeadLetterReplayResult forcedDryRun = replayer
			.replay(new DeadLetterReplayRequest(topic, Set.of(eventIds.get(0)), null, null, null, true, true));
		assertThat(forcedDryRun.letters()).singleElement()
			.satisfies((letter) -> assertThat(letter.outcome()).isEqualTo(Outcome.WOULD_REPLAY));
		assertThat(endOffsetSum(topic)).isEqualTo(8);
	}

	/** Publishes events one minute apart from the given time: copies of the producer's records, timestamps set. */
	private List<String> publishAt(String topic, Instant start, int count) throws Exception {
		String scratch = topic + "-source";
		broker.createTopics(scratch);
		for (long i = 0; i < count; i++) {
			OpenEdxEvent<?> event = TestEvents.event(i, 3);
			producer.send(scratch, TestEvents.keyField(event), event).get(30, TimeUnit.SECONDS);
		}
		List<ConsumerRecord<byte[], byte[]>> sources = RawKafka.readAll(broker.bootstrapServers(), scratch, count);
		sources.sort((a, b) -> Long.compare(sequence(a), sequence(b)));
		List<String> ids = new ArrayList<>();
		try (KafkaProducer<byte[], byte[]> raw = RawKafka.producer(broker.bootstrapServers())) {
			for (int i = 0; i < count; i++) {
				ConsumerRecord<byte[], byte[]> source = sources.get(i);
				raw.send(new ProducerRecord<>(topic, null, start.plusSeconds(60L * i).toEpochMilli(), source.key(),
						source.value(), source.headers())).get(30, TimeUnit.SECONDS);
				ids.add(text(source, CloudEventHeaders.ID));
			}
		}
		return ids;
	}

	private long sequence(ConsumerRecord<byte[], byte[]> record) {
		OpenEdxEvent<?> event = new KafkaMessageDecoder(TestEvents.CATALOG, codec, registryClient, TestEvents.ORIGIN)
			.decode(new KafkaInboundMessage(record));
		return TestEvents.sequence(event);
	}

	private KafkaEventBusConsumer startWorker(String topic, String group, EventDispatcher dispatcher) {
		KafkaDeadLetterRecoverer deadLetters = KafkaDeadLetterRecoverer
			.create(RawKafka.producerConfig(broker.bootstrapServers()), group);
		this.closing.add(deadLetters);
		KafkaEventBusConsumer worker = KafkaEventBusConsumer.create(RawKafka.consumerConfig(broker.bootstrapServers()),
				ConsumerSettings.defaults("kafka", topic, group)
					.withPollTimeout(Duration.ofMillis(100))
					.withPollFailureSleep(Duration.ofMillis(100)),
				new KafkaMessageDecoder(TestEvents.CATALOG, codec, registryClient,
						TestEvents.ORIGIN), dispatcher, deadLetters, ConsumerObserver.composite(List.of()));
		this.workers.add(worker);
		worker.start();
		return worker;
	}

	private static long endOffsetSum(String topic) throws Exception {
		try (var admin = org.apache.kafka.clients.admin.Admin
			.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
			if (!admin.listTopics().names().get().contains(topic)) {
				return 0;
			}
		}
		return RawKafka.endOffsets(broker.bootstrapServers(), topic, 2).values().stream().mapToLong(Long::longValue)
			.sum();
	}

	private static Map<String, ConsumerRecord<byte[], byte[]>> byEventId(List<ConsumerRecord<byte[], byte[]>> records) {
		Map<String, ConsumerRecord<byte[], byte[]>> byId = new HashMap<>();
		records.forEach((record) -> byId.put(text(record, CloudEventHeaders.ID), record));
		return byId;
	}

	private static List<Header> headers(ConsumerRecord<byte[], byte[]> record) {
		return List.of(record.headers().toArray());
	}

	private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
		return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
	}

}
