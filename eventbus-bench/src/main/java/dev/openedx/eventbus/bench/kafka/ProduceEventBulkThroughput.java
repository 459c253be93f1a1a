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

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.command.CommandArguments;
import dev.openedx.eventbus.command.ProduceEventCommand;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventMetadataStamper;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerAuditLogger;
import dev.openedx.eventbus.publish.ProducerObserver;
import dev.openedx.eventbus.publish.SendScheduler;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Bulk {@code produce-event} throughput on Kafka: the command reading a JSON-lines file of {@code events} data
 * objects (parse, stamp, encode, frame, send asynchronously, print each event as a JSON line to a discarded standard
 * output, wait once at the end) against a raw {@link KafkaProducer} sending the same records serialized in advance
 * (what {@code kafka-producer-perf-test} does: no JSON, no Avro, no output), on the same broker with the same client
 * settings, rounds alternating. JVM and Spring start-up are excluded (the command object is built as the
 * auto-configuration builds it). The producer audit log is on as by default ({@code -Daudit=false} to switch it off);
 * logs go to standard error. Goal: at least 0.7 of the raw client.
 * <pre>
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.kafka.ProduceEventBulkThroughput \
 *     [events] [rounds] 2&gt;bench.log
 * </pre>
 *
 * @since 0.2.0
 */
public final class ProduceEventBulkThroughput {

	private ProduceEventBulkThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int events = KafkaBench.intArg(args, 0, 50_000);
		int rounds = KafkaBench.intArg(args, 1, 3);
		boolean audit = Boolean.parseBoolean(System.getProperty("audit", "true"));
		AvroEventCodec codec = new AvroEventCodec();
		List<CourseEnrollmentData> data = KafkaBench.data();
		Path file = KafkaBench.dataFile(events);
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			SchemaRegistryClient registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
			System.out.printf("produce-event bulk, Kafka: %,d lines of %s from a file, 3 partitions, acks=all, "
					+ "idempotent, linger.ms=%d, producer audit log %s, %d rounds after 1 warm-up round, %d cores%n",
					events, KafkaBench.TYPE.type(), KafkaBench.lingerMs(), audit ? "on" : "off", rounds,
					Runtime.getRuntime().availableProcessors());
			try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
					KafkaBench.producerConfig(broker.bootstrapServers()), new ByteArraySerializer(),
					new ByteArraySerializer());
					KafkaEventBusProducer producer = KafkaEventBusProducer.create(
							KafkaBench.producerConfig(broker.bootstrapServers()), registryClient, codec)) {
				List<ProducerObserver> observers = audit ? List.of(new ProducerAuditLogger()) : List.of();
				EventBusPublisher publisher = new EventBusPublisher(EventRoutes.none(), producer,
						new EventMetadataStamper(KafkaBench.ORIGIN), observers, SendScheduler.IMMEDIATE);
				ProduceEventCommand command = new ProduceEventCommand(publisher, OpenEdxCatalog.catalog(),
						new EventJson(OpenEdxCatalog.catalog(), codec), codec, true);
				runRaw(broker, raw, "warmup-raw", events, data, codec, registryClient);
				runCommand(broker, command, "warmup-command", file);
				double[] rawRates = new double[rounds];
				double[] ourRates = new double[rounds];
				double[] ratios = new double[rounds];
				for (int round = 0; round < rounds; round++) {
					if (round % 2 == 0) {
						rawRates[round] = runRaw(broker, raw, "raw-" + round, events, data, codec, registryClient);
						ourRates[round] = events / runCommand(broker, command, "command-" + round, file);
					}
					else {
						ourRates[round] = events / runCommand(broker, command, "command-" + round, file);
						rawRates[round] = runRaw(broker, raw, "raw-" + round, events, data, codec, registryClient);
					}
					ratios[round] = ourRates[round] / rawRates[round];
					System.out.printf("  round %d: raw KafkaProducer %,9.0f events/s | produce-event %,9.0f events/s "
							+ "| ratio %.2f%n", round + 1, rawRates[round], ourRates[round], ratios[round]);
				}
				System.out.printf("Median: raw %,.0f events/s, produce-event %,.0f events/s, median of round ratios "
						+ "%.2f (goal >= 0.70)%n", KafkaBench.median(rawRates), KafkaBench.median(ourRates),
						KafkaBench.median(ratios));
			}
		}
	}

	/** Seconds the command took, from reading the first line to the last acknowledgement. */
	private static double runCommand(EmbeddedKafkaBroker broker, ProduceEventCommand command, String topic, Path file)
			throws Exception {
		broker.createTopics(topic);
		PrintStream discarded = new PrintStream(new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16));
		long started = System.nanoTime();
		int status = command.run(new CommandArguments.ProduceEvent(KafkaBench.TYPE.type(), topic,
				KafkaBench.KEY_FIELD, "@" + file, 1), System.in, discarded);
		double seconds = (System.nanoTime() - started) / 1e9;
		if (status != 0) {
			throw new IllegalStateException("produce-event exited with " + status);
		}
		return seconds;
	}

	private static double runRaw(EmbeddedKafkaBroker broker, KafkaProducer<byte[], byte[]> producer, String topic,
			int count, List<CourseEnrollmentData> data, AvroEventCodec codec, SchemaRegistryClient registry)
			throws Exception {
		broker.createTopics(topic);
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(KafkaBench.preSerialized(topic,
				KafkaBench.events(data, count), codec, registry));
		AtomicInteger failures = new AtomicInteger();
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
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " raw sends to " + topic + " failed");
		}
		return records.size() / (elapsed / 1e9);
	}

}
