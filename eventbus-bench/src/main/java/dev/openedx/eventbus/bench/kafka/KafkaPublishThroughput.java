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

package dev.openedx.eventbus.bench.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publish throughput, {@code acks=all}: {@link KafkaEventBusProducer} (route lookup, Avro encoding, framing, headers,
 * future per event) against a raw {@link KafkaProducer} sending the same bytes serialized in advance, same broker,
 * same settings, rounds alternating. Goal: at least 0.9 of the raw client.
 * <pre>
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.kafka.KafkaPublishThroughput [events] [rounds] [warm-up rounds]
 * </pre>
 *
 * @since 0.1.0
 */
public final class KafkaPublishThroughput {

	private KafkaPublishThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int events = KafkaBench.intArg(args, 0, 50_000);
		int rounds = KafkaBench.intArg(args, 1, 10);
		int warmupRounds = KafkaBench.intArg(args, 2, 3);
		AvroEventCodec codec = new AvroEventCodec();
		List<CourseEnrollmentData> data = KafkaBench.data();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			SchemaRegistryClient registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
			System.out.printf("Kafka publish throughput: %,d events of %s per round, 3 partitions, acks=all, "
					+ "idempotent, %d rounds after %d warm-up rounds, %d cores%n", events, KafkaBench.TYPE.type(),
					rounds, warmupRounds, Runtime.getRuntime().availableProcessors());
			try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
					KafkaBench.producerConfig(broker.bootstrapServers()), new ByteArraySerializer(),
					new ByteArraySerializer());
					KafkaEventBusProducer ours = KafkaEventBusProducer.create(
							KafkaBench.producerConfig(broker.bootstrapServers()), registryClient, codec)) {
				// The broker runs in this JVM: its code needs warming up as much as the clients'.
				for (int round = 0; round < warmupRounds; round++) {
					runRaw(raw, "warmup-raw-" + round, events, data, codec, registryClient);
					runOurs(ours, "warmup-ours-" + round, events, data);
				}
				double[] rawRates = new double[rounds];
				double[] ourRates = new double[rounds];
				for (int round = 0; round < rounds; round++) {
					// Alternate which side goes first, so drift in machine load does not favour one.
					if (round % 2 == 0) {
						rawRates[round] = runRaw(raw, "raw-" + round, events, data, codec, registryClient);
						ourRates[round] = runOurs(ours, "ours-" + round, events, data);
					}
					else {
						ourRates[round] = runOurs(ours, "ours-" + round, events, data);
						rawRates[round] = runRaw(raw, "raw-" + round, events, data, codec, registryClient);
					}
					System.out.printf("  round %d: raw KafkaProducer %,10.0f events/s | KafkaEventBusProducer %,10.0f "
							+ "events/s | ratio %.2f%n", round + 1, rawRates[round], ourRates[round],
							ourRates[round] / rawRates[round]);
				}
				double rawMedian = KafkaBench.median(rawRates);
				double ourMedian = KafkaBench.median(ourRates);
				double[] ratios = new double[rounds];
				for (int round = 0; round < rounds; round++) {
					ratios[round] = ourRates[round] / rawRates[round];
				}
				System.out.printf("Median: raw %,.0f events/s, event bus %,.0f events/s, ratio of medians %.2f, "
						+ "median of round ratios %.2f (goal >= 0.90)%n", rawMedian, ourMedian, ourMedian / rawMedian,
						KafkaBench.median(ratios));
			}
		}
	}

	private static double runRaw(KafkaProducer<byte[], byte[]> producer, String topic, int count,
			List<CourseEnrollmentData> data, AvroEventCodec codec, SchemaRegistryClient registry) {
		List<ProducerRecord<byte[], byte[]>> records = KafkaBench.preSerialized(topic,
				KafkaBench.events(data, count), codec, registry);
		AtomicInteger failures = new AtomicInteger();
		// Topic metadata is fetched on the first send to a topic: not part of the steady state measured.
		producer.send(records.remove(records.size() - 1));
		producer.flush();
		long started = System.nanoTime();
		for (ProducerRecord<byte[], byte[]> record : records) {
			producer.send(record, (metadata, exception) -> {
				if (exception != null) {
					failures.incrementAndGet();
				}
			});
		}
		producer.flush();
		long elapsed = System.nanoTime() - started;
		check(failures.get(), topic);
		return records.size() / (elapsed / 1e9);
	}

	private static double runOurs(KafkaEventBusProducer producer, String topic, int count,
			List<CourseEnrollmentData> data) {
		List<OpenEdxEvent<CourseEnrollmentData>> events = KafkaBench.events(data, count);
		List<CompletableFuture<SendReceipt>> sends = new ArrayList<>(count);
		// Topic metadata and schema registration happen on the first send to a topic: not the steady state.
		producer.send(topic, KafkaBench.KEY_FIELD, events.remove(events.size() - 1)).join();
		long started = System.nanoTime();
		for (OpenEdxEvent<CourseEnrollmentData> event : events) {
			sends.add(producer.send(topic, KafkaBench.KEY_FIELD, event));
		}
		producer.flush();
		long elapsed = System.nanoTime() - started;
		int failures = 0;
		for (CompletableFuture<SendReceipt> send : sends) {
			if (!send.isDone() || send.isCompletedExceptionally()) {
				failures++;
			}
		}
		check(failures, topic);
		return events.size() / (elapsed / 1e9);
	}

	private static void check(int failures, String topic) {
		if (failures > 0) {
			throw new IllegalStateException(failures + " sends to " + topic + " failed or did not complete");
		}
	}

}
