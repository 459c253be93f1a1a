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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.openedx.eventbus.consumer.DeadLetterReplayRequest;
import dev.openedx.eventbus.consumer.DeadLetterReplayResult;
import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter.Outcome;
import dev.openedx.eventbus.event.LogText;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Replays the dead letters of {@code <topic>-dlt} ({@link KafkaDeadLetterRecoverer}) to {@code <topic>}: each
 * selected record is sent with its key, value and headers exactly as the dead letter holds them (the original ones,
 * byte for byte, in order), without the {@code kafka_dlt-*} and {@code eventbus_dlt-*} headers. The partition is
 * chosen from the key by the producer's partitioner, as for any send of the event bus (the CRC-32 one of the Python
 * producers unless configured otherwise), and the timestamp is the time of the replay.
 * <p>
 * Each replay is recorded on {@code <topic>-dlt-replayed}: a record keyed by the dead letter's {@code partition@offset}
 * whose value is where it was replayed to ({@code topic-partition@offset}). A run reads that topic first and skips
 * every dead letter found there, so running the same replay twice replays nothing the second time; a dead letter that
 * fails again after its replay is a new dead letter (a new offset) and can be replayed in turn. The record is written
 * after the broker acknowledged the replay: a process killed between the two replays that one message again on the
 * next run (at least once, as everywhere in the event bus). Create {@code <topic>-dlt-replayed} with
 * {@code cleanup.policy=compact} where the broker does not auto-create topics.
 * <p>
 * Dead letters are selected by id ({@code partition@offset} in the dead-letter topic, or the event id of their
 * {@code ce_id} header), by the time their original record was written ({@code kafka_dlt-original-timestamp}, else
 * the dead letter's own timestamp, which spring-kafka copies from the original) and by the group that dead-lettered
 * them ({@code kafka_dlt-original-consumer-group}). A dead letter whose value was cut to fit the dead-letter topic
 * (header {@value #TRUNCATED_VALUE_HEADER}) is never replayed.
 *
 * @since 0.2.0
 */
public final class KafkaDeadLetterReplayer implements DeadLetterReplayer, AutoCloseable {

	/** Suffix of the replay-record topic after the dead-letter topic: {@code <topic>-dlt-replayed}. */
	public static final String REPLAYED_SUFFIX = "-replayed";

	/** Header of a dead letter whose value was cut to fit: it cannot be replayed. */
	public static final String TRUNCATED_VALUE_HEADER = "eventbus_dlt-value-truncated";

	private static final List<String> DEAD_LETTER_HEADER_PREFIXES = List.of(KafkaHeaders.PREFIX + "dlt-",
			"eventbus_dlt-");

	private static final LogAccessor logger = new LogAccessor(KafkaDeadLetterReplayer.class);

	private final ConsumerFactory<byte[], byte[]> consumerFactory;

	private final ProducerFactory<byte[], byte[]> producerFactory;

	private final boolean ownConsumerFactory;

	private volatile Duration timeout = Duration.ofSeconds(30);

	/**
	 * Create a replayer that reads through the given consumer factory (without committing anything) and sends through
	 * a copy of the given producer factory made with the settings the event bus requires ({@code acks=all},
	 * idempotence, byte-array serializers); the copy is closed with this replayer.
	 * @param consumerFactory makes the consumers that read the dead letters, must not be {@code null}
	 * @param producerFactory the factory to copy, must not be {@code null}
	 */
	public KafkaDeadLetterReplayer(ConsumerFactory<byte[], byte[]> consumerFactory,
			ProducerFactory<byte[], byte[]> producerFactory) {
		this(consumerFactory, ProducerFactories.enforce(producerFactory), false);
	}

	private KafkaDeadLetterReplayer(ConsumerFactory<byte[], byte[]> consumerFactory,
			ProducerFactory<byte[], byte[]> producerFactory, boolean ownConsumerFactory) {
		this.consumerFactory = Objects.requireNonNull(consumerFactory, "consumerFactory must not be null");
		this.producerFactory = Objects.requireNonNull(producerFactory, "producerFactory must not be null");
		this.ownConsumerFactory = ownConsumerFactory;
	}

	/**
	 * Create a replayer from plain Kafka client settings (at least {@code bootstrap.servers}).
	 * @param consumerConfig the consumer settings
	 * @param producerConfig the producer settings
	 * @return the replayer, to close when done
	 */
	public static KafkaDeadLetterReplayer create(Map<String, Object> consumerConfig,
			Map<String, Object> producerConfig) {
		return new KafkaDeadLetterReplayer(new DefaultKafkaConsumerFactory<>(consumerConfig,
				new ByteArrayDeserializer(), new ByteArrayDeserializer()), ProducerFactories.create(producerConfig),
				true);
	}

	/**
	 * How long to wait for the broker: an acknowledgement of each send, or progress while reading. Default 30 seconds.
	 * @param timeout the wait, must be positive
	 */
	public void setTimeout(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, was " + timeout);
		}
		this.timeout = timeout;
	}

	@Override
	public String transport() {
		return KafkaEventBusConsumer.TRANSPORT;
	}

	@Override
	public String deadLetterDestination(String destination) {
		return destination + KafkaDeadLetterRecoverer.TOPIC_SUFFIX;
	}

	/**
	 * The topic the replays of a topic's dead letters are recorded on.
	 * @param destination the full topic name
	 * @return {@code <topic>-dlt-replayed}
	 */
	public String replayRecordTopic(String destination) {
		return deadLetterDestination(destination) + REPLAYED_SUFFIX;
	}

	@Override
	public DeadLetterReplayResult replay(DeadLetterReplayRequest request) {
		String topic = request.destination();
		String deadLetters = deadLetterDestination(topic);
		String records = replayRecordTopic(topic);
		List<ReplayedDeadLetter> letters = new ArrayList<>();
		long scanned;
		try (Consumer<byte[], byte[]> consumer = createConsumer();
				Producer<byte[], byte[]> producer = request.dryRun() ? null : this.producerFactory.createProducer()) {
			Set<String> replayed = new HashSet<>();
			readAll(consumer, records, (record) -> {
				if (record.key() != null) {
					replayed.add(new String(record.key(), StandardCharsets.UTF_8));
				}
			});
			scanned = readAll(consumer, deadLetters, (letter) -> {
				ReplayedDeadLetter selected = select(request, letter, replayed);
				if (selected != null) {
					letters.add((producer != null && selected.outcome() == Outcome.WOULD_REPLAY)
							? send(producer, topic, records, letter, selected) : selected);
				}
			});
		}
		catch (KafkaException ex) {
			throw new IllegalStateException("Could not replay the dead letters of " + deadLetters + " to " + topic + " ("
					+ letters.stream().filter((letter) -> letter.outcome() == Outcome.REPLAYED).count()
					+ " replayed and recorded before): " + ex, ex);
		}
		DeadLetterReplayResult result = new DeadLetterReplayResult(deadLetters, topic, request.dryRun(), scanned,
				letters);
		logger.info(() -> "Replay of dead letters: " + result.summary());
		return result;
	}

	private @Nullable ReplayedDeadLetter select(DeadLetterReplayRequest request, ConsumerRecord<byte[], byte[]> letter,
			Set<String> replayed) {
		String id = letter.partition() + "@" + letter.offset();
		String eventId = text(letter, CloudEventHeaders.ID);
		String group = text(letter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
		Instant time = originalTime(letter);
		if (!request.selects(id, eventId, time, group)) {
			return null;
		}
		Outcome outcome;
		if (letter.headers().lastHeader(TRUNCATED_VALUE_HEADER) != null) {
			outcome = Outcome.NOT_REPLAYABLE;
		}
		else if (!request.force() && replayed.contains(id)) {
			outcome = Outcome.ALREADY_REPLAYED;
		}
		else {
			outcome = Outcome.WOULD_REPLAY;
		}
		return new ReplayedDeadLetter(id, eventId, text(letter, CloudEventHeaders.TYPE), group,
				text(letter, KafkaDeadLetterRecoverer.FAILURE_KIND_HEADER), time, outcome, null);
	}

	private ReplayedDeadLetter send(Producer<byte[], byte[]> producer, String topic, String records,
			ConsumerRecord<byte[], byte[]> letter, ReplayedDeadLetter selected) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : letter.headers()) {
			if (!isDeadLetterHeader(header.key())) {
				headers.add(header.key(), header.value());
			}
		}
		String from = letter.topic() + "-" + selected.id();
		RecordMetadata sent = await(producer.send(new ProducerRecord<>(topic, null, null, letter.key(), letter.value(),
				headers)), "replay dead letter " + from + " to " + topic);
		String to = sent.topic() + "-" + sent.partition() + "@" + sent.offset();
		await(producer.send(new ProducerRecord<>(records, selected.id().getBytes(StandardCharsets.UTF_8),
				to.getBytes(StandardCharsets.UTF_8))), "record on " + records + " that dead letter " + from
						+ " was replayed to " + to + " (a next run replays it again)");
		logger.info(() -> "Replayed dead letter " + from + " (" + LogText.escape(selected.eventType()) + " id="
				+ LogText.escape(selected.eventId()) + ", " + LogText.escape(selected.failureKind()) + ") to " + to);
		return new ReplayedDeadLetter(selected.id(), selected.eventId(), selected.eventType(), selected.group(),
				selected.failureKind(), selected.time(), Outcome.REPLAYED, to);
	}

	private RecordMetadata await(Future<RecordMetadata> future, String what) {
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to " + what, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalStateException("Could not " + what + ": " + cause, cause);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Could not " + what + ": the broker did not acknowledge it within "
					+ this.timeout, ex);
		}
	}

	/**
	 * Read a topic from its beginning to the end it had when the read started.
	 * @return how many records were read
	 */
	private long readAll(Consumer<byte[], byte[]> consumer, String topic,
			java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
		List<PartitionInfo> infos = consumer.partitionsFor(topic, this.timeout);
		if (infos == null || infos.isEmpty()) {
			return 0;
		}
		List<TopicPartition> partitions = infos.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.sorted(Comparator.comparingInt(TopicPartition::partition))
			.toList();
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, this.timeout);
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Set<TopicPartition> reading = new HashSet<>(partitions);
		long read = 0;
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (true) {
			List<TopicPartition> done = reading.stream()
				.filter((partition) -> consumer.position(partition, this.timeout) >= ends.getOrDefault(partition, 0L))
				.toList();
			if (!done.isEmpty()) {
				// Records written since the read started are not this run's.
				consumer.pause(done);
				done.forEach(reading::remove);
			}
			if (reading.isEmpty()) {
				break;
			}
			ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
			if (polled.isEmpty()) {
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException("Could not read " + reading + " up to the offsets " + ends
							+ ": no records for " + this.timeout);
				}
				continue;
			}
			for (ConsumerRecord<byte[], byte[]> record : polled) {
				if (record.offset() < ends.getOrDefault(new TopicPartition(topic, record.partition()), 0L)) {
					each.accept(record);
					read++;
				}
			}
			deadline = System.nanoTime() + this.timeout.toNanos();
		}
		consumer.unsubscribe();
		return read;
	}

	private Consumer<byte[], byte[]> createConsumer() {
		Properties overrides = new Properties();
		// Read only: nothing is committed, nothing is created.
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return this.consumerFactory.createConsumer(null, null, "-dlt-replay", overrides);
	}

	private static boolean isDeadLetterHeader(String name) {
		for (String prefix : DEAD_LETTER_HEADER_PREFIXES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static Instant originalTime(ConsumerRecord<byte[], byte[]> letter) {
		Header header = letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
		if (header != null && header.value() != null && header.value().length == Long.BYTES) {
			return Instant.ofEpochMilli(ByteBuffer.wrap(header.value()).getLong());
		}
		return Instant.ofEpochMilli(letter.timestamp());
	}

	private static @Nullable String text(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() throws Exception {
		if (this.producerFactory instanceof DisposableBean disposable) {
			disposable.destroy();
		}
		if (this.ownConsumerFactory && this.consumerFactory instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

}
