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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.MessageSource;
import dev.openedx.eventbus.event.EventBusException;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
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
 */
final class RedisStreamMessageSource implements MessageSource<RedisStreamMessage> {

	private static final LogAccessor logger = new LogAccessor(RedisStreamMessageSource.class);

	private static final String STREAM_START = "0-0";

	/** XAUTOCLAIM rounds that found nothing idle in one poll before reading new entries instead. */
	private static final int MAX_EMPTY_CLAIM_ROUNDS = 10;

	private final RedisConnectionFactory connectionFactory;

	private final RedisConsumerSettings settings;

	private final Duration commandTimeout;

	private final String stream;

	private final byte[] key;

	private final byte[] group;

	private final Consumer consumer;

	private final io.lettuce.core.Consumer<byte[]> nativeConsumer;

	private final List<String> acks = new ArrayList<>();

	private @Nullable RedisConnection connection;

	private boolean groupReady;

	private boolean startPositionApplied;

	private boolean readingPending = true;

	private String pendingCursor = "0";

	private boolean claiming;

	private String claimCursor = STREAM_START;

	private long nextSweep = System.nanoTime();

	RedisStreamMessageSource(RedisConnectionFactory connectionFactory, RedisConsumerSettings settings,
			Duration commandTimeout) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout must not be null");
		this.stream = settings.stream();
		this.key = StreamFields.utf8(this.stream);
		this.group = StreamFields.utf8(settings.group());
		this.consumer = Consumer.from(settings.group(), settings.consumerName());
		this.nativeConsumer = io.lettuce.core.Consumer.from(this.group, StreamFields.utf8(settings.consumerName()));
	}

	@Override
	public void open() {
		try {
			setUp();
		}
		catch (RuntimeException ex) {
			dropConnection();
			if (!isConnectionProblem(ex)) {
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
			long now = System.nanoTime();
			if (now - this.nextSweep >= 0) {
				this.nextSweep = now + this.settings.claimInterval().toNanos();
				this.readingPending = true;
				this.pendingCursor = "0";
				this.claiming = true;
				this.claimCursor = STREAM_START;
			}
			if (this.readingPending) {
				List<RedisStreamMessage> own = readGroup(ReadOffset.from(this.pendingCursor), null);
				if (!own.isEmpty()) {
					this.pendingCursor = own.get(own.size() - 1).id();
					return own;
				}
				this.readingPending = false;
			}
			if (this.claiming) {
				List<RedisStreamMessage> claimed = claim();
				if (!claimed.isEmpty()) {
					return claimed;
				}
			}
			return readGroup(ReadOffset.lastConsumed(), timeout);
		}
		catch (RuntimeException ex) {
			this.groupReady = false;
			dropConnection();
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
			throw ex;
		}
		this.acks.clear();
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

	private List<RedisStreamMessage> claim() {
		XAutoClaimArgs<byte[]> args = XAutoClaimArgs.Builder
			.xautoclaim(this.nativeConsumer, this.settings.claimMinIdle(), this.claimCursor)
			.count(this.settings.batchSize());
		for (int round = 0; round < MAX_EMPTY_CLAIM_ROUNDS && this.claiming; round++) {
			ClaimedMessages<byte[], byte[]> claimed = await(commands().xautoclaim(this.key, args));
			this.claimCursor = claimed.getId();
			if (STREAM_START.equals(this.claimCursor)) {
				this.claiming = false;
			}
			else {
				args.startId(this.claimCursor);
			}
			List<StreamMessage<byte[], byte[]>> found = claimed.getMessages();
			if (!found.isEmpty()) {
				List<RedisStreamMessage> messages = new ArrayList<>(found.size());
				for (StreamMessage<byte[], byte[]> message : found) {
					messages.add(RedisStreamMessage.of(this.stream, message));
				}
				logger.info(() -> "Claimed " + messages.size() + " entries of " + this.stream + " idle for more than "
						+ this.settings.claimMinIdle() + " for " + this.settings.consumerName() + ": "
						+ messages.stream().map(RedisStreamMessage::id).toList());
				return messages;
			}
		}
		return Collections.emptyList();
	}

	private RedisConnection connection() {
		RedisConnection current = this.connection;
		if (current == null) {
			current = this.connectionFactory.getConnection();
			this.connection = current;
		}
		return current;
	}

	// spring-data-redis has no XAUTOCLAIM or XGROUP SETID; these go to the Lettuce connection underneath.
	@SuppressWarnings("unchecked")
	private RedisStreamAsyncCommands<byte[], byte[]> commands() {
		Object nativeConnection = connection().getNativeConnection();
		if (nativeConnection instanceof RedisStreamAsyncCommands<?, ?> commands) {
			return (RedisStreamAsyncCommands<byte[], byte[]>) commands;
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

	static boolean isConnectionProblem(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof DataAccessResourceFailureException || current instanceof QueryTimeoutException
					|| current instanceof TransientDataAccessException || current instanceof RedisConnectionException
					|| current instanceof RedisCommandTimeoutException || current instanceof IOException) {
				return true;
			}
		}
		return false;
	}

}
