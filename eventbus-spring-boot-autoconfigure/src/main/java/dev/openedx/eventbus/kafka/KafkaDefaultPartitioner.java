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

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;

/**
 * The Java client's own mapping of a key to a partition (murmur2 of the serialized key), for
 * {@code eventbus.kafka.producer.partitioner=kafka-default}. Kafka 4 has no public class for its built-in
 * partitioner that a {@code partitioner.class} setting could name, and the event bus producer installs the CRC-32
 * partitioner whenever none is named, hence these few lines. Event bus records always have a key; one without is
 * put on a random available partition.
 *
 * @since 0.1.0
 */
public final class KafkaDefaultPartitioner implements Partitioner {

	@Override
	public int partition(String topic, @Nullable Object key, byte @Nullable [] keyBytes, @Nullable Object value,
			byte @Nullable [] valueBytes, Cluster cluster) {
		int partitions = cluster.partitionCountForTopic(topic);
		if (keyBytes != null) {
			return Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
		}
		List<PartitionInfo> available = cluster.availablePartitionsForTopic(topic);
		if (!available.isEmpty()) {
			return available.get(ThreadLocalRandom.current().nextInt(available.size())).partition();
		}
		return ThreadLocalRandom.current().nextInt(partitions);
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

	@Override
	public void close() {
	}

}
