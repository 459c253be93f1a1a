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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.redis.RedisEventBusProducer;
import dev.openedx.eventbus.redis.RedisProducerSettings;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * XADD throughput of {@link RedisEventBusProducer} (metadata stamping, Avro encoding, field building, send) against
 * raw Lettuce sending the very same field bytes, on the same server in the same run. Rounds alternate between the
 * two and who goes first
 * alternates, so load from other processes hits both alike; the median of the per-round ratios is reported (goal:
 * at least 0.8), with the median rates.
 * <p>
 * Two modes: {@code async} keeps up to {@code window} sends in flight (how a busy service publishes), {@code sync}
 * waits for each reply before the next send (one request thread).
 * <pre>
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.redis.RedisProducerThroughputBench \
 *     --port=6379 --events=20000 --sync-events=5000 --rounds=15 --window=1000
 * </pre>
 *
 * @since 0.1.0
 */
public final class RedisProducerThroughputBench {

	private RedisProducerThroughputBench() {
	}

	public static void main(String[] arguments) throws Exception {
		Map<String, String> args = BenchRedis.parse(arguments);
		int events = Integer.parseInt(args.getOrDefault("events", "20000"));
		int syncEvents = Integer.parseInt(args.getOrDefault("sync-events", "5000"));
		int rounds = Integer.parseInt(args.getOrDefault("rounds", "15"));
		int window = Integer.parseInt(args.getOrDefault("window", "1000"));
		try (BenchRedis redis = new BenchRedis(args)) {
			AvroEventCodec codec = new AvroEventCodec();
			RedisEventBusProducer producer = new RedisEventBusProducer(redis.connectionFactory, codec,
					RedisProducerSettings.defaults());
			String producerStream = redis.stream("producer");
			String rawStream = redis.stream("raw");
			Object[] fields = sameFields(redis, producer);
			RedisAsyncCommands<byte[], byte[]> raw = redis.raw.async();
			byte[] rawKey = BenchRedis.bytes(rawStream);
			XAddArgs xadd = new XAddArgs().maxlen(RedisProducerSettings.DEFAULT_STREAM_MAX_LENGTH).approximateTrimming();

			System.out.printf("Redis %s:%d, event %s, %d bytes of event_data, MAXLEN ~ %d%n", redis.host, redis.port,
					SampleEvents.ENROLLMENT.type(), ((byte[]) fields[15]).length,
					RedisProducerSettings.DEFAULT_STREAM_MAX_LENGTH);
			Supplier<CompletionStage<?>> rawSend = () -> raw.xadd(rawKey, xadd, fields);
			Supplier<CompletionStage<?>> producerSend = () -> producer.send(producerStream, null,
					SampleEvents.enrollmentEvent());

			report("async, window " + window, events, rounds,
					() -> run(rawSend, events, window), () -> run(producerSend, events, window));
			report("sync, one at a time", syncEvents, rounds,
					() -> run(rawSend, syncEvents, 1), () -> run(producerSend, syncEvents, 1));
		}
	}

	/** Sends one event through the producer and reads back the bytes it wrote, for the raw client to repeat. */
	static Object[] sameFields(BenchRedis redis, RedisEventBusProducer producer) throws Exception {
		String sample = redis.stream("sample");
		producer.send(sample, null, SampleEvents.enrollmentEvent()).get(10, TimeUnit.SECONDS);
		List<StreamMessage<byte[], byte[]>> entries = redis.raw.sync()
			.xrange(BenchRedis.bytes(sample), io.lettuce.core.Range.create("-", "+"));
		List<Object> fields = new ArrayList<>();
		entries.get(0).getBody().forEach((name, value) -> {
			fields.add(name);
			fields.add(value);
		});
		if (fields.size() != 16) {
			throw new IllegalStateException("Expected 8 fields, got " + fields.size() / 2);
		}
		return fields.toArray();
	}

	private static void report(String mode, int events, int rounds, Round raw, Round producer) throws Exception {
		raw.run();
		producer.run();
		double[] rawRates = new double[rounds];
		double[] producerRates = new double[rounds];
		double[] ratios = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			// Alternate who goes first, and compare each pair: load from other processes drifts, pairs cancel it.
			if (i % 2 == 0) {
				rawRates[i] = events / (raw.run() / 1e9);
				producerRates[i] = events / (producer.run() / 1e9);
			}
			else {
				producerRates[i] = events / (producer.run() / 1e9);
				rawRates[i] = events / (raw.run() / 1e9);
			}
			ratios[i] = producerRates[i] / rawRates[i];
		}
		double[] sortedRatios = ratios.clone();
		java.util.Arrays.sort(sortedRatios);
		System.out.printf("%-20s raw Lettuce XADD %,9.0f events/s | RedisEventBusProducer %,9.0f events/s | "
				+ "ratio %.2f (median of %d paired rounds of %,d; range %.2f-%.2f)%n", mode,
				BenchRedis.median(rawRates), BenchRedis.median(producerRates), BenchRedis.median(ratios), rounds,
				events, sortedRatios[0], sortedRatios[rounds - 1]);
	}

	/** @return elapsed nanoseconds for {@code events} sends with at most {@code window} in flight */
	private static long run(Supplier<CompletionStage<?>> send, int events, int window) throws Exception {
		Semaphore inFlight = new Semaphore(window);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long start = System.nanoTime();
		for (int i = 0; i < events; i++) {
			inFlight.acquire();
			send.get().whenComplete((result, error) -> {
				if (error != null) {
					failure.compareAndSet(null, error);
				}
				inFlight.release();
			});
		}
		inFlight.acquire(window);
		long elapsed = System.nanoTime() - start;
		if (failure.get() != null) {
			throw new IllegalStateException("A send failed", failure.get());
		}
		return elapsed;
	}

	@FunctionalInterface
	private interface Round {

		long run() throws Exception;

	}

}
