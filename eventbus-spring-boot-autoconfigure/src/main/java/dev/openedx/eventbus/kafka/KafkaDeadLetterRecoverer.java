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
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.SingleRecordHeader;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter failure policy: a message that could not be handled is published to {@code <topic>-dlt} with its
 * original key, value and headers, plus spring-kafka's dead-letter headers (original topic, partition, offset,
 * timestamp and consumer group; exception class, cause class, message and stack trace) and
 * {@value #FAILURE_KIND_HEADER} with the {@link dev.openedx.eventbus.consumer.FailureKind#tag() failure kind}. The
 * original offset is committed only after the broker acknowledged the dead letter; when it cannot, this throws and
 * the worker stops without committing, so the message is delivered again after a restart.
 * <p>
 * Built on spring-kafka's {@link DeadLetterPublishingRecoverer}, so tools that read its headers (for example to
 * re-publish dead letters) work unchanged. Numeric headers are big-endian binary as spring-kafka writes them: the
 * partition 4 bytes, offset and timestamp 8 bytes. The dead-letter partition is chosen by the producer's partitioner
 * from the original key (the {@link Crc32Partitioner} unless configured otherwise), so the dead-letter topic may have
 * any number of partitions.
 * <pre class="code">
 * FailureRecoverer&lt;KafkaInboundMessage&gt; deadLetters = new KafkaDeadLetterRecoverer(producerFactory, "my-group");
 * </pre>
 *
 * @since 0.1.0
 */
public final class KafkaDeadLetterRecoverer implements FailureRecoverer<KafkaInboundMessage>, AutoCloseable {

	/** Suffix of the dead-letter topic after the full original topic. */
	public static final String TOPIC_SUFFIX = "-dlt";

	/** Header carrying the failure kind, for example {@code undecodable_value}. */
	public static final String FAILURE_KIND_HEADER = "eventbus_dlt-failure-kind";

	private final ProducerFactory<byte[], byte[]> producerFactory;

	private final DeadLetterPublishingRecoverer recoverer;

	/**
	 * Create a recoverer that publishes through a copy of the given factory made with the producer settings the event
	 * bus requires ({@code acks=all}, idempotence, byte-array serializers); the copy is closed with this recoverer.
	 * @param producerFactory the factory to copy
	 * @param group the consumer group, recorded in each dead letter
	 */
	public KafkaDeadLetterRecoverer(ProducerFactory<byte[], byte[]> producerFactory, String group) {
		this(producerFactory, false, group);
	}

	private KafkaDeadLetterRecoverer(ProducerFactory<byte[], byte[]> factory, boolean ownFactory, String group) {
		Objects.requireNonNull(group, "group must not be null");
		this.producerFactory = ownFactory ? factory : ProducerFactories.enforce(factory);
		this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(this.producerFactory),
				(record, exception) -> new TopicPartition(record.topic() + TOPIC_SUFFIX, -1));
		byte[] groupBytes = group.getBytes(StandardCharsets.UTF_8);
		this.recoverer.setHeadersFunction((record, exception) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(new SingleRecordHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, groupBytes));
			if (exception instanceof ConsumeFailureException failure) {
				headers.add(new SingleRecordHeader(FAILURE_KIND_HEADER,
						failure.kind().tag().getBytes(StandardCharsets.UTF_8)));
			}
			return headers;
		});
		this.recoverer.setFailIfSendResultIsError(true);
	}

	/**
	 * Create a recoverer from plain Kafka producer settings (at least {@code bootstrap.servers}).
	 * @param producerConfig the producer settings
	 * @param group the consumer group, recorded in each dead letter
	 * @return the recoverer, to close when done
	 */
	public static KafkaDeadLetterRecoverer create(Map<String, Object> producerConfig, String group) {
		return new KafkaDeadLetterRecoverer(ProducerFactories.create(producerConfig), true, group);
	}

	/**
	 * How long to wait for the broker to acknowledge a dead letter at least; spring-kafka waits longer when the
	 * producer's {@code delivery.timeout.ms} is longer. Default 30 seconds.
	 * @param timeout the minimum wait
	 */
	public void setSendTimeout(Duration timeout) {
		this.recoverer.setWaitForSendResultTimeout(timeout);
	}

	@Override
	public void recover(KafkaInboundMessage message, ConsumeFailureException failure) {
		this.recoverer.accept(message.record(), null, failure);
	}

	@Override
	public void close() throws Exception {
		if (this.producerFactory instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

}
