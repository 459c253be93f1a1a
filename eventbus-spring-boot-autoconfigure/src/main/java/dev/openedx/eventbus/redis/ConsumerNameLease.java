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
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import dev.openedx.eventbus.consumer.WorkerFailureException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.types.Expiration;

/**
 * Makes sure one live worker at a time uses a consumer name in a group: two would share one pending list, each
 * re-reading and handling the other's entries. The worker holds a lease key, {@code <stream>:lease:<group>:<consumer>}
 * ({@code SET NX PX}), whose value it changes at each renewal. A worker that finds the key held waits: if the value
 * changes, another live worker renews it and this one fails, naming the setting; if it expires (its holder died, as
 * when a crashed instance restarts under its own name), this one takes it. A worker that finds its lease taken by
 * another fails the same way.
 */
final class ConsumerNameLease {

	/** How long a lease lives without renewal: a restarted instance waits at most this long for its own old one. */
	static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

	private static final long RENEW_NANOS = TIME_TO_LIVE.toNanos() / 5;

	private final String stream;

	private final String group;

	private final String consumerName;

	private final byte[] key;

	private final String token = UUID.randomUUID().toString();

	private long renewals;

	private byte @Nullable [] value;

	private long renewedAt;

	private byte @Nullable [] seen;

	ConsumerNameLease(String stream, String group, String consumerName) {
		this.stream = Objects.requireNonNull(stream, "stream must not be null");
		this.group = Objects.requireNonNull(group, "group must not be null");
		this.consumerName = Objects.requireNonNull(consumerName, "consumerName must not be null");
		this.key = StreamFields.utf8(key(stream, group, consumerName));
	}

	static String key(String stream, String group, String consumerName) {
		return stream + ":lease:" + group + ":" + consumerName;
	}

	/**
	 * Take the lease, or renew it when due.
	 * @param connection the connection
	 * @return whether this worker holds the lease; {@code false} while it waits for another's to expire
	 * @throws WorkerFailureException when another live worker holds it
	 */
	boolean hold(RedisConnection connection) {
		if (this.value == null) {
			return acquire(connection);
		}
		if (System.nanoTime() - this.renewedAt < RENEW_NANOS) {
			return true;
		}
		byte[] current = connection.stringCommands().get(this.key);
		if (current == null) {
			this.value = null;
			return acquire(connection);
		}
		if (!Arrays.equals(current, this.value)) {
			this.value = null;
			throw duplicate(current);
		}
		byte[] next = nextValue();
		if (!Boolean.TRUE.equals(connection.stringCommands()
			.set(this.key, next, Expiration.from(TIME_TO_LIVE), SetOption.SET_IF_PRESENT))) {
			this.value = null;
			return acquire(connection);
		}
		this.value = next;
		this.renewedAt = System.nanoTime();
		return true;
	}

	private boolean acquire(RedisConnection connection) {
		byte[] next = nextValue();
		if (Boolean.TRUE.equals(connection.stringCommands()
			.set(this.key, next, Expiration.from(TIME_TO_LIVE), SetOption.SET_IF_ABSENT))) {
			this.value = next;
			this.renewedAt = System.nanoTime();
			this.seen = null;
			return true;
		}
		byte[] holder = connection.stringCommands().get(this.key);
		byte[] before = this.seen;
		this.seen = holder;
		if (before != null && holder != null && !Arrays.equals(before, holder)) {
			throw duplicate(holder);
		}
		return false;
	}

	/**
	 * Give the lease up (on close), so the next worker of this name need not wait for it to expire.
	 * @param connection the connection
	 */
	void release(RedisConnection connection) {
		byte[] held = this.value;
		this.value = null;
		if (held != null && Arrays.equals(held, connection.stringCommands().get(this.key))) {
			connection.keyCommands().del(this.key);
		}
	}

	/** Check the lease at the next {@link #hold} (the connection was lost meanwhile). */
	void checkNext() {
		this.renewedAt = System.nanoTime() - RENEW_NANOS;
	}

	private byte[] nextValue() {
		return StreamFields.utf8(this.token + ":" + (++this.renewals));
	}

	private WorkerFailureException duplicate(byte[] holder) {
		String other = StreamFields.utf8(holder);
		String instance = (other != null && other.indexOf(':') > 0) ? other.substring(0, other.indexOf(':')) : "?";
		return new WorkerFailureException("Another live worker consumes " + this.stream + " in group " + this.group
				+ " under the same consumer name '" + this.consumerName + "' (it renews the lease key "
				+ StreamFields.utf8(this.key) + ", instance " + instance + "): two consumers of one name share a "
				+ "pending list and handle each other's entries. Give each instance its own name "
				+ "(eventbus.redis.consumer.name, by default the host name)", null);
	}

}
