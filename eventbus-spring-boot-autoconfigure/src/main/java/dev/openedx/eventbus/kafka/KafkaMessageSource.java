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
import java.util.concurrent.TimeUnit;
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
 * records. Used from the worker thread only, except {@link #wakeup()}.
 * <ul>
 * <li>Commits: the handled prefix of each partition is committed asynchronously every {@value #COMMIT_EVERY_MILLIS}
 * ms or {@value #COMMIT_EVERY_RECORDS} records, whichever comes first, and after each batch, so a crash re-delivers
 * at most that much; synchronously when partitions are revoked and on close.</li>
 * <li>Membership: while the worker goes through a batch or waits on one message, the source polls with every
 * assigned partition paused ({@link #keepAlive()}, also run from {@link #acknowledge} once
 * {@value #KEEP_ALIVE_EVERY_MILLIS} ms have passed since the last poll), so a slow listener never exceeds
 * {@code max.poll.interval.ms} and the member takes part in rebalances as soon as they start.</li>
 * <li>Rebalances: on revocation, what was handled is committed and the rest of the batch of those partitions is
 * dropped ({@link KafkaBatch}): the new owner reads it from the committed offset, so no record is handled by two live
 * members. Records polled but not acknowledged when the worker polls again are read again (the source seeks back),
 * never skipped.</li>
 * </ul>
 */
final class KafkaMessageSource implements MessageSource<KafkaInboundMessage>, ConsumerRebalanceListener {

	/** Longest time acknowledged offsets wait to be committed while records keep being acknowledged. */
	static final long COMMIT_EVERY_MILLIS = 50;

	/** Most acknowledged records waiting to be committed. */
	static final int COMMIT_EVERY_RECORDS = 100;

	/** Longest time between two polls while the worker goes through a batch. */
	static final long KEEP_ALIVE_EVERY_MILLIS = 100;

	private static final LogAccessor logger = new LogAccessor(KafkaMessageSource.class);

	private final Supplier<Consumer<byte[], byte[]>> consumerFactory;

	private final String topic;

	private final String group;

	private final @Nullable Instant replayFrom;

	/** Next offset to commit per owned partition: one past the last acknowledged record. */
	private final Map<TopicPartition, OffsetAndMetadata> acknowledged = new HashMap<>();

	/** Partitions whose acknowledged offset changed since the last commit was sent. */
	private final Set<TopicPartition> changed = new HashSet<>();

	/** Per partition of the current batch: the first offset polled and not acknowledged yet. */
	private final Map<TopicPartition, Long> unacknowledged = new HashMap<>();

	/** Per partition of the current batch: one past the last offset polled. */
	private final Map<TopicPartition, Long> batchEnd = new HashMap<>();

	private final Map<Integer, TopicPartition> partitions = new HashMap<>();

	private final Set<TopicPartition> replayed = new HashSet<>();

	private final String description;

	private volatile @Nullable Consumer<byte[], byte[]> consumer;

	private volatile boolean wakeupRequested;

	private boolean keepingAlive;

	private int acknowledgedSinceCommit;

	private long lastCommitNanos = System.nanoTime();

	private long lastPollNanos = System.nanoTime();

	KafkaMessageSource(Supplier<Consumer<byte[], byte[]>> consumerFactory, String topic, String group,
			@Nullable Instant replayFrom) {
		this.consumerFactory = Objects.requireNonNull(consumerFactory, "consumerFactory must not be null");
		this.topic = Objects.requireNonNull(topic, "topic must not be null");
		this.group = Objects.requireNonNull(group, "group must not be null");
		this.replayFrom = replayFrom;
		this.description = "consumer of topic " + topic + ", group " + group;
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
		Consumer<byte[], byte[]> current = consumer();
		rewindUnacknowledged(current);
		ConsumerRecords<byte[], byte[]> records;
		try {
			records = current.poll(timeout);
		}
		catch (RuntimeException ex) {
			throw KafkaFailureRule.explain(ex, this.description);
		}
		finally {
			this.lastPollNanos = System.nanoTime();
		}
		commitIfDue();
		if (records.isEmpty()) {
			return List.of();
		}
		List<KafkaInboundMessage> messages = new ArrayList<>(records.count());
		for (ConsumerRecord<byte[], byte[]> record : records) {
			TopicPartition partition = partition(record);
			this.unacknowledged.putIfAbsent(partition, record.offset());
			this.batchEnd.put(partition, record.offset() + 1);
			messages.add(new KafkaInboundMessage(record));
		}
		return new KafkaBatch(messages, this::isCurrent);
	}

	@Override
	public void acknowledge(KafkaInboundMessage message) {
		ConsumerRecord<byte[], byte[]> record = message.record();
		TopicPartition partition = partition(record);
		Long end = this.batchEnd.get(partition);
		if (end == null) {
			// Revoked while it was handled: its new owner reads it again from the committed offset.
			logger.debug(() -> "Not acknowledging " + message.coordinates() + ": its partition was revoked");
		}
		else {
			this.acknowledged.put(partition, new OffsetAndMetadata(record.offset() + 1, record.leaderEpoch(), ""));
			this.changed.add(partition);
			this.acknowledgedSinceCommit++;
			if (record.offset() + 1 >= end) {
				this.unacknowledged.remove(partition);
				this.batchEnd.remove(partition);
			}
			else {
				this.unacknowledged.put(partition, record.offset() + 1);
			}
		}
		commitIfDue();
		if (elapsedMillis(this.lastPollNanos) >= KEEP_ALIVE_EVERY_MILLIS) {
			keepAliveQuietly();
		}
	}

	@Override
	public void flush() {
		commitAsync();
	}

	/**
	 * Poll with every assigned partition paused: heartbeats, rebalances and commit callbacks go on, no record can be
	 * returned. Partitions assigned during this poll are paused too (in {@link #onPartitionsAssigned}); revoked ones
	 * leave the current batch. Every partition is resumed after.
	 */
	@Override
	public void keepAlive() {
		Consumer<byte[], byte[]> current = consumer();
		current.pause(current.assignment());
		this.keepingAlive = true;
		try {
			ConsumerRecords<byte[], byte[]> records = current.poll(Duration.ZERO);
			if (!records.isEmpty()) {
				// Cannot happen while paused; should it, these records are read again rather than lost.
				for (TopicPartition partition : records.partitions()) {
					long first = records.records(partition).get(0).offset();
					current.seek(partition, first);
				}
				logger.warn(() -> "A paused poll of " + this.description + " returned " + records.count()
						+ " records; they will be read again");
			}
		}
		catch (RuntimeException ex) {
			throw KafkaFailureRule.explain(ex, this.description);
		}
		finally {
			this.keepingAlive = false;
			this.lastPollNanos = System.nanoTime();
			current.resume(current.assignment());
		}
		commitIfDue();
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
			this.changed.remove(partition);
			dropFromBatch(partition);
		}
		commitSync(offsets);
		logger.debug(() -> "Group " + this.group + " revoked " + revoked + "; committed " + describe(offsets));
	}

	@Override
	public void onPartitionsLost(Collection<TopicPartition> lost) {
		// Another member owns them already: committing would fail; they are re-delivered to it from the last commit.
		for (TopicPartition partition : lost) {
			this.acknowledged.remove(partition);
			this.changed.remove(partition);
			dropFromBatch(partition);
		}
		logger.warn(() -> "Partitions " + lost + " of group " + this.group + " were lost; records handled since the"
				+ " last commit will be delivered again");
	}

	@Override
	public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
		logger.debug(() -> "Group " + this.group + " assigned " + assigned);
		if (this.keepingAlive) {
			// A paused poll must not return records of partitions it was just given.
			consumer().pause(assigned);
		}
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

	/** Whether a record of the current batch may still be handled: its partition was not revoked since the poll. */
	private boolean isCurrent(KafkaInboundMessage message) {
		return this.batchEnd.containsKey(partition(message.record()));
	}

	private void dropFromBatch(TopicPartition partition) {
		if (this.batchEnd.remove(partition) != null) {
			Long from = this.unacknowledged.remove(partition);
			logger.info(() -> "Partition " + partition + " of group " + this.group + " was revoked: its records from "
					+ "offset " + from + " on are left to its new owner");
		}
	}

	/**
	 * Records polled but not acknowledged (the worker left the batch early) must be polled again, not skipped: the
	 * consumer's position is already past them.
	 */
	private void rewindUnacknowledged(Consumer<byte[], byte[]> current) {
		Set<TopicPartition> assignment = this.unacknowledged.isEmpty() ? Set.of() : current.assignment();
		this.unacknowledged.forEach((partition, offset) -> {
			if (assignment.contains(partition)) {
				current.seek(partition, offset);
			}
		});
		this.unacknowledged.clear();
		this.batchEnd.clear();
	}

	private void commitIfDue() {
		if (this.changed.isEmpty()) {
			return;
		}
		if (this.acknowledgedSinceCommit >= COMMIT_EVERY_RECORDS
				|| elapsedMillis(this.lastCommitNanos) >= COMMIT_EVERY_MILLIS) {
			commitAsync();
		}
	}

	private void commitAsync() {
		if (this.changed.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (TopicPartition partition : this.changed) {
			offsets.put(partition, this.acknowledged.get(partition));
		}
		this.changed.clear();
		this.acknowledgedSinceCommit = 0;
		this.lastCommitNanos = System.nanoTime();
		consumer().commitAsync(offsets, (committed, exception) -> {
			// Called on the worker thread, from a later poll or commit.
			if (exception != null) {
				// The next commit, revocation or close commits these again: re-delivery at worst, never loss.
				offsets.keySet().stream().filter(this.acknowledged::containsKey).forEach(this.changed::add);
				logger.warn(() -> "Could not commit offsets " + describe(offsets) + " of group " + this.group + ": "
						+ exception);
			}
		});
	}

	private void keepAliveQuietly() {
		try {
			keepAlive();
		}
		catch (WakeupException ex) {
			// A stop request: leave the wakeup armed for the worker's next blocking call.
			consumer().wakeup();
		}
		catch (RuntimeException ex) {
			// The worker's next poll meets the same failure and handles it; this acknowledgement stands.
			logger.warn(() -> "Paused poll of " + this.description + " failed: " + ex);
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

	private TopicPartition partition(ConsumerRecord<byte[], byte[]> record) {
		TopicPartition partition = this.partitions.get(record.partition());
		if (partition == null) {
			partition = new TopicPartition(record.topic(), record.partition());
			this.partitions.put(record.partition(), partition);
		}
		return partition;
	}

	private Consumer<byte[], byte[]> consumer() {
		Consumer<byte[], byte[]> current = this.consumer;
		if (current == null) {
			throw new IllegalStateException("The Kafka consumer of topic " + this.topic + " is not open");
		}
		return current;
	}

	private static long elapsedMillis(long since) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
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
