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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaDefaultPartitionerTests {

	private final KafkaDefaultPartitioner partitioner = new KafkaDefaultPartitioner();

	@Test
	void keyLandsWhereTheJavaClientsBuiltInPartitionerPutsIt() {
		Cluster cluster = cluster("enrollments", 7);
		for (String key : List.of("course-v1:edX+DemoX0+2026_T1", "a", "", "learner00000", "block-v1:x+y+z")) {
			byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
			assertThat(this.partitioner.partition("enrollments", key, bytes, null, null, cluster)).as(key)
				.isEqualTo(BuiltInPartitioner.partitionForKey(bytes, 7));
		}
	}

	@Test
	void recordWithoutKeyGoesToAnAvailablePartition() {
		assertThat(this.partitioner.partition("enrollments", null, null, null, null, cluster("enrollments", 3)))
			.isBetween(0, 2);
	}

	private static Cluster cluster(String topic, int partitions) {
		Node node = new Node(0, "localhost", 9092);
		List<PartitionInfo> infos = new ArrayList<>();
		for (int i = 0; i < partitions; i++) {
			infos.add(new PartitionInfo(topic, i, node, new Node[] { node }, new Node[] { node }));
		}
		return new Cluster("c", List.of(node), infos, Set.of(), Set.of());
	}

}
