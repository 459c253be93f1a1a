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

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.command.CommandArguments;
import dev.openedx.eventbus.command.ProduceEventCommand;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventMetadataStamper;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerAuditLogger;
import dev.openedx.eventbus.publish.ProducerObserver;
import dev.openedx.eventbus.publish.SendScheduler;
import dev.openedx.eventbus.redis.RedisEventBusProducer;
import dev.openedx.eventbus.redis.RedisProducerSettings;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Bulk {@code produce-event} throughput on Redis: the command reading a JSON-lines file of {@code events} data objects
 * (parse, stamp, encode, {@code XADD} pipelined on the shared Lettuce connection, print each event as a JSON line to a
 * discarded standard output, wait once at the end) against raw Lettuce {@code XADD}s of the very same field bytes
 * pipelined with up to {@code window} in flight, same server, same run, rounds alternating. JVM and Spring start-up
 * excluded; the producer audit log on as by default ({@code --audit=false} to switch it off), logs on standard error.
 * <pre>
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.redis.RedisProduceEventBulkBench \
 *     --port=6379 --events=50000 --rounds=3 --window=1000 2&gt;bench.log
 * </pre>
 *
 * @since 0.2.0
 */
public final class RedisProduceEventBulkBench {

	private RedisProduceEventBulkBench() {
	}

	public static void main(String[] arguments) throws Exception {
		Map<String, String> args = BenchRedis.parse(arguments);
		int events = Integer.parseInt(args.getOrDefault("events", "50000"));
		int rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
		int window = Integer.parseInt(args.getOrDefault("window", "1000"));
		boolean audit = Boolean.parseBoolean(args.getOrDefault("audit", "true"));
		try (BenchRedis redis = new BenchRedis(args)) {
			AvroEventCodec codec = new AvroEventCodec();
			EventJson json = new EventJson(OpenEdxCatalog.catalog(), codec);
			RedisEventBusProducer producer = new RedisEventBusProducer(redis.connectionFactory, codec,
					RedisProducerSettings.defaults());
			Object[] fields = RedisProducerThroughputBench.sameFields(redis, producer);
			List<ProducerObserver> observers = audit ? List.of(new ProducerAuditLogger()) : List.of();
			EventBusPublisher publisher = new EventBusPublisher(EventRoutes.none(), producer,
					new EventMetadataStamper(SampleEvents.ORIGIN), observers, SendScheduler.IMMEDIATE);
			ProduceEventCommand command = new ProduceEventCommand(publisher, OpenEdxCatalog.catalog(), json, codec,
					false);
			Path file = Files.createTempFile("eventbus-bench-", ".jsonl");
			file.toFile().deleteOnExit();
			String line = json.dataToJson(SampleEvents.ENROLLMENT, SampleEvents.enrollmentEvent().data());
			try (BufferedWriter out = Files.newBufferedWriter(file)) {
				for (int i = 0; i < events; i++) {
					out.write(line);
					out.write('\n');
				}
			}
			RedisAsyncCommands<byte[], byte[]> raw = redis.raw.async();
			XAddArgs xadd = new XAddArgs().maxlen(RedisProducerSettings.DEFAULT_STREAM_MAX_LENGTH)
				.approximateTrimming();
			System.out.printf("produce-event bulk, Redis %s:%d: %,d lines of %s from a file, MAXLEN ~ %d, raw window "
					+ "%d, producer audit log %s, %d rounds after 1 warm-up round%n", redis.host, redis.port, events,
					SampleEvents.ENROLLMENT.type(), RedisProducerSettings.DEFAULT_STREAM_MAX_LENGTH, window,
					audit ? "on" : "off", rounds);
			String rawStream = redis.stream("bulk-raw");
			String commandStream = redis.stream("bulk-command");
			runRaw(raw, BenchRedis.bytes(rawStream), xadd, fields, events, window);
			runCommand(command, commandStream, file);
			double[] rawRates = new double[rounds];
			double[] ourRates = new double[rounds];
			double[] ratios = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				if (round % 2 == 0) {
					rawRates[round] = events / runRaw(raw, BenchRedis.bytes(rawStream), xadd, fields, events, window);
					ourRates[round] = events / runCommand(command, commandStream, file);
				}
				else {
					ourRates[round] = events / runCommand(command, commandStream, file);
					rawRates[round] = events / runRaw(raw, BenchRedis.bytes(rawStream), xadd, fields, events, window);
				}
				ratios[round] = ourRates[round] / rawRates[round];
				System.out.printf("  round %d: raw pipelined XADD %,9.0f events/s | produce-event %,9.0f events/s | "
						+ "ratio %.2f%n", round + 1, rawRates[round], ourRates[round], ratios[round]);
			}
			System.out.printf("Median: raw %,.0f events/s, produce-event %,.0f events/s, median of round ratios %.2f%n",
					BenchRedis.median(rawRates), BenchRedis.median(ourRates), BenchRedis.median(ratios));
		}
	}

	private static double runCommand(ProduceEventCommand command, String stream, Path file) {
		PrintStream discarded = new PrintStream(new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16));
		long started = System.nanoTime();
		int status = command.run(new CommandArguments.ProduceEvent(SampleEvents.ENROLLMENT.type(), stream, null,
				"@" + file, 1), System.in, discarded);
		double seconds = (System.nanoTime() - started) / 1e9;
		if (status != 0) {
			throw new IllegalStateException("produce-event exited with " + status);
		}
		return seconds;
	}

	private static double runRaw(RedisAsyncCommands<byte[], byte[]> raw, byte[] key, XAddArgs xadd, Object[] fields,
			int events, int window) throws InterruptedException {
		Semaphore inFlight = new Semaphore(window);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long started = System.nanoTime();
		for (int i = 0; i < events; i++) {
			inFlight.acquire();
			raw.xadd(key, xadd, fields).whenComplete((id, error) -> {
				if (error != null) {
					failure.compareAndSet(null, error);
				}
				inFlight.release();
			});
		}
		inFlight.acquire(window);
		double seconds = (System.nanoTime() - started) / 1e9;
		if (failure.get() != null) {
			throw new IllegalStateException("A raw XADD failed", failure.get());
		}
		return seconds;
	}

}
