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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testing.ConsumerProcess;
import dev.openedx.eventbus.testing.Outcomes;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.PausingRecoverer;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite on Kafka (the {@code fault-suite} Maven profile runs it, the default build does not): a mixed
 * stream with one poison record in ten, of every {@link KafkaPoison} kind, among good events; a consumer process
 * killed with {@code SIGKILL} mid-stream and restarted; the broker stopped and started again mid-stream, while a dead
 * letter is written. Each time every good event is handled, every poison record is dead-lettered with its failure
 * kind, and the worker runs on.
 */
class KafkaFaultSuiteTests {

	private static final int PARTITIONS = 3;

	/** One in ten records is poison. */
	private static final int POISON_EVERY = 10;

	private static final Duration WAIT = Duration.ofSeconds(120);

	/**
	 * The poison the crash and restart tests mix in: what they test is that dead-lettering survives the fault, not
	 * the classification of every kind (the mixed-stream test does that).
	 */
	private static final List<KafkaPoison> SOME_POISON = List.of(KafkaPoison.WRONG_MAGIC_BYTE,
			KafkaPoison.UNKNOWN_SCHEMA_ID, KafkaPoison.UNKNOWN_EVENT_TYPE, KafkaPoison.NULL_VALUE,
			KafkaPoison.MISSING_EVENT_ID);

	private static final AvroEventCodec codec = new AvroEventCodec();

	@KafkaBroker(partitions = PARTITIONS)
	private static EmbeddedKafkaBroker broker;

	@SchemaRegistry
	private static InMemorySchemaRegistry registry;

	private static SchemaRegistryClient registryClient;

	private static KafkaEventBusProducer producer;

	private static KafkaProducer<byte[], byte[]> rawProducer;

	@BeforeAll
	static void start() {
		registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
		producer = KafkaEventBusProducer.create(RawKafka.producerConfig(broker.bootstrapServers()), registryClient,
				codec);
		rawProducer = RawKafka.producer(broker.bootstrapServers());
	}

	@AfterAll
	static void stop() {
		producer.close();
		rawProducer.close();
	}

	@Test
	void aMixedStreamWithPoisonOfEveryKindHasEveryGoodEventHandledAndEveryPoisonRecordDeadLettered()
			throws Exception {
		long started = System.nanoTime();
		String topic = "fault-mixed";
		String group = topic + "-group";
		broker.createTopics(topic);
		List<KafkaPoison> everyKind = List.of(KafkaPoison.values());
		// Ten of each kind.
		MixedStream stream = send(topic, 0, everyKind.size() * POISON_EVERY * 10, everyKind);
		Map<Long, Integer> handled = new ConcurrentHashMap<>();
		ConsumerStatus status;
		try (KafkaDeadLetterRecoverer deadLetters = KafkaDeadLetterRecoverer
			.create(RawKafka.producerConfig(broker.bootstrapServers()), group)) {
			KafkaEventBusConsumer consumer = consumer(topic, group, record(handled), deadLetters);
			consumer.start();
			try {
				awaitCaughtUp(topic, group);
				status = consumer.status();
			}
			finally {
				consumer.stop(WAIT);
			}
		}

		Map<Coordinates, Integer> sizes = new HashMap<>();
		Map<Coordinates, FailureKind> deadLettered = deadLetters(topic, stream.poison().size(), sizes);
		System.out.printf("Fault suite, Kafka mixed stream: %d good and %d poison records of %d kinds; handled %d, "
				+ "dead-lettered %d; %.1f s%n", stream.good().size(), stream.poison().size(), everyKind.size(),
				handled.size(), deadLettered.size(), (System.nanoTime() - started) / 1e9);
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(status.state()).as("the worker still runs after all that poison")
			.isEqualTo(ConsumerState.RUNNING);
		softly.assertThat(byKind(stream, deadLettered)).as("poison dead-lettered, by kind")
			.isEqualTo(expectedByKind(stream));
		softly.assertThat(Outcomes.mismatches(stream.expectedFailures(), deadLettered))
			.as("dead letters by original coordinates: failure kind")
			.isEmpty();
		softly.assertThat(Outcomes.missing(stream.good(), handled.keySet())).as("good events never handled").isEmpty();
		softly.assertThat(Outcomes.missing(handled.keySet(), stream.good()))
			.as("handled, but not sent as good events (poison carries negative sequence numbers)")
			.isEmpty();
		softly.assertThat(handled.values()).as("each handled once").allMatch((times) -> times == 1);
		softly.assertThat(status.failures().values().stream().mapToLong(Long::longValue).sum())
			.as("failures counted")
			.isEqualTo(stream.poison().size());
		stream.poison().forEach((coordinates, kind) -> {
			if (kind == KafkaPoison.LARGE_GARBAGE && deadLettered.containsKey(coordinates)) {
				softly.assertThat(sizes.get(coordinates)).as("the whole %d-byte value in the dead letter of %s",
						KafkaPoison.LARGE_VALUE_BYTES, coordinates)
					.isEqualTo(KafkaPoison.LARGE_VALUE_BYTES);
			}
		});
		softly.assertAll();
	}

	@Test
	void aConsumerProcessKilledMidStreamAndRestartedLosesNothing() throws Exception {
		long started = System.nanoTime();
		String topic = "fault-sigkill";
		String group = topic + "-group";
		broker.createTopics(topic);
		MixedStream stream = send(topic, 0, 3_000, SOME_POISON);
		Map<Long, Integer> handledByVictim;
		try (ConsumerProcess victim = ConsumerProcess.start(CrashTestConsumer.class, broker.bootstrapServers(),
				registry.url(), topic, group, CrashTestConsumer.DEAD_LETTER)) {
			victim.awaitReports(1_000, WAIT);
			victim.kill();
			handledByVictim = Map.copyOf(victim.handled());
		}
		long killed = System.nanoTime();
		// Produced while no consumer runs.
		stream = stream.and(send(topic, 3_000, 1_000, SOME_POISON));

		Map<Long, Integer> handledBySuccessor = new ConcurrentHashMap<>();
		ConsumerStatus status;
		try (KafkaDeadLetterRecoverer deadLetters = KafkaDeadLetterRecoverer
			.create(RawKafka.producerConfig(broker.bootstrapServers()), group)) {
			KafkaEventBusConsumer successor = KafkaEventBusConsumer.create(
					CrashTestConsumer.clientConfig(broker.bootstrapServers()), settings(topic, group), decoder(),
					record(handledBySuccessor), deadLetters, ConsumerObserver.composite(List.of()));
			successor.start();
			try {
				awaitCaughtUp(topic, group);
				status = successor.status();
			}
			finally {
				successor.stop(WAIT);
			}
		}

		Set<Long> handled = new TreeSet<>(handledByVictim.keySet());
		handled.addAll(handledBySuccessor.keySet());
		long twice = handledByVictim.keySet().stream().filter(handledBySuccessor::containsKey).count();
		Map<Coordinates, FailureKind> deadLettered = deadLetters(topic, stream.poison().size());
		System.out.printf("Fault suite, Kafka SIGKILL: the victim handled %d events, the restarted consumer %d; "
				+ "handled twice %d, lost %d; poison %d, dead-lettered %d; %.1f s (victim %.1f s)%n",
				handledByVictim.size(), handledBySuccessor.size(), twice, stream.good().size() - handled.size(),
				stream.poison().size(), deadLettered.size(), (System.nanoTime() - started) / 1e9,
				(killed - started) / 1e9);
		assertThat(handledByVictim).as("the victim was killed mid-stream").hasSizeBetween(1_000,
				stream.good().size() - 1);
		assertThat(Outcomes.missing(stream.good(), handled))
			.as("good events handled neither by the victim nor by its successor")
			.isEmpty();
		assertThat(Outcomes.missing(handled, stream.good())).as("handled, but not sent as good events")
			.isEmpty();
		assertThat(Outcomes.mismatches(stream.expectedFailures(), deadLettered))
			.as("poison not dead-lettered with its failure kind")
			.isEmpty();
		assertThat(status.state()).isEqualTo(ConsumerState.RUNNING);
	}

	@Test
	void threeConsumerProcessesWithOneKilledAndOneAddedMidStreamHandleEveryEvent() throws Exception {
		long started = System.nanoTime();
		String topic = "fault-scale-out";
		String group = topic + "-group";
		broker.createTopics(6, topic);
		MixedStream stream = send(topic, 0, 20_000, SOME_POISON);
		List<ConsumerProcess> members = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				members.add(ConsumerProcess.start(CrashTestConsumer.class, broker.bootstrapServers(), registry.url(),
						topic, group, CrashTestConsumer.DEAD_LETTER));
			}
			ConsumerProcess victim = members.get(0);
			victim.awaitReports(1_500, WAIT);
			victim.kill();
			// A new instance joins while the group rebalances the victim's partitions to the other two.
			members.add(ConsumerProcess.start(CrashTestConsumer.class, broker.bootstrapServers(), registry.url(), topic,
					group, CrashTestConsumer.DEAD_LETTER));
			await("every good event handled by one of the members").atMost(WAIT)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> Outcomes.missing(stream.good(), ConsumerProcess.handledByAny(members)).isEmpty());
			Set<Long> twice = ConsumerProcess.handledMoreThanOnce(members);
			Map<Coordinates, FailureKind> deadLettered = deadLetters(topic, stream.poison().size());
			System.out.printf("Fault suite, Kafka scale-out: 3 consumer processes, one killed after %d events and one "
					+ "added; handled by each: %s; handled twice %d (all by the killed one: %b); poison %d, "
					+ "dead-lettered %d; %.1f s%n", victim.handled().size(),
					members.stream().map((member) -> member.handled().size()).toList(), twice.size(),
					victim.handled().keySet().containsAll(twice), stream.poison().size(), deadLettered.size(),
					(System.nanoTime() - started) / 1e9);
			assertThat(Outcomes.missing(ConsumerProcess.handledByAny(members), stream.good()))
				.as("handled, but not sent as good events")
				.isEmpty();
			assertThat(victim.handled().keySet()).as("duplicates only of events the killed member had handled")
				.containsAll(twice);
			assertThat(twice).as("handled again after the kill: at most what was in flight, not committed yet")
				.hasSizeLessThanOrEqualTo(200);
			assertThat(members.subList(1, members.size())).as("the members still alive, the new one included")
				.allSatisfy((member) -> assertThat(member.isAlive()).isTrue());
			assertThat(members.get(3).handled()).as("the member that joined got partitions").isNotEmpty();
			assertThat(Outcomes.mismatches(stream.expectedFailures(), deadLettered))
				.as("poison not dead-lettered with its failure kind")
				.isEmpty();
		}
		finally {
			for (ConsumerProcess member : members) {
				member.close();
			}
		}
	}

	@Test
	void theBrokerStoppedAndStartedAgainWhileADeadLetterIsWrittenLosesNothingAndTheWorkerRecovers() throws Exception {
		long started = System.nanoTime();
		String topic = "fault-broker-restart";
		String group = topic + "-group";
		broker.createTopics(topic);
		MixedStream stream = send(topic, 0, 2_000, SOME_POISON);
		Map<Long, Integer> handled = new ConcurrentHashMap<>();
		ConsumerStatus status;
		long outage;
		try (KafkaDeadLetterRecoverer deadLetters = KafkaDeadLetterRecoverer
			.create(RawKafka.producerConfig(broker.bootstrapServers()), group)) {
			// The 50th poison record, about 500 records into the stream.
			PausingRecoverer<KafkaInboundMessage> pausing = new PausingRecoverer<>(deadLetters, 50);
			KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(
					RawKafka.consumerConfig(broker.bootstrapServers()), settings(topic, group), decoder(),
					record(handled), pausing, ConsumerObserver.composite(List.of()));
			consumer.start();
			try {
				// The worker holds a poison record, about to dead-letter it: the dead letter goes out while the broker
				// is down.
				pausing.awaitPaused(WAIT);
				long stopping = System.nanoTime();
				broker.stopBroker();
				pausing.release();
				assertThat(consumer.status().state()).as("the worker waits the outage out")
					.isEqualTo(ConsumerState.RUNNING);
				broker.startBroker();
				outage = System.nanoTime() - stopping;
				stream = stream.and(send(topic, 2_000, 1_000, SOME_POISON));
				awaitCaughtUp(topic, group);
				status = consumer.status();
			}
			finally {
				consumer.stop(WAIT);
			}
		}

		Map<Coordinates, FailureKind> deadLettered = deadLetters(topic, stream.poison().size());
		long twice = handled.values().stream().filter((times) -> times > 1).count();
		System.out.printf("Fault suite, Kafka broker restart: %d good events, handled %d (%d twice), poison %d, "
				+ "dead-lettered %d; broker down for %.1f s; %.1f s%n", stream.good().size(), handled.size(), twice,
				stream.poison().size(), deadLettered.size(), outage / 1e9, (System.nanoTime() - started) / 1e9);
		assertThat(Outcomes.missing(stream.good(), handled.keySet())).as("good events never handled").isEmpty();
		assertThat(Outcomes.missing(handled.keySet(), stream.good()))
			.as("handled, but not sent as good events").isEmpty();
		assertThat(Outcomes.mismatches(stream.expectedFailures(), deadLettered))
			.as("poison not dead-lettered with its failure kind")
			.isEmpty();
		assertThat(status.state()).as("the worker recovered").isEqualTo(ConsumerState.RUNNING);
	}

	/**
	 * Send {@code count} records numbered from {@code from}: every {@value #POISON_EVERY}th a poison record of the
	 * next kind in turn (with sequence {@code -1 - n}), the others good events of the three test types.
	 */
	private static MixedStream send(String topic, long from, int count, List<KafkaPoison> kinds) throws Exception {
		KafkaPoison.Wire wire = KafkaPoison.Wire.register(topic, codec, registryClient);
		List<CompletableFuture<SendReceipt>> goodSends = new ArrayList<>();
		Map<Future<RecordMetadata>, KafkaPoison> poisonSends = new LinkedHashMap<>();
		Set<Long> good = new TreeSet<>();
		for (long n = from; n < from + count; n++) {
			if (n % POISON_EVERY == POISON_EVERY - 1) {
				KafkaPoison kind = kinds.get((int) ((n / POISON_EVERY) % kinds.size()));
				poisonSends.put(rawProducer.send(kind.record(wire, -1 - n)), kind);
			}
			else {
				OpenEdxEvent<?> event = TestEvents.event(n, 30);
				goodSends.add(producer.send(topic, TestEvents.keyField(event), event));
				good.add(n);
			}
		}
		CompletableFuture.allOf(goodSends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		Map<Coordinates, KafkaPoison> poison = new HashMap<>();
		for (Map.Entry<Future<RecordMetadata>, KafkaPoison> send : poisonSends.entrySet()) {
			RecordMetadata sent = send.getKey().get(60, TimeUnit.SECONDS);
			poison.put(new Coordinates(sent.partition(), sent.offset()), send.getValue());
		}
		return new MixedStream(good, poison);
	}

	/** The dead letters of a topic, by the coordinates of their original and with their failure kind. */
	private static Map<Coordinates, FailureKind> deadLetters(String topic, int expected) {
		return deadLetters(topic, expected, new HashMap<>());
	}

	/** The dead letters of a topic, and the size of each one's value. */
	private static Map<Coordinates, FailureKind> deadLetters(String topic, int expected,
			Map<Coordinates, Integer> sizes) {
		Map<String, FailureKind> kinds = new HashMap<>();
		for (FailureKind kind : FailureKind.values()) {
			kinds.put(kind.tag(), kind);
		}
		Map<Coordinates, FailureKind> letters = new HashMap<>();
		List<ConsumerRecord<byte[], byte[]>> records = RawKafka.readAll(broker.bootstrapServers(),
				topic + KafkaDeadLetterRecoverer.TOPIC_SUFFIX, expected);
		for (ConsumerRecord<byte[], byte[]> letter : records) {
			Coordinates original = new Coordinates(
					ByteBuffer.wrap(header(letter, "kafka_dlt-original-partition")).getInt(),
					ByteBuffer.wrap(header(letter, "kafka_dlt-original-offset")).getLong());
			String tag = new String(header(letter, KafkaDeadLetterRecoverer.FAILURE_KIND_HEADER),
					StandardCharsets.UTF_8);
			// A dead letter written twice (a crash after writing it, before committing) is the same letter.
			letters.put(original, kinds.get(tag));
			sizes.put(original, (letter.value() != null) ? letter.value().length : -1);
		}
		return letters;
	}

	private static byte[] header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header %s of dead letter %s-%d@%d", name, record.topic(), record.partition(),
				record.offset())
			.isNotNull();
		return header.value();
	}

	/** For each kind of poison: how many were dead-lettered with which failure kinds, or were never. */
	private static Map<KafkaPoison, String> byKind(MixedStream stream, Map<Coordinates, FailureKind> deadLettered) {
		Map<KafkaPoison, Map<String, Integer>> outcomes = new EnumMap<>(KafkaPoison.class);
		stream.poison().forEach((coordinates, kind) -> {
			FailureKind failure = deadLettered.get(coordinates);
			String outcome = (failure != null) ? failure.tag() : "not dead-lettered";
			outcomes.computeIfAbsent(kind, (k) -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
		});
		Map<KafkaPoison, String> summary = new EnumMap<>(KafkaPoison.class);
		outcomes.forEach((kind, counts) -> summary.put(kind, counts.toString()));
		return summary;
	}

	private static Map<KafkaPoison, String> expectedByKind(MixedStream stream) {
		Map<KafkaPoison, Integer> counts = new EnumMap<>(KafkaPoison.class);
		stream.poison().values().forEach((kind) -> counts.merge(kind, 1, Integer::sum));
		Map<KafkaPoison, String> summary = new EnumMap<>(KafkaPoison.class);
		counts.forEach((kind, count) -> summary.put(kind, Map.of(kind.expected().tag(), count).toString()));
		return summary;
	}

	private static EventDispatcher record(Map<Long, Integer> handled) {
		return (event) -> handled.merge(TestEvents.sequence(event), 1, Integer::sum);
	}

	private static void awaitCaughtUp(String topic, String group) {
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> RawKafka.caughtUp(broker.bootstrapServers(), group, topic));
	}

	private static KafkaEventBusConsumer consumer(String topic, String group, EventDispatcher dispatcher,
			KafkaDeadLetterRecoverer deadLetters) {
		return KafkaEventBusConsumer.create(RawKafka.consumerConfig(broker.bootstrapServers()), settings(topic, group),
				decoder(), dispatcher, deadLetters, ConsumerObserver.composite(List.of()));
	}

	private static ConsumerSettings settings(String topic, String group) {
		return ConsumerSettings.defaults("kafka", topic, group)
			.withPollTimeout(Duration.ofMillis(100))
			.withPollFailureSleep(Duration.ofMillis(100));
	}

	private static KafkaMessageDecoder decoder() {
		return new KafkaMessageDecoder(TestEvents.CATALOG, codec, registryClient, TestEvents.ORIGIN);
	}

	/** Where a record is in its topic. */
	record Coordinates(int partition, long offset) {

		@Override
		public String toString() {
			return partition + "@" + offset;
		}

	}

	/** What was sent: the sequence numbers of the good events, the coordinates and kind of each poison record. */
	record MixedStream(Set<Long> good, Map<Coordinates, KafkaPoison> poison) {

		MixedStream and(MixedStream more) {
			Set<Long> allGood = new TreeSet<>(this.good);
			allGood.addAll(more.good);
			Map<Coordinates, KafkaPoison> allPoison = new HashMap<>(this.poison);
			allPoison.putAll(more.poison);
			return new MixedStream(allGood, allPoison);
		}

		/** The failure kind each poison record must be dead-lettered with. */
		Map<Coordinates, FailureKind> expectedFailures() {
			Map<Coordinates, FailureKind> failures = new HashMap<>();
			this.poison.forEach((coordinates, kind) -> failures.put(coordinates, kind.expected()));
			return failures;
		}

	}

}
