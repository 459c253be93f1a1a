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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.WorkerFailureException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.SingleRecordHeader;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter failure policy: a message that could not be handled is published to {@code <topic>-dlt} with its
 * original key, value and headers, plus spring-kafka's dead-letter headers (original topic, partition, offset,
 * timestamp and consumer group; exception class, cause class, message and stack trace) and
 * {@value #FAILURE_KIND_HEADER} with the {@link dev.openedx.eventbus.consumer.FailureKind#tag() failure kind}. The
 * original offset is committed only after the broker acknowledged the dead letter; when it cannot (broker down, not
 * authorized), this throws and the worker stops without committing, so the message is delivered again after a
 * restart.
 * <p>
 * A dead letter the broker or the producer refuses as too large ({@code RecordTooLargeException}: the dead-letter
 * topic's {@code max.message.bytes} or the producer's {@code max.request.size}) must not stall the partition: it is
 * written again with the stack trace cut (halved until it fits, header {@value #STACKTRACE_TRUNCATED_HEADER}); if
 * it does not fit without a stack trace, the original value does not fit either, and the dead letter keeps the
 * coordinates, the original headers and key, the failure, and the first {@value #VALUE_PREFIX_BYTES} bytes of the
 * value (header {@value #VALUE_TRUNCATED_HEADER}, never replayed). Only if
 * even that is refused does the worker stop, naming the topic's limit.
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

	/**
	 * Header of a dead letter written with its stack trace cut to fit the dead-letter topic: the length of the whole
	 * stack trace in characters, as decimal text.
	 * @since 0.2.0
	 */
	public static final String STACKTRACE_TRUNCATED_HEADER = "eventbus_dlt-stacktrace-truncated";

	/**
	 * Header of a dead letter that keeps only the first {@value #VALUE_PREFIX_BYTES} bytes of the value because the
	 * whole value does not fit the dead-letter topic: the original value's size in bytes, as decimal text. Such a dead
	 * letter cannot be replayed; the whole record is on the original topic while its retention keeps it.
	 * @since 0.2.0
	 */
	public static final String VALUE_TRUNCATED_HEADER = "eventbus_dlt-value-truncated";

	/** Bytes of the value a dead letter keeps when the whole value does not fit the dead-letter topic. */
	public static final int VALUE_PREFIX_BYTES = 1024;

	/** Below this length a stack trace is dropped rather than cut further. */
	private static final int MIN_STACK_TRACE_CHARS = 256;

	/** Exception message length a cut dead letter keeps. */
	private static final int MAX_MESSAGE_CHARS = 1024;

	private static final LogAccessor logger = new LogAccessor(KafkaDeadLetterRecoverer.class);

	private final ProducerFactory<byte[], byte[]> producerFactory;

	private final DeadLetterPublishingRecoverer recoverer;

	/** Writes the dead letters cut to fit: the exception message and stack trace come from {@link #cut}. */
	private final DeadLetterPublishingRecoverer cutRecoverer;

	/** What the next dead letter of {@link #cutRecoverer} carries; set on the worker thread just before. */
	private @Nullable Cut cut;

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
		KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(this.producerFactory);
		byte[] groupBytes = group.getBytes(StandardCharsets.UTF_8);
		this.recoverer = publisher(template, groupBytes, (headers) -> {
		});
		this.cutRecoverer = publisher(template, groupBytes, this::addCutHeaders);
		this.cutRecoverer.excludeHeader(HeadersToAdd.EX_MSG, HeadersToAdd.EX_STACKTRACE);
	}

	private static DeadLetterPublishingRecoverer publisher(KafkaTemplate<byte[], byte[]> template, byte[] group,
			Consumer<RecordHeaders> more) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
				(record, exception) -> new TopicPartition(record.topic() + TOPIC_SUFFIX, -1));
		publisher.setHeadersFunction((record, exception) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(new SingleRecordHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group));
			if (exception instanceof ConsumeFailureException failure) {
				headers.add(new SingleRecordHeader(FAILURE_KIND_HEADER, utf8(failure.kind().tag())));
			}
			more.accept(headers);
			return headers;
		});
		publisher.setFailIfSendResultIsError(true);
		return publisher;
	}

	/** The exception message and stack trace of a dead letter cut to fit, and what was cut. */
	private void addCutHeaders(RecordHeaders headers) {
		Cut current = Objects.requireNonNull(this.cut, "cut");
		headers.add(new SingleRecordHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(current.message())));
		if (current.stackTrace() != null) {
			headers.add(new SingleRecordHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, utf8(current.stackTrace())));
		}
		headers.add(new SingleRecordHeader(current.header(), utf8(Integer.toString(current.originalSize()))));
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
		this.cutRecoverer.setWaitForSendResultTimeout(timeout);
	}

	@Override
	public void recover(KafkaInboundMessage message, ConsumeFailureException failure) {
		ConsumerRecord<byte[], byte[]> record = message.record();
		String topic = record.topic() + TOPIC_SUFFIX;
		try {
			this.recoverer.accept(record, null, failure);
			return;
		}
		catch (RuntimeException ex) {
			rethrowUnlessTooLarge(ex, topic);
		}
		String stackTrace = stackTrace(failure);
		String reason = cut(String.valueOf(failure.getMessage()), MAX_MESSAGE_CHARS);
		for (int length = stackTrace.length() / 2;; length /= 2) {
			int kept = (length < MIN_STACK_TRACE_CHARS) ? 0 : length;
			if (publishCut(record, failure, new Cut(reason, stackTrace.substring(0, kept), STACKTRACE_TRUNCATED_HEADER,
					stackTrace.length()),
					topic)) {
				logger.warn(() -> "Dead letter of " + message.coordinates() + " was too large for "
						+ topic + "; written with its stack trace cut to " + kept + " of " + stackTrace.length()
						+ " characters");
				return;
			}
			if (kept == 0) {
				break;
			}
		}
		byte[] value = record.value();
		int size = (value != null) ? value.length : 0;
		ConsumerRecord<byte[], byte[]> prefix = new ConsumerRecord<>(record.topic(), record.partition(),
				record.offset(), record.timestamp(), record.timestampType(), record.serializedKeySize(),
				Math.min(size, VALUE_PREFIX_BYTES), record.key(),
				(value != null) ? Arrays.copyOf(value, Math.min(size, VALUE_PREFIX_BYTES)) : null, record.headers(),
				record.leaderEpoch());
		if (publishCut(prefix, failure, new Cut(reason, null, VALUE_TRUNCATED_HEADER, size), topic)) {
			logger.warn(() -> "Dead letter of " + message.coordinates() + " did not fit " + topic + " even without its "
					+ "stack trace; written with the first " + Math.min(size, VALUE_PREFIX_BYTES) + " of its " + size
					+ " value bytes (header " + VALUE_TRUNCATED_HEADER + ")");
			return;
		}
		// No retry can make it fit: the topic's settings must change.
		throw new WorkerFailureException("Dead-letter topic " + topic + " refuses even a dead letter of "
				+ message.coordinates() + " cut to its coordinates, headers, failure and the first " + VALUE_PREFIX_BYTES
				+ " value bytes as too large: raise the topic's max.message.bytes (and the producer's "
				+ "max.request.size)", null);
	}

	/** @return {@code false} when the cut dead letter is still too large */
	private boolean publishCut(ConsumerRecord<byte[], byte[]> record, ConsumeFailureException failure, Cut shape,
			String topic) {
		this.cut = shape;
		try {
			this.cutRecoverer.accept(record, null, failure);
			return true;
		}
		catch (RuntimeException ex) {
			rethrowUnlessTooLarge(ex, topic);
			return false;
		}
		finally {
			this.cut = null;
		}
	}

	private static void rethrowUnlessTooLarge(RuntimeException ex, String topic) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof RecordTooLargeException) {
				return;
			}
		}
		throw KafkaFailureRule.explain(ex, "dead-letter producer of topic " + topic);
	}

	private static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text, true));
		return text.toString();
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws Exception {
		if (this.producerFactory instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	/**
	 * What a dead letter cut to fit carries instead of spring-kafka's exception message and stack trace.
	 * @param message the exception message, cut
	 * @param stackTrace the stack trace cut, or {@code null} for none
	 * @param header the header that says what was cut
	 * @param originalSize the size of what was cut, before
	 */
	private record Cut(String message, @Nullable String stackTrace, String header, int originalSize) {
	}

}
