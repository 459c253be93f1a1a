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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Access to the shared redis-server of the build (127.0.0.1, port from {@code REDIS_PORT}, default 6379) and a raw
 * Lettuce client that reads entries exactly as the server holds them, bypassing the code under test. Tests use
 * unique stream names and delete their keys; the server is shared with other builds, so nothing is flushed. A test
 * gets one through {@link LocalRedis}.
 */
public final class RedisTestSupport implements AutoCloseable {

	static final String HOST = "127.0.0.1";

	private final int port;

	private final RedisClient client;

	private final StatefulRedisConnection<byte[], byte[]> connection;

	private final List<String> keys = new ArrayList<>();

	RedisTestSupport() {
		this(sharedPort());
	}

	RedisTestSupport(int port) {
		this.port = port;
		this.client = RedisClient.create(RedisURI.create(HOST, port));
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
	}

	/**
	 * The port of the build's redis-server.
	 * @return {@code REDIS_PORT}, default 6379
	 */
	public static int sharedPort() {
		String port = System.getenv("REDIS_PORT");
		return (port != null && !port.isBlank()) ? Integer.parseInt(port.strip()) : 6379;
	}

	/** A started connection factory like Spring Boot's, with the given command timeout. */
	public static LettuceConnectionFactory connectionFactory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	public int port() {
		return this.port;
	}

	RedisCommands<byte[], byte[]> raw() {
		return this.connection.sync();
	}

	/**
	 * A stream name no other test or build uses; it and its dead-letter stream are deleted on {@link #close()}.
	 * @param purpose a readable part of the name
	 * @return the name
	 */
	public String uniqueStream(String purpose) {
		String name = "eventbus-test-" + purpose + "-" + UUID.randomUUID();
		this.keys.add(name);
		this.keys.add(name + RedisDeadLetterRecoverer.SUFFIX);
		return name;
	}

	/** Also delete this key on close. */
	void deleteOnClose(String key) {
		this.keys.add(key);
	}

	List<StreamMessage<byte[], byte[]>> xrange(String stream) {
		return raw().xrange(bytes(stream), io.lettuce.core.Range.create("-", "+"));
	}

	/**
	 * {@code XRANGE <stream> - +} decoded from the bare RESP reply, with no map in between, so field order and
	 * duplicates are exactly the server's.
	 * @return each entry as its id and its flat list of field names and values
	 */
	List<RawEntry> rawXrange(String stream) {
		CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(bytes(stream))
			.add("-")
			.add("+");
		List<Object> reply = raw().dispatch(CommandType.XRANGE, new ArrayOutput<>(ByteArrayCodec.INSTANCE), args);
		List<RawEntry> entries = new ArrayList<>();
		for (Object item : reply) {
			List<?> entry = (List<?>) item;
			List<byte[]> flat = new ArrayList<>();
			for (Object part : (List<?>) entry.get(1)) {
				flat.add(toBytes(part));
			}
			entries.add(new RawEntry(text(toBytes(entry.get(0))), flat));
		}
		return entries;
	}

	private static byte[] toBytes(Object part) {
		if (part instanceof byte[] bytes) {
			return bytes;
		}
		if (part instanceof java.nio.ByteBuffer buffer) {
			byte[] bytes = new byte[buffer.remaining()];
			buffer.duplicate().get(bytes);
			return bytes;
		}
		return bytes(String.valueOf(part));
	}

	/** One entry as the server sent it. */
	record RawEntry(String id, List<byte[]> flatFields) {

		List<String> names() {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < this.flatFields.size(); i += 2) {
				names.add(RedisTestSupport.text(this.flatFields.get(i)));
			}
			return names;
		}

		byte[] value(int index) {
			return this.flatFields.get(index * 2 + 1);
		}

		byte[] value(String name) {
			for (int i = 0; i < this.flatFields.size(); i += 2) {
				if (RedisTestSupport.text(this.flatFields.get(i)).equals(name)) {
					return this.flatFields.get(i + 1);
				}
			}
			throw new AssertionError("No field " + name + " in entry " + this.id + ": " + names());
		}

		String text(String name) {
			return RedisTestSupport.text(value(name));
		}

	}

	long xlen(String stream) {
		return raw().xlen(bytes(stream));
	}

	/** Pending entries of the group, all consumers. */
	long pendingCount(String stream, String group) {
		return raw().xpending(bytes(stream), bytes(group)).getCount();
	}

	static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	static String text(byte[] bytes) {
		return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Field names of an entry in server order, values as text. */
	static List<Map.Entry<String, String>> textFields(StreamMessage<byte[], byte[]> message) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		message.getBody().forEach((name, value) -> fields.add(Map.entry(text(name), text(value))));
		return fields;
	}

	@Override
	public void close() {
		try {
			for (String key : this.keys) {
				raw().del(bytes(key));
			}
		}
		finally {
			this.connection.close();
			this.client.shutdown();
		}
	}

}
