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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.RetryPolicy;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.LogCapture;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer worker against a real in-process KRaft broker: delivery, order, failure policies, replay, limits.
 */
class KafkaEventBusConsumerTests {

	private static final int PARTITIONS = 3;

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final AvroEventCodec codec = new AvroEventCodec();

	@KafkaBroker(partitions = PARTITIONS)
	private static EmbeddedKafkaBroker broker;

	@SchemaRegistry
	private static InMemorySchemaRegistry registry;

	private static SchemaRegistryClient registryClient;

	private static KafkaEventBusProducer producer;

	@BeforeAll
	static void start() {
		registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
		producer = KafkaEventBusProducer.create(RawKafka.producerConfig(broker.bootstrapServers()), registryClient,
				codec);
	}

	@AfterAll
	static void stop() {
		producer.close();
	}

	@Test
	void tenThousandEventsOfThreeTypesAreEachHandledOnceInOrderPerKey() throws Exception {
		String topic = "ten-thousand";
		broker.createTopics(topic);
		publish(topic, LongStream.range(0, 10_000), 30);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer consumer = consumer(topic, "ten-thousand-group", handled::add,
				FailureRecoverer.logAndSkip(), UnaryOperator.identity());
		consumer.start();
		awaitCaughtUp(topic, "ten-thousand-group", () -> handled.size() >= 10_000);
		consumer.stop(WAIT);

		assertThat(handled).hasSize(10_000);
		Set<Long> sequences = new HashSet<>();
		Map<String, Long> lastPerKey = new HashMap<>();
		Map<String, Integer> perType = new HashMap<>();
		for (OpenEdxEvent<?> event : handled) {
			long sequence = TestEvents.sequence(event);
			assertThat(sequences.add(sequence)).as("handled once: %d", sequence).isTrue();
			Long previous = lastPerKey.put(TestEvents.key(event), sequence);
			assertThat(previous == null || previous < sequence).as("order of key %s", TestEvents.key(event)).isTrue();
			perType.merge(event.type().type(), 1, Integer::sum);
			assertThat(event.fromEventBus()).isTrue();
		}
		assertThat(perType).hasSize(3).allSatisfy((type, count) -> assertThat(count).isBetween(3333, 3334));
		assertThat(consumer.status().handled()).isEqualTo(10_000);
		assertThat(consumer.status().state()).isEqualTo(ConsumerState.STOPPED);
	}

	@Test
	void aWorkerJoiningTheGroupTakesOverPartitionsWithoutHandlingAnythingTwice() throws Exception {
		String topic = "rebalance";
		broker.createTopics(topic);
		publish(topic, LongStream.range(0, 3_000), 30);
		Map<Long, Integer> handled = new ConcurrentHashMap<>();
		List<Long> byJoiner = new CopyOnWriteArrayList<>();
		// Members learn of a rebalance from their heartbeats: make them frequent so it happens mid-stream.
		Map<String, Object> config = RawKafka.consumerConfig(broker.bootstrapServers());
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 100);
		KafkaEventBusConsumer first = KafkaEventBusConsumer.create(config, settings(topic, "rebalance-group"),
				decoder(), (event) -> {
					LockSupport.parkNanos(1_000_000);
					handled.merge(TestEvents.sequence(event), 1, Integer::sum);
				}, FailureRecoverer.logAndSkip(), ConsumerObserver.composite(List.of()));
		first.start();
		await(() -> handled.size() >= 300);
		KafkaEventBusConsumer joiner = KafkaEventBusConsumer.create(config,
				settings(topic, "rebalance-group").withName("joiner"), decoder(),
				(event) -> {
					handled.merge(TestEvents.sequence(event), 1, Integer::sum);
					byJoiner.add(TestEvents.sequence(event));
				}, FailureRecoverer.logAndSkip(), ConsumerObserver.composite(List.of()));
		joiner.start();
		awaitCaughtUp(topic, "rebalance-group", () -> handled.size() >= 3_000);
		first.stop(WAIT);
		joiner.stop(WAIT);
		assertThat(handled).hasSize(3_000);
		assertThat(handled.values()).as("times each event was handled").allMatch((times) -> times == 1);
		assertThat(byJoiner).as("events the joining worker handled").isNotEmpty();
		assertThat(first.status().handled() + joiner.status().handled()).isEqualTo(3_000);
	}

	@Test
	void eventsKeepTheirMetadataAndData() throws Exception {
		String topic = "round-trip";
		broker.createTopics(topic);
		OpenEdxEvent<?> sent = TestEvents.event(7, 1);
		producer.send(topic, TestEvents.keyField(sent), sent).get(30, TimeUnit.SECONDS);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		// As Spring Boot configures its factory by default: String deserializers, which the worker replaces.
		Map<String, Object> config = RawKafka.consumerConfig(broker.bootstrapServers());
		config.put("key.deserializer", StringDeserializer.class);
		config.put("value.deserializer", StringDeserializer.class);
		DefaultKafkaConsumerFactory<byte[], byte[]> factory = new DefaultKafkaConsumerFactory<>(config);
		KafkaEventBusConsumer consumer = new KafkaEventBusConsumer(settings(topic, "round-trip-group"),
				factory, decoder(), handled::add, FailureRecoverer.logAndSkip(),
				ConsumerObserver.composite(List.of()));
		consumer.start();
		await(() -> !handled.isEmpty());
		consumer.stop(WAIT);
		assertThat(handled).singleElement().satisfies((received) -> {
			assertThat(received.type()).isEqualTo(sent.type());
			assertThat(received.data()).isEqualTo(sent.data());
			assertThat(received.metadata()).isEqualTo(sent.metadata());
		});
	}

	@Test
	void poisonMessagesAreLoggedWithTheirCoordinatesAndSkipped() throws Exception {
		String topic = "poison-skip";
		broker.createTopics(1, topic);
		List<RecordMetadata> poison = publishWithPoison(topic);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		try (LogCapture logs = new LogCapture()) {
			KafkaEventBusConsumer consumer = consumer(topic, "poison-skip-group", handled::add,
					FailureRecoverer.logAndSkip(), UnaryOperator.identity());
			consumer.start();
			awaitCaughtUp(topic, "poison-skip-group", () -> handled.size() >= 5);
			consumer.stop(WAIT);
			assertThat(handled).map(TestEvents::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
			List<String> errors = logs.messages(Level.ERROR);
			List<FailureKind> kinds = List.of(FailureKind.UNDECODABLE_VALUE, FailureKind.UNKNOWN_EVENT_TYPE,
					FailureKind.MISSING_METADATA, FailureKind.INVALID_METADATA);
			for (int i = 0; i < poison.size(); i++) {
				String coordinates = topic + "-0@" + poison.get(i).offset();
				FailureKind kind = kinds.get(i);
				assertThat(errors).anySatisfy((error) -> assertThat(error).contains(coordinates)
					.contains("failure=" + kind.tag())
					.contains("key=poison-key"));
			}
			assertThat(consumer.status().failures()).containsEntry(FailureKind.UNDECODABLE_VALUE, 1L)
				.containsEntry(FailureKind.UNKNOWN_EVENT_TYPE, 1L)
				.containsEntry(FailureKind.MISSING_METADATA, 1L)
				.containsEntry(FailureKind.INVALID_METADATA, 1L);
			assertThat(RawKafka.committed(broker.bootstrapServers(), "poison-skip-group", topic)).containsEntry(0, 9L);
		}
	}

	@Test
	void poisonMessagesGoToTheDeadLetterTopicWithTheirOriginalBytesAndWhyTheyFailed() throws Exception {
		String topic = "poison-dlt";
		broker.createTopics(1, topic);
		List<RecordMetadata> poison = publishWithPoison(topic);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		try (KafkaDeadLetterRecoverer deadLetters = KafkaDeadLetterRecoverer
			.create(RawKafka.producerConfig(broker.bootstrapServers()), "poison-dlt-group")) {
			KafkaEventBusConsumer consumer = consumer(topic, "poison-dlt-group", handled::add, deadLetters,
					UnaryOperator.identity());
			consumer.start();
			awaitCaughtUp(topic, "poison-dlt-group", () -> handled.size() >= 5);
			consumer.stop(WAIT);
		}
		assertThat(handled).map(TestEvents::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);

		List<ConsumerRecord<byte[], byte[]>> originals = RawKafka.readAll(broker.bootstrapServers(), topic, 9);
		List<ConsumerRecord<byte[], byte[]>> dead = RawKafka.readAll(broker.bootstrapServers(), topic + "-dlt", 4);
		assertThat(dead).hasSize(4);
		dead.sort((a, b) -> Long.compare(longHeader(a, "kafka_dlt-original-offset"),
				longHeader(b, "kafka_dlt-original-offset")));
		List<FailureKind> kinds = List.of(FailureKind.UNDECODABLE_VALUE, FailureKind.UNKNOWN_EVENT_TYPE,
				FailureKind.MISSING_METADATA, FailureKind.INVALID_METADATA);
		for (int i = 0; i < 4; i++) {
			ConsumerRecord<byte[], byte[]> letter = dead.get(i);
			ConsumerRecord<byte[], byte[]> original = originals.get((int) poison.get(i).offset());
			assertThat(letter.key()).containsExactly(original.key());
			assertThat(letter.value()).containsExactly(original.value());
			Header[] originalHeaders = original.headers().toArray();
			Header[] letterHeaders = letter.headers().toArray();
			for (int h = 0; h < originalHeaders.length; h++) {
				assertThat(letterHeaders[h].key()).isEqualTo(originalHeaders[h].key());
				assertThat(letterHeaders[h].value()).containsExactly(originalHeaders[h].value());
			}
			assertThat(text(letter, "kafka_dlt-original-topic")).isEqualTo(topic);
			assertThat(ByteBuffer.wrap(letter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
				.isZero();
			assertThat(longHeader(letter, "kafka_dlt-original-offset")).isEqualTo(poison.get(i).offset());
			assertThat(longHeader(letter, "kafka_dlt-original-timestamp")).isEqualTo(original.timestamp());
			assertThat(text(letter, "kafka_dlt-original-consumer-group")).isEqualTo("poison-dlt-group");
			assertThat(text(letter, "eventbus_dlt-failure-kind")).isEqualTo(kinds.get(i).tag());
			assertThat(text(letter, "kafka_dlt-exception-fqcn"))
				.isEqualTo("dev.openedx.eventbus.consumer.ConsumeFailureException");
			assertThat(text(letter, "kafka_dlt-exception-message")).isNotBlank();
		}
		assertThat(text(dead.get(1), "kafka_dlt-exception-message")).contains("org.test.kafka.unknown.v1");
		assertThat(text(dead.get(3), "kafka_dlt-exception-message")).contains("+02:00");
	}

	@Test
	void deadLetterThatCannotBePublishedStopsTheWorkerWithoutCommittingThenItIsRedelivered() throws Exception {
		String topic = "dlt-down";
		broker.createTopics(1, topic);
		List<RecordMetadata> poison = publishWithPoison(topic);
		Map<String, Object> tooSmall = RawKafka.producerConfig(broker.bootstrapServers());
		tooSmall.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 256);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		try (KafkaDeadLetterRecoverer broken = KafkaDeadLetterRecoverer.create(tooSmall, "dlt-down-group")) {
			KafkaEventBusConsumer consumer = consumer(topic, "dlt-down-group", handled::add, broken,
					UnaryOperator.identity());
			consumer.start();
			assertThat(consumer.termination().get(60, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
			assertThat(consumer.status().lastError()).contains(topic + "-0@" + poison.get(0).offset());
		}
		assertThat(handled).map(TestEvents::sequence).containsExactly(0L);
		assertThat(RawKafka.committed(broker.bootstrapServers(), "dlt-down-group", topic))
			.containsEntry(0, poison.get(0).offset());

		try (KafkaDeadLetterRecoverer working = KafkaDeadLetterRecoverer
			.create(RawKafka.producerConfig(broker.bootstrapServers()), "dlt-down-group")) {
			KafkaEventBusConsumer restarted = consumer(topic, "dlt-down-group", handled::add, working,
					UnaryOperator.identity());
			restarted.start();
			awaitCaughtUp(topic, "dlt-down-group", () -> handled.size() >= 5);
			restarted.stop(WAIT);
		}
		assertThat(handled).map(TestEvents::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
		assertThat(RawKafka.readAll(broker.bootstrapServers(), topic + "-dlt", 4)).hasSize(4);
	}

	@Test
	void registryOutageDefersTheMessageWithoutCountingCommittingOrDeadLetteringItUntilTheRegistryAnswers()
			throws Exception {
		String topic = "registry-down";
		broker.createTopics(1, topic);
		send(topic, TestEvents.event(0, 1));
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		// A fresh client has no schema cached, as in a consumer process that just started.
		SchemaRegistryClient fresh = new SchemaRegistryClient(
				SchemaRegistrySettings.of(registry.url()).withRetries(1, Duration.ofMillis(10)));
		// Several lookups fail: the worker must wait them out, not fail, skip or dead-letter the message.
		registry.failNextRequests(4, 503);
		try (KafkaDeadLetterRecoverer deadLetters = KafkaDeadLetterRecoverer
			.create(RawKafka.producerConfig(broker.bootstrapServers()), "registry-down-group")) {
			KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(
					RawKafka.consumerConfig(broker.bootstrapServers()),
					settings(topic, "registry-down-group").withPollFailureSleep(Duration.ofMillis(50)),
					new KafkaMessageDecoder(TestEvents.CATALOG, codec, fresh, TestEvents.ORIGIN), handled::add,
					deadLetters, ConsumerObserver.composite(List.of()));
			consumer.start();
			awaitCaughtUp(topic, "registry-down-group", () -> !handled.isEmpty());
			ConsumerStatus status = consumer.status();
			consumer.stop(WAIT);
			assertThat(status.state()).isEqualTo(ConsumerState.RUNNING);
			assertThat(status.failed()).as("never handed to the failure policy").isZero();
			assertThat(status.lastError()).contains(topic + "-0@0").contains("deferred");
		}
		assertThat(handled).map(TestEvents::sequence).containsExactly(0L);
	}

	@Test
	void replayFromATimestampRedeliversExactlyTheEventsFromThenOnAndKeepsConsuming() throws Exception {
		String topic = "replay";
		broker.createTopics(topic);
		publish(topic, LongStream.range(0, 30), 6);
		Thread.sleep(50);
		Instant replayFrom = Instant.now();
		Thread.sleep(50);
		publish(topic, LongStream.range(30, 60), 6);

		List<OpenEdxEvent<?>> first = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer initial = consumer(topic, "replay-group", first::add, FailureRecoverer.logAndSkip(),
				UnaryOperator.identity());
		initial.start();
		awaitCaughtUp(topic, "replay-group", () -> first.size() >= 60);
		initial.stop(WAIT);
		assertThat(first).hasSize(60);

		List<OpenEdxEvent<?>> replayed = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer replaying = consumer(topic, "replay-group", replayed::add,
				FailureRecoverer.logAndSkip(), (settings) -> settings.withReplayFrom(replayFrom));
		replaying.start();
		await(() -> replayed.size() >= 30);
		publish(topic, LongStream.range(60, 70), 6);
		awaitCaughtUp(topic, "replay-group", () -> replayed.size() >= 40);
		replaying.stop(WAIT);
		assertThat(replayed).map(TestEvents::sequence)
			.containsExactlyInAnyOrderElementsOf(LongStream.range(30, 70).boxed().toList());

		List<OpenEdxEvent<?>> newGroup = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer fresh = consumer(topic, "replay-new-group", newGroup::add,
				FailureRecoverer.logAndSkip(), (settings) -> settings.withReplayFrom(replayFrom));
		fresh.start();
		awaitCaughtUp(topic, "replay-new-group", () -> newGroup.size() >= 40);
		fresh.stop(WAIT);
		assertThat(newGroup).map(TestEvents::sequence)
			.containsExactlyInAnyOrderElementsOf(LongStream.range(30, 70).boxed().toList());
	}

	@Test
	void replayFromAfterTheLastRecordStartsAtTheEnd() throws Exception {
		String topic = "replay-future";
		broker.createTopics(topic);
		publish(topic, LongStream.range(0, 10), 3);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer consumer = consumer(topic, "replay-future-group", handled::add,
				FailureRecoverer.logAndSkip(),
				(settings) -> settings.withReplayFrom(Instant.now().plusSeconds(3600)));
		consumer.start();
		long sequence = 100;
		while (handled.isEmpty() && sequence < 400) {
			publish(topic, LongStream.of(sequence++), 3);
			Thread.sleep(100);
		}
		consumer.stop(WAIT);
		assertThat(handled).isNotEmpty().allSatisfy((event) -> assertThat(TestEvents.sequence(event)).isGreaterThanOrEqualTo(100));
	}

	@Test
	void consecutiveErrorsLimitStopsAfterExactlyThatManyFailuresAndASuccessResetsTheCount() throws Exception {
		String topic = "error-limit";
		broker.createTopics(1, topic);
		try (KafkaProducer<byte[], byte[]> raw = RawKafka.producer(broker.bootstrapServers())) {
			raw.send(garbage(topic)).get();
			raw.send(garbage(topic)).get();
			send(topic, TestEvents.event(0, 1));
			raw.send(garbage(topic)).get();
			raw.send(garbage(topic)).get();
			raw.send(garbage(topic)).get();
			send(topic, TestEvents.event(3, 1));
		}
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		ConsumerSettings settings = settings(topic, "error-limit-group").withConsecutiveErrorsLimit(3);
		KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(RawKafka.consumerConfig(broker.bootstrapServers()),
				settings, decoder(), handled::add, FailureRecoverer.logAndSkip(),
				ConsumerObserver.composite(List.of()));
		consumer.start();
		assertThat(consumer.termination().get(60, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(handled).map(TestEvents::sequence).containsExactly(0L);
		assertThat(consumer.status().failed()).isEqualTo(5);
		assertThat(consumer.status().consecutiveErrors()).isEqualTo(3);
		assertThat(consumer.status().lastError()).startsWith("Too many consecutive errors (3 in a row)");
		assertThat(RawKafka.committed(broker.bootstrapServers(), "error-limit-group", topic)).containsEntry(0, 6L);
	}

	@Test
	void listenerFailuresAreRetriedBeforeTheFailurePolicy() throws Exception {
		String topic = "retried";
		broker.createTopics(topic);
		send(topic, TestEvents.event(0, 1));
		List<Long> attempts = new CopyOnWriteArrayList<>();
		EventDispatcher flaky = (event) -> {
			attempts.add(TestEvents.sequence(event));
			if (attempts.size() < 3) {
				throw new IllegalStateException("database busy");
			}
		};
		ConsumerSettings settings = settings(topic, "retried-group")
			.withRetry(new RetryPolicy(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(100)));
		KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(RawKafka.consumerConfig(broker.bootstrapServers()),
				settings, decoder(), flaky, FailureRecoverer.logAndSkip(),
				ConsumerObserver.composite(List.of()));
		consumer.start();
		awaitCaughtUp(topic, "retried-group", () -> attempts.size() >= 3);
		consumer.stop(WAIT);
		assertThat(attempts).containsExactly(0L, 0L, 0L);
		assertThat(consumer.status().handled()).isEqualTo(1);
		assertThat(consumer.status().failed()).isZero();
	}

	@Test
	void newGroupsStartAtTheEarliestOffsetByDefault() throws Exception {
		String topic = "start-earliest";
		broker.createTopics(topic);
		publish(topic, LongStream.range(0, 12), 4);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer consumer = consumer(topic, "start-earliest-group", handled::add,
				FailureRecoverer.logAndSkip(), UnaryOperator.identity());
		consumer.start();
		awaitCaughtUp(topic, "start-earliest-group", () -> handled.size() >= 12);
		consumer.stop(WAIT);
		assertThat(handled).hasSize(12);
	}

	@Test
	void newGroupsStartingAtTheLatestOffsetSkipTheHistoryAsPythonDoes() throws Exception {
		String topic = "start-latest";
		broker.createTopics(topic);
		publish(topic, LongStream.range(0, 12), 4);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer consumer = consumer(topic, "start-latest-group", handled::add,
				FailureRecoverer.logAndSkip(), (settings) -> settings.withStartPosition(StartPosition.LATEST));
		consumer.start();
		long sequence = 100;
		while (handled.isEmpty() && sequence < 400) {
			publish(topic, LongStream.of(sequence++), 4);
			Thread.sleep(100);
		}
		consumer.stop(WAIT);
		assertThat(handled).isNotEmpty()
			.allSatisfy((event) -> assertThat(TestEvents.sequence(event)).isGreaterThanOrEqualTo(100));
	}

	@Test
	void stopCommitsEverythingThatWasHandled() throws Exception {
		String topic = "commit-on-stop";
		broker.createTopics(topic);
		publish(topic, LongStream.range(0, 200), 10);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer consumer = consumer(topic, "commit-on-stop-group", handled::add,
				FailureRecoverer.logAndSkip(), UnaryOperator.identity());
		consumer.start();
		await(() -> handled.size() >= 200);
		consumer.stop(WAIT);
		Map<Integer, Long> committed = RawKafka.committed(broker.bootstrapServers(), "commit-on-stop-group", topic);
		assertThat(committed).isEqualTo(RawKafka.endOffsets(broker.bootstrapServers(), topic, PARTITIONS));
	}

	private List<RecordMetadata> publishWithPoison(String topic) throws Exception {
		List<RecordMetadata> poison = new ArrayList<>();
		try (KafkaProducer<byte[], byte[]> raw = RawKafka.producer(broker.bootstrapServers())) {
			OpenEdxEvent<?> template = TestEvents.event(99, 1);
			byte[] goodValue = ConfluentFraming.frame(
					registryClient.register(topic + "-" + TestEvents.ALPHA.type() + ".CloudEvent",
							codec.schema(TestEvents.ALPHA)),
					codec.encode(TestEvents.ALPHA, (TestEvents.AlphaData) template.data()));
			send(topic, TestEvents.event(0, 1));
			poison.add(raw.send(garbage(topic)).get());
			send(topic, TestEvents.event(1, 1));
			Headers unknown = CloudEventHeaders.write(TestEvents.ORIGIN.newMetadata(TestEvents.ALPHA));
			unknown.remove("ce_type");
			unknown.add("ce_type", "org.test.kafka.unknown.v1".getBytes(StandardCharsets.UTF_8));
			poison.add(raw.send(record(topic, goodValue, unknown)).get());
			send(topic, TestEvents.event(2, 1));
			Headers noId = CloudEventHeaders.write(TestEvents.ORIGIN.newMetadata(TestEvents.ALPHA));
			noId.remove("ce_id");
			poison.add(raw.send(record(topic, goodValue, noId)).get());
			send(topic, TestEvents.event(3, 1));
			Headers localTime = CloudEventHeaders.write(TestEvents.ORIGIN.newMetadata(TestEvents.ALPHA));
			localTime.remove("ce_time");
			localTime.add("ce_time", "2026-01-02T03:04:05.678901+02:00".getBytes(StandardCharsets.UTF_8));
			poison.add(raw.send(record(topic, goodValue, localTime)).get());
			send(topic, TestEvents.event(4, 1));
		}
		return poison;
	}

	private static SendReceipt send(String topic, OpenEdxEvent<?> event) throws Exception {
		return producer.send(topic, TestEvents.keyField(event), event).get(30, TimeUnit.SECONDS);
	}

	private static ProducerRecord<byte[], byte[]> garbage(String topic) {
		Headers headers = CloudEventHeaders.write(TestEvents.ORIGIN.newMetadata(TestEvents.ALPHA));
		return record(topic, "garbage".getBytes(StandardCharsets.UTF_8), headers);
	}

	private static ProducerRecord<byte[], byte[]> record(String topic, byte[] value, Headers headers) {
		return new ProducerRecord<>(topic, null, null, "poison-key".getBytes(StandardCharsets.UTF_8), value, headers);
	}

	private static void publish(String topic, LongStream sequences, int keys) throws Exception {
		List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
		sequences.forEach((i) -> {
			OpenEdxEvent<?> event = TestEvents.event(i, keys);
			sends.add(producer.send(topic, TestEvents.keyField(event), event));
		});
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
	}

	private static KafkaEventBusConsumer consumer(String topic, String group, EventDispatcher dispatcher,
			FailureRecoverer<KafkaInboundMessage> recoverer, UnaryOperator<ConsumerSettings> options) {
		return KafkaEventBusConsumer.create(RawKafka.consumerConfig(broker.bootstrapServers()),
				options.apply(settings(topic, group)), decoder(), dispatcher, recoverer,
				ConsumerObserver.composite(List.of()));
	}

	private static ConsumerSettings settings(String topic, String group) {
		return ConsumerSettings.defaults("kafka", topic, group)
			.withPollTimeout(Duration.ofMillis(100))
			.withPollFailureSleep(Duration.ofMillis(100));
	}

	private static KafkaMessageDecoder decoder() {
		return new KafkaMessageDecoder(TestEvents.CATALOG, codec, registryClient, TestEvents.ORIGIN);
	}

	/** Waits for the condition, then until the group committed every offset of the topic. */
	private static void awaitCaughtUp(String topic, String group, BooleanSupplier condition) throws Exception {
		await(condition);
		long deadline = System.nanoTime() + WAIT.toNanos();
		Map<Integer, Long> end = RawKafka.endOffsets(broker.bootstrapServers(), topic, partitions(topic));
		while (System.nanoTime() < deadline) {
			Map<Integer, Long> committed = RawKafka.committed(broker.bootstrapServers(), group, topic);
			boolean caughtUp = end.entrySet()
				.stream()
				.allMatch((e) -> e.getValue() == 0 || e.getValue().equals(committed.get(e.getKey())));
			if (caughtUp) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Group " + group + " did not commit the end of " + topic);
	}

	private static int partitions(String topic) throws Exception {
		try (var admin = org.apache.kafka.clients.admin.Admin
			.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
			return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within " + WAIT);
			}
			Thread.sleep(20);
		}
	}

	private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
		Header found = record.headers().lastHeader(header);
		assertThat(found).as(header).isNotNull();
		return new String(found.value(), StandardCharsets.UTF_8);
	}

	private static long longHeader(ConsumerRecord<byte[], byte[]> record, String header) {
		return ByteBuffer.wrap(record.headers().lastHeader(header).value()).getLong();
	}

}
