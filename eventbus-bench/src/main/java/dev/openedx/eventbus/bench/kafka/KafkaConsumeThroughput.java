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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.kafka.KafkaEventBusConsumer;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.KafkaInboundMessage;
import dev.openedx.eventbus.kafka.KafkaMessageDecoder;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consume throughput on a 6-partition topic: a raw {@code KafkaConsumer} loop doing the same decoding
 * ({@link KafkaMessageDecoder}: framing, headers, registry lookup, Avro) and committing asynchronously after each poll,
 * against one worker ({@code concurrency: 1}) and against three consumers of one worker in the same group
 * ({@code concurrency: 3}, as {@code EventBusWorkers} runs them). Audit log off in all three (its cost is
 * {@link ConsumeAuditLogThroughput}'s figure). Each run reads the whole topic with a new group, timed from the first
 * event to the last; rounds alternate the order.
 * <pre class="code">
 * java -Xms1g -Xmx1g -cp eventbus-bench/target/benchmarks.jar \
 *     dev.openedx.eventbus.bench.kafka.KafkaConsumeThroughput 60000 3
 * </pre>
 */
public final class KafkaConsumeThroughput {

	private static final int PARTITIONS = 6;

	private KafkaConsumeThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int events = KafkaBench.intArg(args, 0, 60_000);
		int rounds = KafkaBench.intArg(args, 1, 3);
		AvroEventCodec codec = new AvroEventCodec();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(PARTITIONS);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			SchemaRegistryClient registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
			String topic = "consume-" + System.nanoTime();
			broker.createTopics(PARTITIONS, topic);
			try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
					KafkaBench.producerConfig(broker.bootstrapServers()), registryClient, codec)) {
				List<CompletableFuture<SendReceipt>> sends = new ArrayList<>(events);
				for (OpenEdxEvent<CourseEnrollmentData> event : KafkaBench.events(KafkaBench.data(), events)) {
					sends.add(producer.send(topic, KafkaBench.KEY_FIELD, event));
				}
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
			}
			KafkaMessageDecoder decoder = new KafkaMessageDecoder(OpenEdxCatalog.catalog(), codec, registryClient,
					KafkaBench.ORIGIN);
			System.out.printf("Kafka consume throughput, %,d events of %s on %d partitions, raw KafkaConsumer loop "
					+ "with the same decoding vs one worker vs 3 consumers of one worker, %d rounds after a warm-up, "
					+ "%d cores%n", events, KafkaBench.TYPE.type(), PARTITIONS, rounds,
					Runtime.getRuntime().availableProcessors());
			raw(broker, topic, "warmup-raw", events, decoder);
			workers(broker, topic, "warmup-workers", 1, events, decoder);
			double[] raw = new double[rounds];
			double[] one = new double[rounds];
			double[] three = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				String prefix = "round-" + round + "-";
				if (round % 2 == 0) {
					raw[round] = raw(broker, topic, prefix + "raw", events, decoder);
					one[round] = workers(broker, topic, prefix + "one", 1, events, decoder);
					three[round] = workers(broker, topic, prefix + "three", 3, events, decoder);
				}
				else {
					three[round] = workers(broker, topic, prefix + "three", 3, events, decoder);
					one[round] = workers(broker, topic, prefix + "one", 1, events, decoder);
					raw[round] = raw(broker, topic, prefix + "raw", events, decoder);
				}
				System.out.printf("  round %d: raw %,9.0f events/s | one worker %,9.0f (%.2f) | concurrency 3 %,9.0f "
						+ "(%.2f)%n", round + 1, raw[round], one[round], one[round] / raw[round], three[round],
						three[round] / raw[round]);
			}
			double rawMedian = KafkaBench.median(raw);
			System.out.printf("Median: raw %,.0f events/s, one worker %,.0f (%.2f of raw), concurrency 3 %,.0f "
					+ "(%.2f of raw)%n", rawMedian, KafkaBench.median(one), KafkaBench.median(one) / rawMedian,
					KafkaBench.median(three), KafkaBench.median(three) / rawMedian);
		}
	}

	private static double raw(EmbeddedKafkaBroker broker, String topic, String group, int events,
			KafkaMessageDecoder decoder) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
		int received = 0;
		long first = 0;
		long last = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (received < events && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					decoder.decode(new KafkaInboundMessage(record));
					if (++received == 1) {
						first = System.nanoTime();
					}
				}
				consumer.commitAsync();
			}
			last = System.nanoTime();
		}
		return (received - 1) / ((last - first) / 1e9);
	}

	private static double workers(EmbeddedKafkaBroker broker, String topic, String group, int concurrency, int events,
			KafkaMessageDecoder decoder) throws Exception {
		AtomicInteger received = new AtomicInteger();
		AtomicLong first = new AtomicLong();
		AtomicLong last = new AtomicLong();
		CompletableFuture<Void> done = new CompletableFuture<>();
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		List<KafkaEventBusConsumer> consumers = new ArrayList<>();
		for (int i = 1; i <= concurrency; i++) {
			consumers.add(KafkaEventBusConsumer.create(config,
					ConsumerSettings.defaults("kafka", topic, group)
						.withName(group + "-" + i)
						.withPollTimeout(Duration.ofMillis(100))
						.withStartPosition(StartPosition.EARLIEST),
					decoder, (event) -> {
						int count = received.incrementAndGet();
						if (count == 1) {
							first.set(System.nanoTime());
						}
						if (count == events) {
							last.set(System.nanoTime());
							done.complete(null);
						}
					}, FailureRecoverer.logAndSkip(), ConsumerObserver.composite(List.of())));
		}
		consumers.forEach(KafkaEventBusConsumer::start);
		try {
			done.get(120, TimeUnit.SECONDS);
		}
		finally {
			consumers.forEach((consumer) -> consumer.stop(Duration.ofSeconds(30)));
		}
		return (events - 1) / ((last.get() - first.get()) / 1e9);
	}

}
