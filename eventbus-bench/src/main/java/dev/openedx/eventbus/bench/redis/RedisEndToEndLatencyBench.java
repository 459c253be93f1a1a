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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.redis.RedisConsumerSettings;
import dev.openedx.eventbus.redis.RedisEventBusConsumer;
import dev.openedx.eventbus.redis.RedisEventBusProducer;
import dev.openedx.eventbus.redis.RedisProducerSettings;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * End-to-end latency from publish (just before {@code send}) to the dispatcher (the event decoded, about to be
 * handed to the listeners), at a steady rate, through {@link RedisEventBusProducer} and {@link RedisEventBusConsumer};
 * and, in the same run on the same server, through raw Lettuce: {@code XADD} of the same bytes and an
 * {@code XREADGROUP BLOCK} / {@code XACK} loop without decoding. Both paths run at the same time, fed on the same
 * ticks, so they see the same load. Goal: p50 under 2 ms at 1,000 events/s.
 * <pre>
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.redis.RedisEndToEndLatencyBench \
 *     --port=6379 --rate=1000 --seconds=20 --warmup-seconds=3
 * </pre>
 *
 * @since 0.1.0
 */
public final class RedisEndToEndLatencyBench {

	private static final String GROUP = "bench";

	private RedisEndToEndLatencyBench() {
	}

	public static void main(String[] arguments) throws Exception {
		Map<String, String> args = BenchRedis.parse(arguments);
		int rate = Integer.parseInt(args.getOrDefault("rate", "1000"));
		int seconds = Integer.parseInt(args.getOrDefault("seconds", "20"));
		int warmupSeconds = Integer.parseInt(args.getOrDefault("warmup-seconds", "3"));
		int events = rate * seconds;
		int warmup = rate * warmupSeconds;
		try (BenchRedis redis = new BenchRedis(args)) {
			System.out.printf("Redis %s:%d, %,d events/s on each path for %d s (first %d s not counted), event %s%n",
					redis.host, redis.port, rate, seconds, warmupSeconds, SampleEvents.ENROLLMENT.type());
			LatencyPath raw = rawPath(redis, events);
			LatencyPath library = libraryPath(redis, events);
			Thread.sleep(500);
			// Both paths run side by side, fed on the same ticks, so load from other processes hits both alike.
			pace(rate, events, (index) -> {
				raw.send().accept(index);
				library.send().accept(index);
			});
			raw.await();
			library.await();
			print("raw Lettuce", raw.latencies(), warmup);
			print("eventbus", library.latencies(), warmup);
			long[] rawSorted = sortedAfter(raw.latencies(), warmup);
			long[] librarySorted = sortedAfter(library.latencies(), warmup);
			System.out.printf("eventbus / raw: p50 %.2fx, p99 %.2fx%n",
					(double) BenchRedis.percentile(librarySorted, 50) / BenchRedis.percentile(rawSorted, 50),
					(double) BenchRedis.percentile(librarySorted, 99) / BenchRedis.percentile(rawSorted, 99));
		}
	}

	private static LatencyPath libraryPath(BenchRedis redis, int events) {
		String stream = redis.stream("latency-eventbus");
		AvroEventCodec codec = new AvroEventCodec();
		RedisEventBusProducer producer = new RedisEventBusProducer(redis.connectionFactory, codec,
				RedisProducerSettings.defaults());
		AtomicLongArray sent = new AtomicLongArray(events);
		long[] latencies = new long[events];
		AtomicInteger received = new AtomicInteger();
		RedisConsumerSettings defaults = RedisConsumerSettings.of(stream, GROUP).withConsumerName("bench-0");
		ConsumerSettings worker = defaults.worker().withPollTimeout(Duration.ofSeconds(1));
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(redis.connectionFactory,
				defaults.withWorker(worker), OpenEdxCatalog.catalog(), codec, EventOrigin.forService("bench"),
				(event) -> {
					int index = received.getAndIncrement();
					latencies[index] = System.nanoTime() - sent.get(index);
				}, new ConsumerObserver() {
				});
		consumer.start();
		return new LatencyPath((index) -> {
			sent.set(index, System.nanoTime());
			producer.send(stream, null, SampleEvents.enrollmentEvent());
		}, () -> {
			try {
				awaitCount(received, events);
			}
			finally {
				consumer.stop(Duration.ofSeconds(10));
			}
		}, latencies);
	}

	private static LatencyPath rawPath(BenchRedis redis, int events) throws Exception {
		String stream = redis.stream("latency-raw");
		byte[] key = BenchRedis.bytes(stream);
		Object[] fields = RedisProducerThroughputBench.sameFields(redis, new RedisEventBusProducer(
				redis.connectionFactory, new AvroEventCodec(), RedisProducerSettings.defaults()));
		AtomicLongArray sent = new AtomicLongArray(events);
		long[] latencies = new long[events];
		AtomicInteger received = new AtomicInteger();
		redis.raw.sync()
			.xgroupCreate(XReadArgs.StreamOffset.from(key, "0-0"), BenchRedis.bytes(GROUP),
					XGroupCreateArgs.Builder.mkstream());
		Thread reader = new Thread(() -> {
			try (StatefulRedisConnection<byte[], byte[]> connection = redis.rawClient.connect(ByteArrayCodec.INSTANCE)) {
				RedisCommands<byte[], byte[]> commands = connection.sync();
				Consumer<byte[]> consumer = Consumer.from(BenchRedis.bytes(GROUP), BenchRedis.bytes("raw-0"));
				while (received.get() < events) {
					List<StreamMessage<byte[], byte[]>> batch = commands.xreadgroup(consumer,
							XReadArgs.Builder.count(10).block(1000), XReadArgs.StreamOffset.lastConsumed(key));
					if (batch.isEmpty()) {
						continue;
					}
					String[] ids = new String[batch.size()];
					for (int i = 0; i < batch.size(); i++) {
						int index = received.getAndIncrement();
						latencies[index] = System.nanoTime() - sent.get(index);
						ids[i] = batch.get(i).getId();
					}
					commands.xack(key, BenchRedis.bytes(GROUP), ids);
				}
			}
		}, "raw-reader");
		reader.start();
		XAddArgs xadd = new XAddArgs().maxlen(RedisProducerSettings.DEFAULT_STREAM_MAX_LENGTH).approximateTrimming();
		return new LatencyPath((index) -> {
			sent.set(index, System.nanoTime());
			redis.raw.async().xadd(key, xadd, fields);
		}, () -> {
			awaitCount(received, events);
			reader.join(TimeUnit.SECONDS.toMillis(10));
		}, latencies);
	}

	private record LatencyPath(IntConsumer send, Waiter waiter, long[] latencies) {

		void await() throws Exception {
			this.waiter.await();
		}

	}

	@FunctionalInterface
	private interface Waiter {

		void await() throws Exception;

	}

	/** Calls {@code send} {@code events} times, one every 1/rate seconds on a fixed schedule. */
	private static void pace(int rate, int events, IntConsumer send) {
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		for (int i = 0; i < events; i++) {
			long due = start + i * interval;
			long now;
			while ((now = System.nanoTime()) < due) {
				LockSupport.parkNanos(due - now);
			}
			send.accept(i);
		}
	}

	private static void awaitCount(AtomicInteger received, int events) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (received.get() < events) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + received.get() + " of " + events + " events arrived");
			}
			Thread.sleep(10);
		}
	}

	private static long[] sortedAfter(long[] latencies, int warmup) {
		long[] counted = Arrays.copyOfRange(latencies, warmup, latencies.length);
		Arrays.sort(counted);
		return counted;
	}

	private static void print(String label, long[] latencies, int warmup) {
		long[] sorted = sortedAfter(latencies, warmup);
		System.out.printf("%-12s p50 %7.3f ms | p90 %7.3f ms | p99 %7.3f ms | p99.9 %7.3f ms | max %7.3f ms (%,d events)%n",
				label, ms(BenchRedis.percentile(sorted, 50)), ms(BenchRedis.percentile(sorted, 90)),
				ms(BenchRedis.percentile(sorted, 99)), ms(BenchRedis.percentile(sorted, 99.9)),
				ms(sorted[sorted.length - 1]), sorted.length);
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

}
