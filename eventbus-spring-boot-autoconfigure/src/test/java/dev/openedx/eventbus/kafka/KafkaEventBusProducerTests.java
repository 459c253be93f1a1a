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

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.avro.InvalidKeyFieldException;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.event.TopicNames;
import dev.openedx.eventbus.event.UnserializableEventException;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.LogCapture;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The producer against a real in-process KRaft broker and the in-memory registry.
 */
class KafkaEventBusProducerTests {

	private static final int PARTITIONS = 3;

	private static final AvroEventCodec codec = new AvroEventCodec();

	@KafkaBroker(partitions = PARTITIONS)
	private static EmbeddedKafkaBroker broker;

	@Test
	void everyVectorGoesOnTheBrokerByteForByte() throws Exception {
		EventCatalog catalog = OpenEdxCatalog.catalog();
		EventJson json = new EventJson(catalog);
		for (KafkaVector vector : KafkaVector.all()) {
			EventType<?> type = catalog.get(vector.eventType());
			broker.createTopics(vector.topic());
			OpenEdxEvent<?> event = event(type, json.dataFromJson(type, vector.dataJson()), vector);
			try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
					KafkaEventBusProducer producer = producer(registry)) {
				SendReceipt receipt = producer.send(vector.topic(), vector.eventKeyField(), event)
					.get(30, TimeUnit.SECONDS);

				List<ConsumerRecord<byte[], byte[]>> records = RawKafka.readAll(broker.bootstrapServers(),
						vector.topic(), 1);
				assertThat(records).as(vector.file()).hasSize(1);
				ConsumerRecord<byte[], byte[]> record = records.get(0);
				assertThat(record.key()).as(vector.file() + " key").containsExactly(vector.keyBytes());
				assertThat(record.value()).as(vector.file() + " value").containsExactly(vector.valueBytes());
				List<String> names = new ArrayList<>();
				for (Header header : record.headers()) {
					names.add(header.key());
					assertThat(header.value()).as(vector.file() + " header " + header.key())
						.containsExactly(vector.headers().get(header.key()));
				}
				assertThat(names).containsExactlyElementsOf(vector.headers().keySet());
				assertThat(registry.subjects()).containsExactlyInAnyOrder(vector.keySubject(), vector.valueSubject());
				assertThat(registry.versions(vector.keySubject())).containsExactly(1);
				assertThat(registry.versions(vector.valueSubject())).containsExactly(2);
				assertThat(registry.requests()).map(String::toLowerCase)
					.containsExactlyElementsOf(vector.registryRequests().stream().map(String::toLowerCase).toList());
				assertThat(record.partition()).as("librdkafka's partition for the key")
					.isEqualTo(Crc32Partitioner.partition(vector.keyBytes(), PARTITIONS));
				assertThat(receipt).isEqualTo(new SendReceipt("kafka", vector.topic(),
						record.partition() + "@" + record.offset(), vector.metadata().id()));
			}
		}
	}

	@Test
	void topicPrefixIsPrependedWithAHyphen() throws Exception {
		broker.createTopics("stage-prefixed");
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = producer(registry)) {
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			SendReceipt receipt = producer.send(TopicNames.fullName("stage", "prefixed"), TestEvents.keyField(event),
					event).get(30, TimeUnit.SECONDS);
			assertThat(receipt.destination()).isEqualTo("stage-prefixed");
			assertThat(RawKafka.readAll(broker.bootstrapServers(), "stage-prefixed", 1)).hasSize(1);
			assertThat(registry.subjects()).containsExactly("stage-prefixed-org.test.kafka.alpha.v1.CloudEvent",
					"stage-prefixed-string");
		}
	}

	@Test
	void registersKeyThenValueOncePerRouteAndProcess() throws Exception {
		broker.createTopics("registered-once");
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = producer(registry)) {
			List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
			for (int i = 0; i < 30; i += 3) {
				OpenEdxEvent<?> event = TestEvents.event(i, 4);
				sends.add(producer.send("registered-once", TestEvents.keyField(event), event));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			assertThat(registry.requests()).containsExactly(
					"POST /subjects/registered-once-string/versions?normalize=false -> 200",
					"POST /subjects/registered-once-org.test.kafka.alpha.v1.CloudEvent/versions?normalize=false -> 200");
		}
	}

	@Test
	void eventsOfOneKeyKeepTheirOrderOnOnePartition() throws Exception {
		broker.createTopics("ordered");
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = producer(registry)) {
			List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				OpenEdxEvent<?> event = TestEvents.event(i, 5);
				sends.add(producer.send("ordered", TestEvents.keyField(event), event));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			List<ConsumerRecord<byte[], byte[]>> records = RawKafka.readAll(broker.bootstrapServers(), "ordered", 300);
			assertThat(records).hasSize(300);
			for (ConsumerRecord<byte[], byte[]> record : records) {
				assertThat(record.partition()).isEqualTo(Crc32Partitioner.partition(record.key(), PARTITIONS));
			}
			for (int i = 0; i < 300; i++) {
				String position = sends.get(i).join().position();
				int partition = Integer.parseInt(position.substring(0, position.indexOf('@')));
				long offset = Long.parseLong(position.substring(position.indexOf('@') + 1));
				if (i >= 5) {
					String previous = sends.get(i - 5).join().position();
					assertThat(partition).isEqualTo(Integer.parseInt(previous.substring(0, previous.indexOf('@'))));
					assertThat(offset).isGreaterThan(Long.parseLong(previous.substring(previous.indexOf('@') + 1)));
				}
			}
		}
	}

	@Test
	void keyPathThatReachesNoPrimitiveFailsTheFutureAndIsLogged() throws Exception {
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = producer(registry);
				LogCapture logs = new LogCapture()) {
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			CompletableFuture<SendReceipt> send = producer.send("bad-key", "alpha.nothing", event);
			assertFailure(send, InvalidKeyFieldException.class, "bad-key", event);
			assertThat(logs.messages(Level.ERROR)).anySatisfy((message) -> assertThat(message).contains("bad-key")
				.contains("org.test.kafka.alpha.v1")
				.contains(event.metadata().id().toString()));
			assertThat(registry.requests()).isEmpty();
		}
	}

	@Test
	void missingKeyFieldFailsTheFuture() throws Exception {
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = producer(registry)) {
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			assertFailure(producer.send("no-key", null, event), IllegalArgumentException.class, "no-key", event);
		}
	}

	@Test
	void unreachableRegistryFailsTheFutureAndNothingIsSent() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		SchemaRegistryClient unreachable = new SchemaRegistryClient(SchemaRegistrySettings.of("http://127.0.0.1:" + port)
			.withRetries(2, Duration.ofMillis(10)));
		try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
				RawKafka.producerConfig(broker.bootstrapServers()), unreachable, codec)) {
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			assertFailure(producer.send("registry-down", TestEvents.keyField(event), event),
					SchemaRegistryException.class, "registry-down", event);
		}
	}

	@Test
	void brokerThatNeverAnswersFailsTheFuture() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Map<String, Object> config = RawKafka.producerConfig("127.0.0.1:" + port);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = KafkaEventBusProducer.create(config,
						new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), codec)) {
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			assertFailure(producer.send("broker-down", TestEvents.keyField(event), event),
					org.apache.kafka.common.errors.TimeoutException.class, "broker-down", event);
		}
	}

	@Test
	void unserializableEventTypeFailsTheFuture() throws Exception {
		EventType<TestEvents.AlphaData> local = EventType.unserializable("org.test.kafka.local.v1", "alpha",
				TestEvents.AlphaData.class, "carries a file handle");
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = producer(registry)) {
			OpenEdxEvent<?> event = OpenEdxEvent.of(local, new TestEvents.AlphaData("k", 1));
			assertFailure(producer.send("unserializable", "alpha.key", event), UnserializableEventException.class,
					"unserializable", event);
		}
	}

	@Test
	void sendAfterCloseFails() throws Exception {
		KafkaEventBusProducer producer;
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			producer = producer(registry);
			producer.close();
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			assertFailure(producer.send("closed", TestEvents.keyField(event), event), IllegalStateException.class,
					"closed", event);
		}
	}

	@Test
	void producerFactorySettingsAreCopiedWithTheRequiredOnes() {
		Map<String, Object> config = RawKafka.producerConfig(broker.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "1");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 7);
		DefaultKafkaProducerFactory<byte[], byte[]> original = new DefaultKafkaProducerFactory<>(config);
		Map<String, Object> enforced = ProducerFactories.enforce(original).getConfigurationProperties();
		assertThat(enforced).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
			.containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, Crc32Partitioner.class)
			.containsEntry(ProducerConfig.LINGER_MS_CONFIG, 7);
		assertThat(original.getConfigurationProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "1");
		config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, "com.example.MyPartitioner");
		assertThat(ProducerFactories.create(config).getConfigurationProperties())
			.containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, "com.example.MyPartitioner")
			.containsEntry(ProducerConfig.ACKS_CONFIG, "all");
	}

	@Test
	void producerBuiltFromASpringFactorySendsThroughACopy() throws Exception {
		broker.createTopics("from-factory");
		DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(
				RawKafka.producerConfig(broker.bootstrapServers()));
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = new KafkaEventBusProducer(factory,
						new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), codec)) {
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			assertThat(producer.send("from-factory", TestEvents.keyField(event), event).get(30, TimeUnit.SECONDS)
				.destination()).isEqualTo("from-factory");
		}
		finally {
			factory.destroy();
		}
	}

	private static void assertFailure(CompletableFuture<SendReceipt> send, Class<? extends Throwable> cause,
			String topic, OpenEdxEvent<?> event) {
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> send.get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(KafkaSendException.class)
			.withMessageContaining(topic)
			.withMessageContaining(event.type().type())
			.withMessageContaining(event.metadata().id().toString())
			.withCauseInstanceOf(cause);
	}

	private static KafkaEventBusProducer producer(InMemorySchemaRegistry registry) {
		return KafkaEventBusProducer.create(RawKafka.producerConfig(broker.bootstrapServers()),
				new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), codec);
	}

	@SuppressWarnings("unchecked")
	private static <D> OpenEdxEvent<D> event(EventType<D> type, Object data, KafkaVector vector) {
		return OpenEdxEvent.of(type, (D) data, vector.metadata());
	}

}
