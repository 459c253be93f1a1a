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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.monitor.BrokerUnreachableException;
import dev.openedx.eventbus.monitor.GroupBacklog;
import dev.openedx.eventbus.monitor.StreamRetention;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;
import io.lettuce.core.api.async.RedisKeyAsyncCommands;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.lettuce.core.models.stream.PendingMessages;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Monitors Redis: the server answers {@code PING}, and a group's backlog on a stream from {@code XINFO GROUPS}
 * ({@code lag}, {@code pending}), {@code XINFO STREAM} and {@code XPENDING}, including how close the group's oldest
 * unhandled entry is to the stream's trim point. Every command is bounded by the timeout given, whatever the
 * connection factory's command timeout. Needs a Lettuce connection factory.
 * <pre class="code">
 * RedisBrokerProbe probe = new RedisBrokerProbe(connectionFactory, 10_000);
 * GroupBacklog backlog = probe.backlog("stage-user-login", "discovery", Duration.ofSeconds(2));
 * </pre>
 *
 * @since 0.1.0
 */
public final class RedisBrokerProbe implements BrokerProbe {

	private final RedisConnectionFactory connectionFactory;

	private final long streamMaxLength;

	/**
	 * Create a probe.
	 * @param connectionFactory a Lettuce connection factory
	 * @param streamMaxLength the producers' {@code MAXLEN} ({@code eventbus.redis.stream-max-len}), to tell when a
	 * stream is being trimmed
	 */
	public RedisBrokerProbe(RedisConnectionFactory connectionFactory, long streamMaxLength) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.streamMaxLength = streamMaxLength;
	}

	@Override
	public String transport() {
		return RedisConsumerSettings.TRANSPORT;
	}

	@Override
	@SuppressWarnings("unchecked")
	public String ping(Duration timeout) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			BaseRedisAsyncCommands<byte[], byte[]> commands = commands(connection, BaseRedisAsyncCommands.class);
			String answer = await(commands.ping(), timeout);
			return "PING answered " + answer;
		}
		catch (RedisConnectionFailureException | RedisCommandTimeoutException ex) {
			throw unreachable(ex, timeout);
		}
	}

	@Override
	public GroupBacklog backlog(String destination, String group, Duration timeout) {
		try {
			return readBacklog(destination, group, timeout);
		}
		catch (RedisConnectionFailureException | RedisCommandTimeoutException ex) {
			throw unreachable(ex, timeout);
		}
	}

	private BrokerUnreachableException unreachable(RuntimeException ex, Duration timeout) {
		String where = (this.connectionFactory instanceof LettuceConnectionFactory lettuce)
				? " at " + lettuce.getHostName() + ":" + lettuce.getPort() : "";
		return new BrokerUnreachableException("No answer from Redis" + where + " within " + timeout.toMillis()
				+ " ms: " + ex.getMessage(), ex);
	}

	@SuppressWarnings("unchecked")
	private GroupBacklog readBacklog(String destination, String group, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		byte[] key = StreamFields.utf8(destination);
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			RedisStreamAsyncCommands<byte[], byte[]> commands = commands(connection, RedisStreamAsyncCommands.class);
			RedisKeyAsyncCommands<byte[], byte[]> keys = commands(connection, RedisKeyAsyncCommands.class);
			if (await(keys.exists(key), remaining(deadline)) == 0) {
				return new GroupBacklog(Instant.now(), 0L, 0L, null);
			}
			Map<String, Object> stream = fields(await(commands.xinfoStream(key), remaining(deadline)));
			long length = number(stream.get("length"), 0);
			Map<String, Object> info = null;
			for (Object entry : await(commands.xinfoGroups(key), remaining(deadline))) {
				Map<String, Object> candidate = fields(entry);
				if (group.equals(text(candidate.get("name")))) {
					info = candidate;
				}
			}
			if (info == null) {
				// No such group yet: a new group starts at the beginning of the stream, so all of it is unhandled.
				String first = entryId(stream.get("first-entry"));
				return new GroupBacklog(Instant.now(), length, 0L, retention(length, first, (length > 0) ? first : null,
						entryId(stream.get("last-entry")), headroom(length), false));
			}
			long pending = number(info.get("pending"), 0);
			String first = entryId(stream.get("first-entry"));
			String last = entryId(stream.get("last-entry"));
			String lastDelivered = text(info.get("last-delivered-id"));
			String lastGenerated = text(stream.get("last-generated-id"));
			Long lag = (info.get("lag") != null) ? number(info.get("lag"), 0) : null;
			boolean trimmed = false;
			if (lastDelivered != null && lastGenerated != null && compare(lastDelivered, lastGenerated) >= 0) {
				lag = 0L;
			}
			else if (lag != null && lag > length) {
				// Redis counts entries trimmed before the group read them; those are gone, the rest is the lag.
				trimmed = true;
				lag = length;
			}
			String oldest;
			double headroom;
			if (pending > 0) {
				PendingMessages summary = await(commands.xpending(key, StreamFields.utf8(group)), remaining(deadline));
				oldest = summary.getMessageIds().getLower().getValue();
				trimmed = trimmed || (first != null && oldest != null && compare(oldest, first) < 0);
				headroom = trimmed ? 0.0 : headroom(unhandledSpan(length, estimate(oldest, first, last)));
			}
			else if (lag != null && lag > 0) {
				oldest = "after " + lastDelivered;
				headroom = headroom(lag);
			}
			else if (lag == null && last != null && lastDelivered != null && compare(lastDelivered, last) < 0) {
				oldest = "after " + lastDelivered;
				headroom = headroom(unhandledSpan(length, estimate(lastDelivered, first, last)));
			}
			else {
				oldest = null;
				headroom = 1.0;
			}
			return new GroupBacklog(Instant.now(), lag, pending,
					retention(length, first, oldest, last, headroom, trimmed));
		}
	}

	private StreamRetention retention(long length, @Nullable String first, @Nullable String oldest,
			@Nullable String last, double headroom, boolean trimmed) {
		return new StreamRetention(length, this.streamMaxLength, first, oldest, headroom, trimmed);
	}

	/**
	 * The headroom of a group whose unhandled entries span the given number of entries, from its oldest unhandled one
	 * to the newest: the share of {@code MAXLEN} that can still be added before that oldest entry is trimmed. 1 for
	 * nothing unhandled or a stream without {@code MAXLEN}; 0 when the span fills it.
	 */
	private double headroom(long unhandledSpan) {
		if (this.streamMaxLength <= 0) {
			return 1.0;
		}
		return Math.max(0.0, Math.min(1.0, 1.0 - (double) unhandledSpan / this.streamMaxLength));
	}

	/** Entries from the oldest unhandled one to the newest, from the share of the stream before it. */
	private static long unhandledSpan(long length, double shareBefore) {
		return Math.round(length * (1.0 - shareBefore));
	}

	/** Share of the stream before an entry, from entry-id timestamps: exact when entries arrive at an even pace. */
	private static double estimate(@Nullable String id, @Nullable String first, @Nullable String last) {
		if (id == null || first == null || last == null) {
			return 1.0;
		}
		long from = millis(first);
		long to = millis(last);
		if (to <= from) {
			return compare(id, first) <= 0 ? 0.0 : 1.0;
		}
		return Math.min(1.0, Math.max(0.0, (double) (millis(id) - from) / (to - from)));
	}

	private static long millis(String id) {
		int dash = id.indexOf('-');
		return Long.parseLong((dash < 0) ? id : id.substring(0, dash));
	}

	private static int compare(String left, String right) {
		int dl = left.indexOf('-');
		int dr = right.indexOf('-');
		int byTime = Long.compare(millis(left), millis(right));
		if (byTime != 0) {
			return byTime;
		}
		long sl = (dl < 0) ? 0 : Long.parseUnsignedLong(left.substring(dl + 1));
		long sr = (dr < 0) ? 0 : Long.parseUnsignedLong(right.substring(dr + 1));
		return Long.compareUnsigned(sl, sr);
	}

	/** A reply of alternating names and values as a map with text names. */
	private static Map<String, Object> fields(@Nullable Object reply) {
		Map<String, Object> fields = new HashMap<>();
		if (reply instanceof List<?> list) {
			for (int i = 0; i + 1 < list.size(); i += 2) {
				String name = text(list.get(i));
				if (name != null) {
					fields.put(name, list.get(i + 1));
				}
			}
		}
		return fields;
	}

	/** The id of an entry reply ({@code [id, [field, value, ...]]}). */
	private static @Nullable String entryId(@Nullable Object entry) {
		return (entry instanceof List<?> list && !list.isEmpty()) ? text(list.get(0)) : null;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		if (value instanceof ByteBuffer buffer) {
			return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
		}
		return (value != null) ? value.toString() : null;
	}

	private static long number(@Nullable Object value, long fallback) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		String text = text(value);
		return (text != null) ? Long.parseLong(text) : fallback;
	}

	@SuppressWarnings("unchecked")
	private static <T> T commands(RedisConnection connection, Class<T> type) {
		Object nativeConnection = connection.getNativeConnection();
		if (type.isInstance(nativeConnection)) {
			return (T) nativeConnection;
		}
		throw new IllegalStateException("RedisBrokerProbe needs a Lettuce connection factory "
				+ "(spring.data.redis.client-type=lettuce); the native connection is "
				+ nativeConnection.getClass().getName());
	}

	private static <T> T await(RedisFuture<T> future, Duration timeout) {
		return LettuceFutures.awaitOrCancel(future, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
	}

}
