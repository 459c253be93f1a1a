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

package dev.openedx.eventbus.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The demo's own connection to the redis-server of {@code --transport redis}: checks that it answers before anything
 * starts, and deletes the demo's streams at the end (the server may be shared: only keys with the run's prefix).
 *
 * @since 0.1.0
 */
final class RedisStreams implements AutoCloseable {

	private final String url;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final List<String> prefixes = new ArrayList<>();

	private RedisStreams(String url, RedisClient client, StatefulRedisConnection<String, String> connection) {
		this.url = url;
		this.client = client;
		this.connection = connection;
	}

	static RedisStreams connect(String url) {
		RedisURI uri;
		try {
			uri = RedisURI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new DemoException("--redis-url " + url + " is not a Redis URL: " + ex.getMessage(), ex);
		}
		uri.setTimeout(Duration.ofSeconds(2));
		RedisClient client = RedisClient.create(uri);
		try {
			StatefulRedisConnection<String, String> connection = client.connect();
			connection.sync().ping();
			return new RedisStreams(url, client, connection);
		}
		catch (RuntimeException ex) {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			throw new DemoException("No redis-server answers at " + url + " (" + ex.getMessage() + "). Start one, "
					+ "for example redis-server --port 6379, or run the demo without --transport redis.", ex);
		}
	}

	boolean hasGroup(String stream, String group) {
		try {
			return this.connection.sync()
				.xinfoGroups(stream)
				.stream()
				.anyMatch((info) -> info instanceof List<?> fields && fields.contains(group));
		}
		catch (RuntimeException ex) {
			return false; // no such stream yet
		}
	}

	void deleteOnClose(String prefix) {
		this.prefixes.add(prefix);
	}

	@Override
	public void close() {
		try {
			RedisCommands<String, String> redis = this.connection.sync();
			for (String prefix : this.prefixes) {
				ScanCursor cursor = ScanCursor.INITIAL;
				do {
					KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "-*").limit(100));
					if (!page.getKeys().isEmpty()) {
						redis.del(page.getKeys().toArray(String[]::new));
					}
					cursor = page;
				}
				while (!cursor.isFinished());
			}
		}
		catch (RuntimeException ex) {
			System.err.println("Could not delete the demo's streams at " + this.url + ": " + ex.getMessage());
		}
		finally {
			this.connection.close();
			this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
