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

package dev.openedx.eventbus.bench.redis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What both Redis benchmarks share: arguments, connections configured as Spring Boot configures them, unique
 * stream names that are deleted afterwards (the server may be shared), percentiles.
 */
final class BenchRedis implements AutoCloseable {

	final String host;

	final int port;

	final LettuceConnectionFactory connectionFactory;

	final RedisClient rawClient;

	final StatefulRedisConnection<byte[], byte[]> raw;

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private final java.util.List<String> streams = new java.util.ArrayList<>();

	BenchRedis(Map<String, String> args) {
		this.host = args.getOrDefault("host", "127.0.0.1");
		this.port = Integer.parseInt(args.getOrDefault("port", "6379"));
		this.connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(this.host, this.port));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.rawClient = RedisClient.create(RedisURI.create(this.host, this.port));
		this.raw = this.rawClient.connect(ByteArrayCodec.INSTANCE);
	}

	/** {@code --name=value} pairs. */
	static Map<String, String> parse(String[] args) {
		Map<String, String> parsed = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Arguments are --name=value, got " + arg);
			}
			int equals = arg.indexOf('=');
			parsed.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return parsed;
	}

	String stream(String purpose) {
		String name = "eventbus-bench-" + purpose + "-" + this.runId;
		this.streams.add(name);
		return name;
	}

	void delete(String stream) {
		this.raw.sync().del(bytes(stream));
	}

	static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The p-th percentile (0..100) of sorted values, nearest rank. */
	static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static double median(double[] values) {
		double[] copy = values.clone();
		Arrays.sort(copy);
		int middle = copy.length / 2;
		return (copy.length % 2 == 1) ? copy[middle] : (copy[middle - 1] + copy[middle]) / 2;
	}

	@Override
	public void close() {
		for (String stream : this.streams) {
			delete(stream);
			delete(stream + "-dlq");
		}
		this.raw.close();
		this.rawClient.shutdown();
		this.connectionFactory.destroy();
	}

}
