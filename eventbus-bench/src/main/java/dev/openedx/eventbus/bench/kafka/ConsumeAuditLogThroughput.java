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
import dev.openedx.eventbus.kafka.KafkaMessageDecoder;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import dev.openedx.eventbus.worker.ConsumerAuditLogger;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Consume throughput of one Kafka worker with the consumer audit log on (the default: one INFO line per event,
 * written by Logback's console appender to standard error) and off ({@code eventbus.consumer.audit-log=false}):
 * {@code events} events produced once, then read from the start by a new group per round (poll, decode, dispatch to
 * a counting listener, commit), rounds alternating. Timed from the first event dispatched to the last, so the group
 * join is not counted. Run with standard error sent to a file, as a service's console goes to its log collector.
 * <pre>
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.kafka.ConsumeAuditLogThroughput \
 *     [events] [rounds] 2&gt;bench.log
 * </pre>
 *
 * @since 0.2.0
 */
public final class ConsumeAuditLogThroughput {

	private ConsumeAuditLogThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int events = KafkaBench.intArg(args, 0, 50_000);
		int rounds = KafkaBench.intArg(args, 1, 4);
		AvroEventCodec codec = new AvroEventCodec();
		List<CourseEnrollmentData> data = KafkaBench.data();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			SchemaRegistryClient registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
			String topic = "audit-" + System.nanoTime();
			broker.createTopics(topic);
			try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
					KafkaBench.producerConfig(broker.bootstrapServers()), registryClient, codec)) {
				List<CompletableFuture<SendReceipt>> sends = new ArrayList<>(events);
				for (OpenEdxEvent<CourseEnrollmentData> event : KafkaBench.events(data, events)) {
					sends.add(producer.send(topic, KafkaBench.KEY_FIELD, event));
				}
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
			}
			System.out.printf("Kafka consume throughput, one worker, %,d events of %s, 3 partitions, audit log on "
					+ "(Logback console appender) vs off, %d rounds after 1 warm-up round each, %d cores%n", events,
					KafkaBench.TYPE.type(), rounds, Runtime.getRuntime().availableProcessors());
			run(broker, topic, "warmup-on", true, events, codec, registryClient);
			run(broker, topic, "warmup-off", false, events, codec, registryClient);
			double[] on = new double[rounds];
			double[] off = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				boolean onFirst = round % 2 == 0;
				double first = run(broker, topic, "round-" + round + "-a", onFirst, events, codec, registryClient);
				double second = run(broker, topic, "round-" + round + "-b", !onFirst, events, codec, registryClient);
				on[round] = onFirst ? first : second;
				off[round] = onFirst ? second : first;
				System.out.printf("  round %d: audit log on %,9.0f events/s | off %,9.0f events/s | on/off %.2f%n",
						round + 1, on[round], off[round], on[round] / off[round]);
			}
			System.out.printf("Median: audit log on %,.0f events/s, off %,.0f events/s, on/off %.2f%n",
					KafkaBench.median(on), KafkaBench.median(off), KafkaBench.median(on) / KafkaBench.median(off));
		}
	}

	private static double run(EmbeddedKafkaBroker broker, String topic, String group, boolean audit, int events,
			AvroEventCodec codec, SchemaRegistryClient registry) throws Exception {
		AtomicInteger received = new AtomicInteger();
		AtomicLong first = new AtomicLong();
		AtomicLong last = new AtomicLong();
		CompletableFuture<Void> done = new CompletableFuture<>();
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		ConsumerObserver observer = audit ? new ConsumerAuditLogger() : ConsumerObserver.composite(List.of());
		KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(config,
				ConsumerSettings.defaults("kafka", topic, group)
					.withPollTimeout(Duration.ofMillis(100))
					.withStartPosition(StartPosition.EARLIEST),
				new KafkaMessageDecoder(OpenEdxCatalog.catalog(), codec, registry, KafkaBench.ORIGIN), (event) -> {
					int count = received.incrementAndGet();
					if (count == 1) {
						first.set(System.nanoTime());
					}
					if (count == events) {
						last.set(System.nanoTime());
						done.complete(null);
					}
				}, FailureRecoverer.logAndSkip(), observer);
		consumer.start();
		try {
			done.get(120, java.util.concurrent.TimeUnit.SECONDS);
		}
		finally {
			consumer.stop(Duration.ofSeconds(30));
		}
		return (events - 1) / ((last.get() - first.get()) / 1e9);
	}

}
