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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Crc32PartitionerTests {

	// Expected partitions computed independently with librdkafka's algorithm (consistent_random =
	// crc32(key) % partition_count, CRC-32 as zlib, unsigned), in Python:
	//   python3 -c "import zlib; k=bytes.fromhex('<key hex>'); c=zlib.crc32(k); print(c, [c % n for n in (1,2,3,6,7,10,100)])"
	private static final int[] COUNTS = { 1, 2, 3, 6, 7, 10, 100 };

	@Test
	void plainKeyMatchesLibrdkafka() {
		// crc32(b'foobob') = 499262079
		assertPartitions("foobob".getBytes(StandardCharsets.US_ASCII), 0, 1, 0, 3, 1, 9, 79);
	}

	@Test
	void framedKeyOfThePluginTestsMatchesLibrdkafka() {
		// 00 00 00 00 01 0c "foobob" (wire-kafka.md 3.3); crc32 = 3705614169, above 2^31: unsigned matters.
		assertPartitions(KafkaVector.hex("00000000010c666f6f626f62"), 0, 1, 0, 3, 5, 9, 69);
	}

	@Test
	void vectorKeysMatchLibrdkafka() {
		// xblock.published.v1 key_hex; crc32 = 3800319254
		assertPartitions(KafkaVector.hex("00000000017a626c6f636b2d76313a6564582b44656d6f58302b323032365f54312b747970654076"
				+ "6572746963616c2b626c6f636b40766572746963616c5f30303030"), 0, 0, 2, 2, 4, 4, 54);
		// enrollment.created.v1 and passing.status.updated.v1 key_hex (same course key); crc32 = 109798782
		assertPartitions(KafkaVector.hex("000000000138636f757273652d76313a6564582b44656d6f58302b323032365f5431"), 0, 0,
				0, 0, 2, 2, 82);
	}

	@Test
	void vectorFilesCarryTheKeysTestedAbove() {
		Set<String> keys = new HashSet<>();
		KafkaVector.all().forEach((vector) -> keys.add(java.util.HexFormat.of().formatHex(vector.keyBytes())));
		assertThat(keys).containsExactlyInAnyOrder(
				"00000000017a626c6f636b2d76313a6564582b44656d6f58302b323032365f54312b7479706540766572746963616c2b626c6f636b40766572746963616c5f30303030",
				"000000000138636f757273652d76313a6564582b44656d6f58302b323032365f5431");
	}

	@Test
	void singleBytesMatchLibrdkafka() {
		// crc32(b'\x00') = 3523407757, crc32(b'\xff\xff\xff\xff') = 4294967295
		assertPartitions(new byte[] { 0 }, 0, 1, 1, 1, 2, 7, 57);
		assertPartitions(new byte[] { -1, -1, -1, -1 }, 0, 1, 0, 3, 3, 5, 95);
	}

	@Test
	void partitionerUsesTheTopicPartitionCount() {
		Crc32Partitioner partitioner = new Crc32Partitioner();
		byte[] key = KafkaVector.hex("00000000010c666f6f626f62");
		assertThat(partitioner.partition("t", key, key, null, null, cluster("t", 7))).isEqualTo(5);
		assertThat(partitioner.partition("t", key, key, null, null, cluster("t", 100))).isEqualTo(69);
	}

	@Test
	void missingOrEmptyKeyGoesToARandomPartition() {
		Crc32Partitioner partitioner = new Crc32Partitioner();
		Cluster cluster = cluster("t", 3);
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 300; i++) {
			seen.add(partitioner.partition("t", null, null, null, null, cluster));
			seen.add(partitioner.partition("t", new byte[0], new byte[0], null, null, cluster));
		}
		assertThat(seen).containsExactlyInAnyOrder(0, 1, 2);
	}

	private static void assertPartitions(byte[] key, int... expected) {
		int[] actual = new int[COUNTS.length];
		Crc32Partitioner partitioner = new Crc32Partitioner();
		for (int i = 0; i < COUNTS.length; i++) {
			actual[i] = Crc32Partitioner.partition(key, COUNTS[i]);
			assertThat(partitioner.partition("t", key, key, null, null, cluster("t", COUNTS[i]))).isEqualTo(actual[i]);
		}
		assertThat(actual).containsExactly(expected);
	}

	private static Cluster cluster(String topic, int partitions) {
		Node node = new Node(0, "localhost", 9092);
		List<PartitionInfo> infos = new ArrayList<>();
		for (int p = 0; p < partitions; p++) {
			infos.add(new PartitionInfo(topic, p, node, new Node[] { node }, new Node[] { node }));
		}
		return new Cluster("test", List.of(node), infos, Set.of(), Set.of());
	}

}
