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
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plain Kafka clients for tests: write raw bytes, read a whole topic back, look at committed offsets.
 */
final class RawKafka {

	private RawKafka() {
	}

	static Map<String, Object> producerConfig(String bootstrapServers) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		return config;
	}

	static Map<String, Object> consumerConfig(String bootstrapServers) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		return config;
	}

	static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
		return new KafkaProducer<>(producerConfig(bootstrapServers), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	/**
	 * Every record of a topic, all partitions, in partition then offset order; waits until at least the expected
	 * count arrived.
	 */
	static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic, int expected) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.isEmpty() && System.nanoTime() < deadline) {
				for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
					partitions.add(new TopicPartition(topic, info.partition()));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			while (records.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			records.sort((a, b) -> (a.partition() != b.partition()) ? Integer.compare(a.partition(), b.partition())
					: Long.compare(a.offset(), b.offset()));
			return records;
		}
	}

	/** Committed offset per partition of a group on a topic (absent partitions have none). */
	static Map<Integer, Long> committed(String bootstrapServers, String group, String topic)
			throws ExecutionException, InterruptedException {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<Integer, Long> result = new HashMap<>();
			offsets.forEach((partition, offset) -> {
				if (partition.topic().equals(topic) && offset != null) {
					result.put(partition.partition(), offset.offset());
				}
			});
			return result;
		}
	}

	/** End offset per partition. */
	static Map<Integer, Long> endOffsets(String bootstrapServers, String topic, int partitions)
			throws ExecutionException, InterruptedException {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			Map<TopicPartition, OffsetSpec> request = new HashMap<>();
			for (int p = 0; p < partitions; p++) {
				request.put(new TopicPartition(topic, p), OffsetSpec.latest());
			}
			Map<TopicPartition, ListOffsetsResultInfo> answer = admin.listOffsets(request).all().get();
			Map<Integer, Long> result = new HashMap<>();
			answer.forEach((partition, info) -> result.put(partition.partition(), info.offset()));
			return result;
		}
	}

	/**
	 * Whether a group committed the end offset of every partition of a topic that has records: every record was
	 * handled or disposed of.
	 */
	static boolean caughtUp(String bootstrapServers, String group, String topic)
			throws ExecutionException, InterruptedException {
		int partitions;
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
		}
		Map<Integer, Long> committed = committed(bootstrapServers, group, topic);
		return endOffsets(bootstrapServers, topic, partitions).entrySet()
			.stream()
			.allMatch((end) -> end.getValue() == 0 || end.getValue().equals(committed.get(end.getKey())));
	}

}
