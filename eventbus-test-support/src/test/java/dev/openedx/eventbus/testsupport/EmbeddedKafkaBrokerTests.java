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

package dev.openedx.eventbus.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedKafkaBrokerTests {

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void start() {
		broker = EmbeddedKafkaBroker.start(3, "created-up-front");
	}

	@AfterAll
	static void stop() {
		broker.close();
	}

	@Test
	void topicsGetTheRequestedPartitionCounts() throws Exception {
		broker.createTopics(2, "two-partitions");
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
			var topics = admin.describeTopics(List.of("created-up-front", "two-partitions")).allTopicNames().get();
			assertThat(topics.get("created-up-front").partitions()).hasSize(3);
			assertThat(topics.get("two-partitions").partitions()).hasSize(2);
		}
		assertThat(broker.partitions()).isEqualTo(3);
		assertThat(System.getProperty(EmbeddedKafkaBroker.BOOTSTRAP_SERVERS_PROPERTY))
			.isEqualTo(broker.bootstrapServers());
	}

	@Test
	void aStoppedBrokerStartsAgainOnTheSamePortWithItsRecords() throws Exception {
		String address = broker.bootstrapServers();
		Map<String, Object> producerConfig = Map.of("bootstrap.servers", address, "key.serializer",
				StringSerializer.class, "value.serializer", StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
			producer.send(new ProducerRecord<>("restarted", "k", "before")).get();
		}

		broker.stopBroker();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", address, "default.api.timeout.ms", 2000,
				"request.timeout.ms", 1000))) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().nodes().get());
		}
		broker.startBroker();

		assertThat(broker.bootstrapServers()).isEqualTo(address);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
			producer.send(new ProducerRecord<>("restarted", "k", "after")).get();
		}
		Map<String, Object> consumerConfig = Map.of("bootstrap.servers", address, ConsumerConfig.GROUP_ID_CONFIG,
				"restarted", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", "key.deserializer",
				StringDeserializer.class, "value.deserializer", StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
			consumer.subscribe(List.of("restarted"));
			List<String> received = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.size() < 2 && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> received.add(record.value()));
			}
			assertThat(received).containsExactly("before", "after");
		}
	}

	@Test
	void recordsRoundTripThroughTheBroker() {
		Map<String, Object> producerConfig = Map.of("bootstrap.servers", broker.bootstrapServers(), "key.serializer",
				StringSerializer.class, "value.serializer", StringSerializer.class);
		Map<String, Object> consumerConfig = Map.of("bootstrap.servers", broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "round-trip", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				"key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig);
				KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
			producer.send(new ProducerRecord<>("round-trip", "k", "v"));
			producer.flush();
			consumer.subscribe(List.of("round-trip"));
			List<ConsumerRecord<String, String>> received = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.isEmpty() && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
			}
			assertThat(received).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("k");
				assertThat(record.value()).isEqualTo("v");
			});
		}
	}

}
