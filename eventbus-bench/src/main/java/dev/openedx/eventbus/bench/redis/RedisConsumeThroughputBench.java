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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.redis.RedisConsumerSettings;
import dev.openedx.eventbus.redis.RedisEventBusConsumer;
import dev.openedx.eventbus.redis.RedisEventBusProducer;
import dev.openedx.eventbus.redis.RedisMessageDecoder;
import dev.openedx.eventbus.redis.RedisProducerSettings;
import dev.openedx.eventbus.redis.RedisStreamMessage;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Redis consume throughput: a raw {@code XREADGROUP COUNT 10} / {@code XACK} loop doing the same decoding
 * ({@link RedisMessageDecoder}: fields, metadata, Avro) against one {@link RedisEventBusConsumer} (audit log off), each
 * reading the same stream from the start with a group of its own, timed from the first event to the last; rounds
 * alternate the order.
 * <pre class="code">
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.redis.RedisConsumeThroughputBench \
 *     --events=50000 --rounds=3
 * </pre>
 */
public final class RedisConsumeThroughputBench {

	private RedisConsumeThroughputBench() {
	}

	public static void main(String[] arguments) throws Exception {
		Map<String, String> args = BenchRedis.parse(arguments);
		int events = Integer.parseInt(args.getOrDefault("events", "50000"));
		int rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
		AvroEventCodec codec = new AvroEventCodec();
		try (BenchRedis redis = new BenchRedis(args)) {
			String stream = redis.stream("consume");
			byte[] key = BenchRedis.bytes(stream);
			Object[] fields = RedisProducerThroughputBench.sameFields(redis,
					new RedisEventBusProducer(redis.connectionFactory, codec, RedisProducerSettings.defaults()));
			XAddArgs xadd = new XAddArgs().maxlen(events * 2L).approximateTrimming();
			List<io.lettuce.core.RedisFuture<String>> adds = new ArrayList<>(events);
			for (int i = 0; i < events; i++) {
				adds.add(redis.raw.async().xadd(key, xadd, fields));
			}
			for (io.lettuce.core.RedisFuture<String> add : adds) {
				add.get(60, TimeUnit.SECONDS);
			}
			RedisMessageDecoder decoder = new RedisMessageDecoder(OpenEdxCatalog.catalog(), codec,
					EventOrigin.forService("bench"));
			System.out.printf("Redis %s:%d consume throughput, %,d entries of %s, raw XREADGROUP loop with the same "
					+ "decoding vs one worker, %d rounds after a warm-up%n", redis.host, redis.port, events,
					SampleEvents.ENROLLMENT.type(), rounds);
			raw(redis, stream, "warmup-raw", events, decoder);
			library(redis, stream, "warmup-eventbus", events, codec);
			double[] raw = new double[rounds];
			double[] library = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				if (round % 2 == 0) {
					raw[round] = raw(redis, stream, "raw-" + round, events, decoder);
					library[round] = library(redis, stream, "eventbus-" + round, events, codec);
				}
				else {
					library[round] = library(redis, stream, "eventbus-" + round, events, codec);
					raw[round] = raw(redis, stream, "raw-" + round, events, decoder);
				}
				System.out.printf("  round %d: raw %,9.0f events/s | eventbus %,9.0f events/s | %.2f%n", round + 1,
						raw[round], library[round], library[round] / raw[round]);
			}
			System.out.printf("Median: raw %,.0f events/s, eventbus %,.0f events/s, %.2f of raw%n",
					BenchRedis.median(raw), BenchRedis.median(library),
					BenchRedis.median(library) / BenchRedis.median(raw));
		}
	}

	private static double raw(BenchRedis redis, String stream, String group, int events,
			RedisMessageDecoder decoder) {
		byte[] key = BenchRedis.bytes(stream);
		redis.raw.sync().xgroupCreate(XReadArgs.StreamOffset.from(key, "0-0"), BenchRedis.bytes(group));
		int received = 0;
		long first = 0;
		try (StatefulRedisConnection<byte[], byte[]> connection = redis.rawClient.connect(ByteArrayCodec.INSTANCE)) {
			RedisCommands<byte[], byte[]> commands = connection.sync();
			Consumer<byte[]> consumer = Consumer.from(BenchRedis.bytes(group), BenchRedis.bytes("raw"));
			while (received < events) {
				List<StreamMessage<byte[], byte[]>> batch = commands.xreadgroup(consumer,
						XReadArgs.Builder.count(10).block(1000), XReadArgs.StreamOffset.lastConsumed(key));
				String[] ids = new String[batch.size()];
				for (int i = 0; i < batch.size(); i++) {
					StreamMessage<byte[], byte[]> entry = batch.get(i);
					List<Entry<byte[], byte[]>> entryFields = new ArrayList<>(entry.getBody().entrySet());
					decoder.decode(new RedisStreamMessage(stream, entry.getId(), entryFields));
					ids[i] = entry.getId();
					if (++received == 1) {
						first = System.nanoTime();
					}
				}
				if (ids.length > 0) {
					commands.xack(key, BenchRedis.bytes(group), ids);
				}
			}
		}
		return (received - 1) / ((System.nanoTime() - first) / 1e9);
	}

	private static double library(BenchRedis redis, String stream, String group, int events, AvroEventCodec codec)
			throws Exception {
		AtomicInteger received = new AtomicInteger();
		AtomicLong first = new AtomicLong();
		AtomicLong last = new AtomicLong();
		CompletableFuture<Void> done = new CompletableFuture<>();
		RedisConsumerSettings defaults = RedisConsumerSettings.of(stream, group).withConsumerName("eventbus");
		ConsumerSettings worker = defaults.worker().withPollTimeout(Duration.ofSeconds(1));
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(redis.connectionFactory,
				defaults.withWorker(worker), OpenEdxCatalog.catalog(), codec, EventOrigin.forService("bench"),
				(event) -> {
					int count = received.incrementAndGet();
					if (count == 1) {
						first.set(System.nanoTime());
					}
					if (count == events) {
						last.set(System.nanoTime());
						done.complete(null);
					}
				}, new ConsumerObserver() {
				});
		consumer.start();
		try {
			done.get(120, TimeUnit.SECONDS);
		}
		finally {
			consumer.stop(Duration.ofSeconds(10));
		}
		return (events - 1) / ((last.get() - first.get()) / 1e9);
	}

}
