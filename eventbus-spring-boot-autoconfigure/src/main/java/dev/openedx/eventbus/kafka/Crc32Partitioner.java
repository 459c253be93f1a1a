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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.jspecify.annotations.Nullable;

/**
 * The partitioner of the Python producers (librdkafka's default, {@code consistent_random}): the unsigned CRC-32 of
 * the serialized key bytes modulo the partition count; a missing or empty key goes to a random partition. Kafka's
 * Java default hashes with murmur2 instead, which would put the same key on a different partition than a Python
 * producer does and lose per-key order between the two on a shared topic. The key bytes are the framed key (magic
 * byte, schema id, Avro), so both sides agree as long as they share the registry, which they must anyway.
 * <pre class="code">
 * config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, Crc32Partitioner.class); // KafkaEventBusProducer's default
 * </pre>
 *
 * @since 0.1.0
 */
public final class Crc32Partitioner implements Partitioner {

	/**
	 * The partition librdkafka's {@code consistent} partitioner picks for a non-empty key.
	 * @param keyBytes the serialized key, not empty
	 * @param partitionCount the number of partitions of the topic
	 * @return the partition, from 0
	 */
	public static int partition(byte[] keyBytes, int partitionCount) {
		CRC32 crc = new CRC32();
		crc.update(keyBytes, 0, keyBytes.length);
		return (int) (crc.getValue() % partitionCount);
	}

	@Override
	public int partition(String topic, @Nullable Object key, byte @Nullable [] keyBytes, @Nullable Object value,
			byte @Nullable [] valueBytes, Cluster cluster) {
		List<PartitionInfo> partitions = cluster.partitionsForTopic(topic);
		int count = partitions.size();
		if (keyBytes != null && keyBytes.length > 0) {
			return partition(keyBytes, count);
		}
		// librdkafka: pick at random, and pick once more if that partition has no leader.
		PartitionInfo chosen = partitions.get(ThreadLocalRandom.current().nextInt(count));
		if (chosen.leader() == null) {
			chosen = partitions.get(ThreadLocalRandom.current().nextInt(count));
		}
		return chosen.partition();
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

	@Override
	public void close() {
	}

}
