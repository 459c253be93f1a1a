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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.MessageSource;
import dev.openedx.eventbus.consumer.WorkerFailureException;
import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.LogText;
import io.lettuce.core.Limit;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.models.stream.PendingMessage;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandKeyword;
import io.lettuce.core.protocol.CommandType;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;

/**
 * Reads one stream for one consumer of a group and acknowledges what the engine handled.
 * <p>
 * Each poll does one of, in this order: re-read this consumer's own pending entries ({@code XREADGROUP ... 0}, at
 * start and on every sweep, so entries whose read reply was lost in a reconnect are handled too); take over
 * entries other consumers left pending longer than the claim idle time ({@code XAUTOCLAIM}, on every sweep); read
 * new entries ({@code XREADGROUP ... BLOCK ... >}). Acknowledgements are buffered and sent as one {@code XACK} per
 * flush, and always before the next read, so this consumer's pending list holds nothing already handled when it is
 * re-read. After any failure the connection is dropped and the next poll sets the group up again (creating it when
 * it was lost) and re-reads its own pending entries.
 * <p>
 * Entries re-read or claimed carry their delivery count ({@code XPENDING}), which the delivery limit checks. Entries
 * trimmed away before the group handled them are counted as lost ({@link ConsumerObserver#lost}) and logged at
 * ERROR with their ids: those trimmed while pending (the ids {@code XAUTOCLAIM} reports deleted, the empty entries
 * of a re-read), acknowledged so they leave the pending list, and those trimmed before the group read them at all
 * ({@link StreamLossDetector}, at start and on every sweep). Nothing is read before this worker holds the lease of its
 * consumer name ({@link ConsumerNameLease}), so two live workers never share one. A refused password or a missing
 * permission fails the
 * worker ({@link WorkerFailureException}) naming the settings and the ACL rule to check.
 */
final class RedisStreamMessageSource implements MessageSource<RedisStreamMessage> {

	/** Loss reason: entries trimmed before the group read them. */
	static final String TRIMMED_BEFORE_READ = "trimmed_before_read";

	/** Loss reason: entries trimmed after a consumer read them and before it acknowledged them. */
	static final String TRIMMED_WHILE_PENDING = "trimmed_while_pending";

	private static final LogAccessor logger = new LogAccessor(RedisStreamMessageSource.class);

	private static final String STREAM_START = "0-0";

	/** XAUTOCLAIM rounds that found nothing idle in one poll before reading new entries instead. */
	private static final int MAX_EMPTY_CLAIM_ROUNDS = 10;

	/** How long a poll waits while another worker's lease on this consumer name may still expire. */
	private static final long LEASE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	private final RedisConnectionFactory connectionFactory;

	private final RedisConsumerSettings settings;

	private final Duration commandTimeout;

	private final ConsumerObserver observer;

	private final String stream;

	private final byte[] key;

	private final byte[] group;

	private final Consumer consumer;

	private final io.lettuce.core.Consumer<byte[]> nativeConsumer;

	private final List<String> acks = new ArrayList<>();

	private final StreamLossDetector lossDetector = new StreamLossDetector();

	private final ConsumerNameLease lease;

	private @Nullable RedisConnection connection;

	private boolean groupReady;

	private boolean startPositionApplied;

	private boolean readingPending = true;

	private String pendingCursor = "0";

	private boolean claiming;

	private String claimCursor = STREAM_START;

	private long nextSweep = System.nanoTime();

	private boolean lossCountersMissingLogged;

	RedisStreamMessageSource(RedisConnectionFactory connectionFactory, RedisConsumerSettings settings,
			Duration commandTimeout, ConsumerObserver observer) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout must not be null");
		this.observer = Objects.requireNonNull(observer, "observer must not be null");
		this.stream = settings.stream();
		this.key = StreamFields.utf8(this.stream);
		this.group = StreamFields.utf8(settings.group());
		this.consumer = Consumer.from(settings.group(), settings.consumerName());
		this.nativeConsumer = io.lettuce.core.Consumer.from(this.group, StreamFields.utf8(settings.consumerName()));
		this.lease = new ConsumerNameLease(this.stream, settings.group(), settings.consumerName());
	}

	@Override
	public void open() {
		try {
			setUp();
		}
		catch (RuntimeException ex) {
			dropConnection();
			WorkerFailureException fatal = refused(ex, "setting up the group on");
			if (fatal != null) {
				throw fatal;
			}
			if (!RedisFailureRule.isConnectionProblem(ex)) {
				throw new EventBusException("Could not set up group " + this.settings.group() + " on " + this.stream
						+ " for " + this.settings.consumerName() + ": " + rootCause(ex), ex);
			}
			// Redis being down at start is no reason to give up: the polls retry with backoff.
			logger.warn(() -> "Cannot reach Redis to set up group " + this.settings.group() + " on " + this.stream
					+ " yet; will retry: " + ex);
		}
	}

	@Override
	public List<RedisStreamMessage> poll(Duration timeout) {
		try {
			flush();
			if (!this.groupReady) {
				setUp();
			}
			if (!this.lease.hold(connection())) {
				// Another worker of this name held it: read nothing until its lease expires or it proves alive.
				LockSupport.parkNanos(Math.min(timeout.toNanos(), LEASE_WAIT_NANOS));
				return Collections.emptyList();
			}
			long now = System.nanoTime();
			if (now - this.nextSweep >= 0) {
				this.nextSweep = now + this.settings.claimInterval().toNanos();
				this.readingPending = true;
				this.pendingCursor = "0";
				this.claiming = true;
				this.claimCursor = STREAM_START;
				checkTrimmedBeforeRead();
			}
			while (this.readingPending) {
				List<RedisStreamMessage> own = readGroup(ReadOffset.from(this.pendingCursor), null);
				if (own.isEmpty()) {
					this.readingPending = false;
					break;
				}
				this.pendingCursor = own.get(own.size() - 1).id();
				List<RedisStreamMessage> retained = withoutTrimmed(own);
				if (!retained.isEmpty()) {
					return withDeliveryCounts(retained);
				}
			}
			if (this.claiming) {
				List<RedisStreamMessage> claimed = claim();
				if (!claimed.isEmpty()) {
					return withDeliveryCounts(claimed);
				}
			}
			return readGroup(ReadOffset.lastConsumed(), timeout);
		}
		catch (RuntimeException ex) {
			this.groupReady = false;
			this.lease.checkNext();
			dropConnection();
			if (ex instanceof WorkerFailureException) {
				throw ex;
			}
			WorkerFailureException fatal = refused(ex, "reading");
			if (fatal != null) {
				throw fatal;
			}
			// The engine logs only the message; spring-data-redis puts the server's reason (NOGROUP, ...) in the cause.
			throw new EventBusException("Could not read " + this.stream + " for group " + this.settings.group()
					+ " as " + this.settings.consumerName() + ": " + rootCause(ex), ex);
		}
	}

	@Override
	public void acknowledge(RedisStreamMessage message) {
		this.acks.add(message.id());
	}

	@Override
	public void flush() {
		if (this.acks.isEmpty()) {
			return;
		}
		try {
			connection().streamCommands().xAck(this.key, this.settings.group(), this.acks.toArray(new String[0]));
		}
		catch (RuntimeException ex) {
			dropConnection();
			WorkerFailureException fatal = refused(ex, "acknowledging entries of");
			if (fatal != null) {
				throw fatal;
			}
			throw ex;
		}
		this.acks.clear();
	}

	@Override
	public void keepAlive() {
		if (!this.groupReady) {
			return;
		}
		try {
			this.lease.hold(connection());
		}
		catch (RuntimeException ex) {
			this.lease.checkNext();
			dropConnection();
			WorkerFailureException fatal = (ex instanceof WorkerFailureException failure) ? failure
					: refused(ex, "renewing the consumer name lease on");
			if (fatal != null) {
				throw fatal;
			}
			throw ex;
		}
	}

	@Override
	public void close() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "Could not acknowledge " + this.acks.size() + " handled entries of " + this.stream
					+ " on close; they stay pending for " + this.settings.consumerName() + " and are handled again");
		}
		try {
			this.lease.release(connection());
		}
		catch (RuntimeException ex) {
			logger.debug(ex, () -> "Could not release the consumer name lease of " + this.settings.consumerName()
					+ " on " + this.stream + "; it expires in " + ConsumerNameLease.TIME_TO_LIVE);
		}
		finally {
			dropConnection();
		}
	}

	private void setUp() {
		// Fails at start, not at the first claim, when the factory is not Lettuce.
		commands();
		boolean created = createGroup();
		if (!this.startPositionApplied) {
			String lastRead = this.settings.lastReadMessageId();
			if (lastRead != null) {
				setGroupPosition(lastRead);
			}
			else if (!this.settings.checkBacklog()) {
				setGroupPosition("$");
			}
			this.startPositionApplied = true;
			logger.info(() -> "Consuming " + this.stream + " as " + this.settings.consumerName() + " in group "
					+ this.settings.group() + (created ? " (new group, from the start of the stream)" : "")
					+ ((lastRead != null) ? ", replaying after " + lastRead
							: this.settings.checkBacklog() ? "" : ", skipping the backlog ($)"));
		}
		else if (created) {
			logger.warn(() -> "Group " + this.settings.group() + " was missing on " + this.stream
					+ " (stream deleted or Redis restarted without persistence); created it again at the start "
					+ "of the stream, so retained entries are delivered again");
		}
		checkTrimmedBeforeRead();
		this.groupReady = true;
		this.readingPending = true;
		this.pendingCursor = "0";
	}

	/** @return whether the group was created (it did not exist) */
	private boolean createGroup() {
		try {
			connection().streamCommands().xGroupCreate(this.key, this.settings.group(), ReadOffset.from(STREAM_START),
					true);
			return true;
		}
		catch (RuntimeException ex) {
			if (isBusyGroup(ex)) {
				return false;
			}
			throw ex;
		}
	}

	private void setGroupPosition(String id) {
		await(commands().xgroupSetid(XReadArgs.StreamOffset.from(this.key, id), this.group));
	}

	private List<RedisStreamMessage> readGroup(ReadOffset offset, @Nullable Duration block) {
		StreamReadOptions options = StreamReadOptions.empty().count(this.settings.batchSize());
		if (block != null) {
			options = options.block(block);
		}
		List<ByteRecord> records = connection().streamCommands()
			.xReadGroup(this.consumer, options, StreamOffset.create(this.key, offset));
		if (records == null || records.isEmpty()) {
			return Collections.emptyList();
		}
		List<RedisStreamMessage> messages = new ArrayList<>(records.size());
		for (ByteRecord record : records) {
			messages.add(RedisStreamMessage.of(this.stream, record));
		}
		return messages;
	}

	/**
	 * Own pending entries that were trimmed come back without fields: they are lost, so they are counted, logged and
	 * acknowledged (nothing is left to dead-letter) instead of being handed to the engine.
	 */
	private List<RedisStreamMessage> withoutTrimmed(List<RedisStreamMessage> messages) {
		List<RedisStreamMessage> retained = new ArrayList<>(messages.size());
		List<String> trimmed = new ArrayList<>();
		for (RedisStreamMessage message : messages) {
			if (message.fields().isEmpty()) {
				trimmed.add(message.id());
			}
			else {
				retained.add(message);
			}
		}
		if (!trimmed.isEmpty()) {
			connection().streamCommands().xAck(this.key, this.settings.group(), trimmed.toArray(new String[0]));
			lostWhilePending(trimmed);
		}
		return retained;
	}

	private void lostWhilePending(List<String> ids) {
		logger.error(() -> "Lost " + ids.size() + " entries of " + this.stream + " for group "
				+ this.settings.group() + " (worker " + this.settings.worker().name() + "): they were read but "
				+ "trimmed (MAXLEN) or deleted before being handled, ids " + ids.get(0) + " to "
				+ ids.get(ids.size() - 1) + " " + ids + "; raise the producers' stream max length or add consumers");
		this.observer.lost(this.settings.worker(), TRIMMED_WHILE_PENDING, ids.size());
	}

	/** The group's delivery count of each entry, which the delivery limit checks. */
	private List<RedisStreamMessage> withDeliveryCounts(List<RedisStreamMessage> messages) {
		Range<String> range = Range.create(messages.get(0).id(), messages.get(messages.size() - 1).id());
		List<PendingMessage> pending = await(commands().xpending(this.key, this.nativeConsumer, range,
				Limit.from(messages.size() + this.settings.batchSize())));
		Map<String, Long> counts = new HashMap<>();
		for (PendingMessage entry : pending) {
			counts.put(entry.getId(), entry.getRedeliveryCount());
		}
		List<RedisStreamMessage> counted = new ArrayList<>(messages.size());
		for (RedisStreamMessage message : messages) {
			Long count = counts.get(message.id());
			counted.add((count != null && count > 1) ? message.withDeliveryCount(count) : message);
		}
		return counted;
	}

	private List<RedisStreamMessage> claim() {
		for (int round = 0; round < MAX_EMPTY_CLAIM_ROUNDS && this.claiming; round++) {
			// Sent as is: Lettuce's XAUTOCLAIM drops the third part of the reply, the ids trimmed while pending.
			CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(this.key)
				.add(this.group)
				.add(StreamFields.utf8(this.settings.consumerName()))
				.add(this.settings.claimMinIdle().toMillis())
				.add(this.claimCursor)
				.add(CommandKeyword.COUNT)
				.add(this.settings.batchSize());
			List<Object> reply = await(
					commands().dispatch(CommandType.XAUTOCLAIM, new ArrayOutput<>(ByteArrayCodec.INSTANCE), args));
			this.claimCursor = text(reply.get(0));
			if (STREAM_START.equals(this.claimCursor)) {
				this.claiming = false;
			}
			if (reply.size() > 2 && reply.get(2) instanceof List<?> deleted && !deleted.isEmpty()) {
				lostWhilePending(deleted.stream().map(RedisStreamMessageSource::text).toList());
			}
			List<RedisStreamMessage> messages = new ArrayList<>();
			if (reply.get(1) instanceof List<?> found) {
				for (Object item : found) {
					if (item instanceof List<?> entry && entry.size() == 2) {
						messages.add(message(text(entry.get(0)), entry.get(1)));
					}
				}
			}
			if (!messages.isEmpty()) {
				logger.info(() -> "Claimed " + messages.size() + " entries of " + this.stream + " idle for more than "
						+ this.settings.claimMinIdle() + " for " + this.settings.consumerName() + ": "
						+ messages.stream().map(RedisStreamMessage::id).toList());
				return withoutTrimmed(messages);
			}
		}
		return Collections.emptyList();
	}

	private RedisStreamMessage message(String id, @Nullable Object fields) {
		List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>();
		if (fields instanceof List<?> flat) {
			for (int i = 0; i + 1 < flat.size(); i += 2) {
				if (flat.get(i) instanceof byte[] name) {
					entries.add(Map.entry(name, (flat.get(i + 1) instanceof byte[] value) ? value : new byte[0]));
				}
			}
		}
		return new RedisStreamMessage(this.stream, id, entries);
	}

	/**
	 * Entries trimmed away before the group read them: a reading of {@code XINFO GROUPS} and {@code XINFO STREAM}
	 * compared with the previous one ({@link StreamLossDetector}).
	 */
	private void checkTrimmedBeforeRead() {
		Map<String, Object> groupInfo = null;
		for (Object item : await(commands().xinfoGroups(this.key))) {
			Map<String, Object> candidate = fields(item);
			if (this.settings.group().equals(textOrNull(candidate.get("name")))) {
				groupInfo = candidate;
			}
		}
		if (groupInfo == null) {
			return;
		}
		Map<String, Object> streamInfo = fields(await(commands().xinfoStream(this.key)));
		Long added = number(streamInfo.get("entries-added"));
		if (added == null) {
			if (!this.lossCountersMissingLogged) {
				this.lossCountersMissingLogged = true;
				logger.info(() -> "Redis keeps no entries-added counter for " + this.stream + " (Redis 7 does): "
						+ "entries trimmed before group " + this.settings.group() + " read them are not counted");
			}
			return;
		}
		String firstEntry = (streamInfo.get("first-entry") instanceof List<?> entry && !entry.isEmpty())
				? text(entry.get(0)) : null;
		String lastGenerated = textOrNull(streamInfo.get("last-generated-id"));
		String maxDeleted = textOrNull(streamInfo.get("max-deleted-entry-id"));
		String lastDelivered = textOrNull(groupInfo.get("last-delivered-id"));
		Long length = number(streamInfo.get("length"));
		if (lastGenerated == null || lastDelivered == null || length == null) {
			return;
		}
		Long read = number(groupInfo.get("entries-read"));
		if (read == null && STREAM_START.equals(lastDelivered)) {
			// Redis has no count for a group that read nothing yet.
			read = 0L;
		}
		StreamLossDetector.Loss loss = this.lossDetector.check(new StreamLossDetector.Position(length, firstEntry,
				lastGenerated, (maxDeleted != null) ? maxDeleted : STREAM_START, added, lastDelivered, read));
		if (loss != null) {
			logger.error(() -> "Lost " + loss.count() + " entries of " + this.stream + " for group "
					+ this.settings.group() + " (worker " + this.settings.worker().name() + "): trimmed (MAXLEN) "
					+ "before the group read them, ids after " + loss.after()
					+ (loss.behindTrimPoint() ? " and before " + loss.before() + " (the stream's first entry)"
							: " up to " + loss.before() + " (the group's position when found)")
					+ "; raise the producers' stream max length or add consumers");
			this.observer.lost(this.settings.worker(), TRIMMED_BEFORE_READ, loss.count());
		}
	}

	/** The pairs of an {@code XINFO} reply, whether RESP2 (a flat list) or RESP3 (a map). */
	private static Map<String, Object> fields(@Nullable Object reply) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (reply instanceof Map<?, ?> map) {
			map.forEach((name, value) -> fields.put(text(name), value));
		}
		else if (reply instanceof List<?> flat) {
			for (int i = 0; i + 1 < flat.size(); i += 2) {
				fields.put(text(flat.get(i)), flat.get(i + 1));
			}
		}
		return fields;
	}

	private static @Nullable Long number(@Nullable Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		String text = textOrNull(value);
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(@Nullable Object value) {
		String text = textOrNull(value);
		return (text != null) ? text : "";
	}

	private static @Nullable String textOrNull(@Nullable Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}
		if (value instanceof java.nio.ByteBuffer buffer) {
			byte[] bytes = new byte[buffer.remaining()];
			buffer.duplicate().get(bytes);
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

	/**
	 * A failure that is the server refusing this user ({@link RedisFailureRule}): the worker must fail.
	 * @return the worker's failure, or {@code null} when the failure is another one
	 */
	private @Nullable WorkerFailureException refused(RuntimeException ex, String doing) {
		String refusal = RedisFailureRule.refusal(ex);
		if (refusal == null) {
			return null;
		}
		String reply = LogText.escape(refusal);
		return new WorkerFailureException("Redis refused " + doing + " " + this.stream + " for group "
				+ this.settings.group() + " as " + this.settings.consumerName() + ": " + reply
				+ (reply.startsWith("NOPERM")
						? " (the ACL user of spring.data.redis.username lacks a command or key of the rule in "
								+ "docs/security.md: see ACL LOG on the server)"
						: " (check spring.data.redis.username and spring.data.redis.password, or the user info of "
								+ "spring.data.redis.url, against the ACL user of docs/security.md)"),
				ex);
	}

	private RedisConnection connection() {
		RedisConnection current = this.connection;
		if (current == null) {
			current = this.connectionFactory.getConnection();
			this.connection = current;
		}
		return current;
	}

	// spring-data-redis has no XAUTOCLAIM, XGROUP SETID or raw XINFO; these go to the Lettuce connection underneath.
	@SuppressWarnings("unchecked")
	private RedisClusterAsyncCommands<byte[], byte[]> commands() {
		Object nativeConnection = connection().getNativeConnection();
		if (nativeConnection instanceof RedisClusterAsyncCommands<?, ?> commands) {
			return (RedisClusterAsyncCommands<byte[], byte[]>) commands;
		}
		throw new IllegalStateException("RedisEventBusConsumer needs a Lettuce connection factory "
				+ "(spring.data.redis.client-type=lettuce); the native connection is "
				+ nativeConnection.getClass().getName());
	}

	private <T> T await(RedisFuture<T> future) {
		return LettuceFutures.awaitOrCancel(future, this.commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	private void dropConnection() {
		RedisConnection current = this.connection;
		this.connection = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (RuntimeException ex) {
				logger.debug(ex, () -> "Could not close a Redis connection of " + this.stream);
			}
		}
	}

	private static String rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == ex) ? String.valueOf(ex) : ex + " (" + root + ")";
	}

	private static boolean isBusyGroup(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			String message = current.getMessage();
			if (message != null && message.contains("BUSYGROUP")) {
				return true;
			}
		}
		return false;
	}

}
