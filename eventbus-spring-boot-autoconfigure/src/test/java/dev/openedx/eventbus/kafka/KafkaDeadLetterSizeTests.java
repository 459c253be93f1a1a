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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.RetryPolicy;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters the dead-letter topic refuses as too large ({@code max.message.bytes} of 16 KiB here) do not stall
 * the partition: written again with the stack trace cut, or, when the value alone does not fit, with the first bytes
 * of the value and everything else; the worker goes on with the next event.
 */
class KafkaDeadLetterSizeTests {

	private static final int DLT_MAX_BYTES = 16 * 1024;

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final AvroEventCodec codec = new AvroEventCodec();

	@KafkaBroker
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
	void aDeadLetterTooLargeWithItsStackTraceIsWrittenWithTheStackTraceCutToFit() throws Exception {
		String topic = "deep-failure";
		topics(topic, DLT_MAX_BYTES);
		// About 4 KB of key and value: fits the dead-letter topic, but not with a stack trace of some 30 KB.
		OpenEdxEvent<?> big = OpenEdxEvent.of(TestEvents.ALPHA, new TestEvents.AlphaData(text(2000), 0),
				TestEvents.ORIGIN.newMetadata(TestEvents.ALPHA));
		producer.send(topic, TestEvents.keyField(big), big).get(30, TimeUnit.SECONDS);
		OpenEdxEvent<?> next = TestEvents.event(1, 1);
		producer.send(topic, TestEvents.keyField(next), next).get(30, TimeUnit.SECONDS);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer consumer = consumer(topic, (event) -> {
			if (TestEvents.sequence(event) == 0) {
				throw deepFailure(400);
			}
			handled.add(event);
		});
		consumer.start();
		await().atMost(WAIT).until(() -> committed(topic) == 2);
		consumer.stop(WAIT);

		assertThat(handled).map(TestEvents::sequence).containsExactly(1L);
		assertThat(consumer.status().state()).isEqualTo(ConsumerState.STOPPED);
		ConsumerRecord<byte[], byte[]> original = RawKafka.readAll(broker.bootstrapServers(), topic, 2).get(0);
		ConsumerRecord<byte[], byte[]> letter = deadLetter(topic);
		assertThat(letter.key()).containsExactly(original.key());
		assertThat(letter.value()).containsExactly(original.value());
		String stackTrace = text(letter, "kafka_dlt-exception-stacktrace");
		assertThat(stackTrace).hasSizeBetween(256, DLT_MAX_BYTES)
			.startsWith("dev.openedx.eventbus.consumer.ConsumeFailureException");
		assertThat(Integer.parseInt(text(letter, KafkaDeadLetterRecoverer.STACKTRACE_TRUNCATED_HEADER)))
			.as("length of the whole stack trace")
			.isGreaterThan(DLT_MAX_BYTES);
		assertThat(letter.headers().lastHeader(KafkaDeadLetterRecoverer.VALUE_TRUNCATED_HEADER)).isNull();
		assertThat(text(letter, "kafka_dlt-exception-message")).contains("deep failure");
		assertThat(text(letter, KafkaDeadLetterRecoverer.FAILURE_KIND_HEADER))
			.isEqualTo(FailureKind.HANDLER_ERROR.tag());
		assertCoordinates(letter, topic, original);
	}

	@Test
	void aValueThatAloneDoesNotFitIsDeadLetteredWithItsFirstBytesCoordinatesHeadersAndFailure() throws Exception {
		String topic = "huge-value";
		topics(topic, DLT_MAX_BYTES);
		byte[] value = new byte[40_000];
		new Random(13).nextBytes(value);
		Headers headers = CloudEventHeaders.write(TestEvents.ORIGIN.newMetadata(TestEvents.ALPHA));
		try (KafkaProducer<byte[], byte[]> raw = RawKafka.producer(broker.bootstrapServers())) {
			raw.send(new ProducerRecord<>(topic, 0, null, "huge-key".getBytes(StandardCharsets.UTF_8), value, headers))
				.get(30, TimeUnit.SECONDS);
		}
		OpenEdxEvent<?> next = TestEvents.event(1, 1);
		producer.send(topic, TestEvents.keyField(next), next).get(30, TimeUnit.SECONDS);
		List<OpenEdxEvent<?>> handled = new CopyOnWriteArrayList<>();
		KafkaEventBusConsumer consumer = consumer(topic, handled::add);
		consumer.start();
		await().atMost(WAIT).until(() -> committed(topic) == 2);
		consumer.stop(WAIT);

		assertThat(handled).map(TestEvents::sequence).containsExactly(1L);
		ConsumerRecord<byte[], byte[]> original = RawKafka.readAll(broker.bootstrapServers(), topic, 2).get(0);
		ConsumerRecord<byte[], byte[]> letter = deadLetter(topic);
		assertThat(letter.key()).containsExactly(original.key());
		assertThat(letter.value()).containsExactly(Arrays.copyOf(value, KafkaDeadLetterRecoverer.VALUE_PREFIX_BYTES));
		assertThat(text(letter, KafkaDeadLetterRecoverer.VALUE_TRUNCATED_HEADER)).isEqualTo("40000");
		assertThat(letter.headers().lastHeader(KafkaDeadLetterReplayer.TRUNCATED_VALUE_HEADER))
			.as("the header that keeps it from being replayed")
			.isNotNull();
		assertThat(letter.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
		assertThat(text(letter, "kafka_dlt-exception-message")).isNotBlank();
		assertThat(text(letter, KafkaDeadLetterRecoverer.FAILURE_KIND_HEADER))
			.isEqualTo(FailureKind.UNDECODABLE_VALUE.tag());
		for (Header header : original.headers()) {
			assertThat(letter.headers().lastHeader(header.key())).as(header.key()).isNotNull()
				.satisfies((kept) -> assertThat(kept.value()).containsExactly(header.value()));
		}
		assertCoordinates(letter, topic, original);
	}

	@Test
	void aDeadLetterTopicThatRefusesEvenTheCutDeadLetterStopsTheWorkerUncommittedNamingItsLimit() throws Exception {
		String topic = "tiny-dlt";
		topics(topic, 600);
		Headers headers = CloudEventHeaders.write(TestEvents.ORIGIN.newMetadata(TestEvents.ALPHA));
		try (KafkaProducer<byte[], byte[]> raw = RawKafka.producer(broker.bootstrapServers())) {
			raw.send(new ProducerRecord<>(topic, 0, null, "key".getBytes(StandardCharsets.UTF_8), new byte[5_000],
					headers)).get(30, TimeUnit.SECONDS);
		}
		KafkaEventBusConsumer consumer = consumer(topic, (event) -> {
		});
		consumer.start();
		assertThat(consumer.termination().get(60, TimeUnit.SECONDS)).isEqualTo(ConsumerState.FAILED);
		assertThat(consumer.status().lastError()).contains(topic + "-0@0", topic + "-dlt", "max.message.bytes");
		assertThat(RawKafka.committed(broker.bootstrapServers(), topic + "-group", topic)).doesNotContainKey(0);
	}

	private static KafkaEventBusConsumer consumer(String topic, EventDispatcher dispatcher) {
		KafkaDeadLetterRecoverer deadLetters = KafkaDeadLetterRecoverer
			.create(RawKafka.producerConfig(broker.bootstrapServers()), topic + "-group");
		KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(
				RawKafka.consumerConfig(broker.bootstrapServers()),
				ConsumerSettings.defaults("kafka", topic, topic + "-group")
					.withRetry(RetryPolicy.NONE)
					.withPollTimeout(Duration.ofMillis(100)),
				new KafkaMessageDecoder(TestEvents.CATALOG, codec, registryClient, TestEvents.ORIGIN), dispatcher,
				deadLetters, ConsumerObserver.composite(List.of()));
		consumer.termination().whenComplete((state, ex) -> {
			try {
				deadLetters.close();
			}
			catch (Exception closing) {
				throw new IllegalStateException(closing);
			}
		});
		return consumer;
	}

	/** The topic and its dead-letter topic, whose records may be at most that many bytes. */
	private static void topics(String topic, int deadLetterMaxBytes) throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(topic + "-dlt", 1, (short) 1)
				.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(deadLetterMaxBytes)))))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	private static ConsumerRecord<byte[], byte[]> deadLetter(String topic) {
		List<ConsumerRecord<byte[], byte[]>> letters = RawKafka.readAll(broker.bootstrapServers(), topic + "-dlt", 1);
		assertThat(letters).hasSize(1);
		return letters.get(0);
	}

	private static void assertCoordinates(ConsumerRecord<byte[], byte[]> letter, String topic,
			ConsumerRecord<byte[], byte[]> original) {
		assertThat(text(letter, "kafka_dlt-original-topic")).isEqualTo(topic);
		assertThat(ByteBuffer.wrap(letter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
			.isZero();
		assertThat(ByteBuffer.wrap(letter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong())
			.isEqualTo(original.offset());
		assertThat(ByteBuffer.wrap(letter.headers().lastHeader("kafka_dlt-original-timestamp").value()).getLong())
			.isEqualTo(original.timestamp());
		assertThat(text(letter, "kafka_dlt-original-consumer-group")).isEqualTo(topic + "-group");
	}

	private static long committed(String topic) throws Exception {
		return RawKafka.committed(broker.bootstrapServers(), topic + "-group", topic).getOrDefault(0, 0L);
	}

	private static RuntimeException deepFailure(int depth) {
		return (depth == 0) ? new IllegalStateException("deep failure") : deepFailure(depth - 1);
	}

	private static String text(int length) {
		Random random = new Random(length);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + random.nextInt(26)));
		}
		return text.toString();
	}

	private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
		Header found = record.headers().lastHeader(header);
		assertThat(found).as(header).isNotNull();
		return new String(found.value(), StandardCharsets.UTF_8);
	}

}
