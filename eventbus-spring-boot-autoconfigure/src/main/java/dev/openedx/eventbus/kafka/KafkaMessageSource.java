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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import dev.openedx.eventbus.consumer.MessageSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * The Kafka side of a worker: one consumer subscribed to one topic, committing only the offsets of acknowledged
 * records: asynchronously after each batch, synchronously when partitions are revoked and on close. Used from the
 * worker thread only, except {@link #wakeup()}.
 */
final class KafkaMessageSource implements MessageSource<KafkaInboundMessage>, ConsumerRebalanceListener {

	private static final LogAccessor logger = new LogAccessor(KafkaMessageSource.class);

	private final Supplier<Consumer<byte[], byte[]>> consumerFactory;

	private final String topic;

	private final String group;

	private final @Nullable Instant replayFrom;

	/** Next offset to commit per partition: one past the last acknowledged record. */
	private final Map<TopicPartition, OffsetAndMetadata> acknowledged = new HashMap<>();

	private final Map<Integer, TopicPartition> partitions = new HashMap<>();

	private final Set<TopicPartition> replayed = new HashSet<>();

	private volatile @Nullable Consumer<byte[], byte[]> consumer;

	private volatile boolean wakeupRequested;

	private boolean uncommitted;

	KafkaMessageSource(Supplier<Consumer<byte[], byte[]>> consumerFactory, String topic, String group,
			@Nullable Instant replayFrom) {
		this.consumerFactory = Objects.requireNonNull(consumerFactory, "consumerFactory must not be null");
		this.topic = Objects.requireNonNull(topic, "topic must not be null");
		this.group = Objects.requireNonNull(group, "group must not be null");
		this.replayFrom = replayFrom;
	}

	@Override
	public void open() {
		Consumer<byte[], byte[]> created = this.consumerFactory.get();
		this.consumer = created;
		created.subscribe(List.of(this.topic), this);
		logger.info(() -> "Running consumer for topic " + this.topic + ", group " + this.group
				+ ((this.replayFrom != null) ? ", replaying from " + this.replayFrom : ""));
		if (this.wakeupRequested) {
			created.wakeup();
		}
	}

	@Override
	public List<KafkaInboundMessage> poll(Duration timeout) {
		ConsumerRecords<byte[], byte[]> records = consumer().poll(timeout);
		if (records.isEmpty()) {
			return List.of();
		}
		List<KafkaInboundMessage> messages = new ArrayList<>(records.count());
		for (ConsumerRecord<byte[], byte[]> record : records) {
			messages.add(new KafkaInboundMessage(record));
		}
		return messages;
	}

	@Override
	public void acknowledge(KafkaInboundMessage message) {
		ConsumerRecord<byte[], byte[]> record = message.record();
		TopicPartition partition = this.partitions.get(record.partition());
		if (partition == null) {
			partition = new TopicPartition(record.topic(), record.partition());
			this.partitions.put(record.partition(), partition);
		}
		this.acknowledged.put(partition, new OffsetAndMetadata(record.offset() + 1, record.leaderEpoch(), ""));
		this.uncommitted = true;
	}

	@Override
	public void flush() {
		if (!this.uncommitted || this.acknowledged.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(this.acknowledged);
		this.uncommitted = false;
		consumer().commitAsync(offsets, (committed, exception) -> {
			if (exception != null) {
				// The next flush, revocation or close commits these again: re-delivery at worst, never loss.
				this.uncommitted = true;
				logger.warn(() -> "Could not commit offsets " + describe(offsets) + " of group " + this.group + ": "
						+ exception);
			}
		});
	}

	@Override
	public void wakeup() {
		this.wakeupRequested = true;
		Consumer<byte[], byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

	@Override
	public void close() {
		Consumer<byte[], byte[]> current = this.consumer;
		if (current == null) {
			return;
		}
		try {
			commitSync(this.acknowledged);
		}
		finally {
			current.close();
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (TopicPartition partition : revoked) {
			OffsetAndMetadata offset = this.acknowledged.remove(partition);
			if (offset != null) {
				offsets.put(partition, offset);
			}
		}
		commitSync(offsets);
	}

	@Override
	public void onPartitionsLost(Collection<TopicPartition> lost) {
		// Another member owns them already: committing would fail; they are re-delivered to it from the last commit.
		lost.forEach(this.acknowledged::remove);
		logger.warn(() -> "Partitions " + lost + " of group " + this.group + " were lost; records handled since the"
				+ " last commit will be delivered again");
	}

	@Override
	public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
		logger.debug(() -> "Group " + this.group + " assigned " + assigned);
		if (this.replayFrom == null) {
			return;
		}
		Map<TopicPartition, Long> query = new HashMap<>();
		for (TopicPartition partition : assigned) {
			if (this.replayed.add(partition)) {
				query.put(partition, this.replayFrom.toEpochMilli());
			}
		}
		if (query.isEmpty()) {
			return;
		}
		Consumer<byte[], byte[]> current = consumer();
		Map<TopicPartition, OffsetAndTimestamp> found = current.offsetsForTimes(query);
		for (TopicPartition partition : query.keySet()) {
			OffsetAndTimestamp position = found.get(partition);
			if (position != null) {
				current.seek(partition, position.offset());
				logger.info(() -> "Replaying " + partition + " for group " + this.group + " from offset "
						+ position.offset() + ", the first record at or after " + this.replayFrom);
			}
			else {
				current.seekToEnd(List.of(partition));
				logger.info(() -> "Replaying " + partition + " for group " + this.group + ": no record at or after "
						+ this.replayFrom + ", starting at the end");
			}
		}
	}

	private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
		if (offsets.isEmpty()) {
			return;
		}
		Consumer<byte[], byte[]> current = consumer();
		for (int attempt = 1; attempt <= 2; attempt++) {
			try {
				current.commitSync(offsets);
				return;
			}
			catch (WakeupException ex) {
				// A stop request woke the consumer; the commit still has to happen, so try once more.
			}
			catch (RuntimeException ex) {
				logger.warn(ex, () -> "Could not commit offsets " + describe(offsets) + " of group " + this.group
						+ "; those records will be delivered again");
				return;
			}
		}
	}

	private Consumer<byte[], byte[]> consumer() {
		Consumer<byte[], byte[]> current = this.consumer;
		if (current == null) {
			throw new IllegalStateException("The Kafka consumer of topic " + this.topic + " is not open");
		}
		return current;
	}

	private static String describe(Map<TopicPartition, OffsetAndMetadata> offsets) {
		StringBuilder sb = new StringBuilder();
		offsets.forEach((partition, offset) -> sb.append((sb.length() > 0) ? ", " : "")
			.append(partition)
			.append('@')
			.append(offset.offset()));
		return sb.toString();
	}

}
