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

package dev.openedx.eventbus.redis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.WorkerFailureException;
import dev.openedx.eventbus.event.LogText;
import dev.openedx.eventbus.event.PythonDateTimes;

import org.springframework.core.log.LogAccessor;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;

/**
 * The dead-letter policy: copies an entry that could not be handled to {@code <stream>-dlq}, with all its original
 * fields first, unchanged and in order (so the copy is itself a valid event-bus entry that can be replayed as is),
 * followed by the error fields {@value #ORIGINAL_STREAM}, {@value #ORIGINAL_ID}, {@value #GROUP},
 * {@value #CONSUMER}, {@value #FAILURE_KIND}, {@value #EXCEPTION_CLASS}, {@value #EXCEPTION_MESSAGE} and
 * {@value #FAILED_AT}. The copy is written synchronously; when it fails this throws, and the worker stops without
 * acknowledging the entry.
 * <pre class="code">
 * FailureRecoverer&lt;RedisStreamMessage&gt; recoverer =
 *         new RedisDeadLetterRecoverer(connectionFactory, "discovery", "discovery-0", 0);
 * </pre>
 *
 * @since 0.1.0
 */
public final class RedisDeadLetterRecoverer implements FailureRecoverer<RedisStreamMessage> {

	/** Suffix of the dead-letter stream name. */
	public static final String SUFFIX = "-dlq";

	/** Field: the stream the entry was read from. */
	public static final String ORIGINAL_STREAM = "dlq_original_stream";

	/** Field: the entry id in that stream. */
	public static final String ORIGINAL_ID = "dlq_original_id";

	/** Field: the consumer group. */
	public static final String GROUP = "dlq_group";

	/** Field: the consumer name. */
	public static final String CONSUMER = "dlq_consumer";

	/** Field: the failure kind tag, for example {@code undecodable_value}. */
	public static final String FAILURE_KIND = "dlq_failure_kind";

	/** Field: the class of the underlying exception. */
	public static final String EXCEPTION_CLASS = "dlq_exception_class";

	/** Field: the failure message. */
	public static final String EXCEPTION_MESSAGE = "dlq_exception_message";

	/** Field: when the failure was recorded, Python {@code isoformat()} UTC. */
	public static final String FAILED_AT = "dlq_failed_at";

	private static final LogAccessor logger = new LogAccessor(RedisDeadLetterRecoverer.class);

	private final RedisConnectionFactory connectionFactory;

	private final String group;

	private final String consumerName;

	private final XAddOptions options;

	/**
	 * Create a recoverer.
	 * @param connectionFactory the connection factory
	 * @param group the consumer group, recorded in each dead letter
	 * @param consumerName the consumer name, recorded in each dead letter
	 * @param maxLength approximate length kept in the dead-letter stream, 0 to never trim it
	 */
	public RedisDeadLetterRecoverer(RedisConnectionFactory connectionFactory, String group, String consumerName,
			long maxLength) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.group = Objects.requireNonNull(group, "group must not be null");
		this.consumerName = Objects.requireNonNull(consumerName, "consumerName must not be null");
		if (maxLength < 0) {
			throw new IllegalArgumentException("maxLength must not be negative, was " + maxLength);
		}
		this.options = (maxLength > 0) ? XAddOptions.maxlen(maxLength).approximateTrimming(true) : XAddOptions.none();
	}

	/**
	 * The dead-letter stream of a stream.
	 * @param stream the full stream name
	 * @return {@code <stream>-dlq}
	 */
	public static String deadLetterStream(String stream) {
		return stream + SUFFIX;
	}

	@Override
	public void recover(RedisStreamMessage message, ConsumeFailureException failure) {
		String target = deadLetterStream(message.stream());
		// Identity keys: duplicates (an entry that was dead-lettered before) are kept, in order.
		Map<byte[], byte[]> fields = new LinkedHashMap<>();
		for (Map.Entry<byte[], byte[]> field : message.fields()) {
			fields.put(field.getKey(), field.getValue());
		}
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		put(fields, ORIGINAL_STREAM, message.stream());
		put(fields, ORIGINAL_ID, message.id());
		put(fields, GROUP, this.group);
		put(fields, CONSUMER, this.consumerName);
		put(fields, FAILURE_KIND, failure.kind().tag());
		put(fields, EXCEPTION_CLASS, cause.getClass().getName());
		put(fields, EXCEPTION_MESSAGE, String.valueOf(failure.getMessage()));
		put(fields, FAILED_AT, PythonDateTimes.formatUtc(Instant.now()));
		RecordId id;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			id = connection.streamCommands()
				.xAdd(StreamRecords.newRecord().in(StreamFields.utf8(target)).ofBytes(fields), this.options);
		}
		catch (RuntimeException ex) {
			String refusal = RedisFailureRule.refusal(ex);
			if (refusal != null) {
				throw new WorkerFailureException("Redis refused the dead letter of " + message.coordinates() + " to "
						+ target + ": " + LogText.escape(refusal) + " (check spring.data.redis.username and "
						+ "spring.data.redis.password, and that the ACL user may XADD to the -dlq streams: the rule "
						+ "of docs/security.md)", ex);
			}
			throw ex;
		}
		if (id == null) {
			throw new IllegalStateException("XADD to " + target + " returned no entry id");
		}
		logger.info(() -> "Dead-lettered " + message.coordinates() + " (" + failure.kind().tag() + ") to " + target
				+ "@" + id.getValue());
	}

	private static void put(Map<byte[], byte[]> fields, String name, String value) {
		fields.put(StreamFields.utf8(name), StreamFields.utf8(value));
	}

}
