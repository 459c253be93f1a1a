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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.kafka.CloudEventHeaders;
import dev.openedx.eventbus.kafka.KafkaEventBusConsumer;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.KafkaMessageDecoder;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * End-to-end latency at a steady 1,000 events/s: from the call that publishes an event to the moment the consumer
 * hands it to the dispatcher. The event bus ({@link KafkaEventBusProducer} to {@link KafkaEventBusConsumer}: encode,
 * frame, headers, poll, decode with writer-schema lookup, dispatch) against raw clients moving the same bytes (send,
 * poll), same broker, same run, rounds alternating (the first round includes JIT warm-up). Both producers use the
 * event bus's {@code linger.ms} ({@code KafkaEventBusProducer.DEFAULT_LINGER_MS}), or {@code -Dlinger.ms=N}; the goal
 * is p50 under 5 ms and p99 under 25 ms.
 * <pre>
 * java -cp eventbus-bench/target/benchmarks.jar dev.openedx.eventbus.bench.kafka.KafkaEndToEndLatency [seconds] [rate] [rounds]
 * </pre>
 *
 * @since 0.1.0
 */
public final class KafkaEndToEndLatency {

	private KafkaEndToEndLatency() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = KafkaBench.intArg(args, 0, 20);
		int rate = KafkaBench.intArg(args, 1, 1_000);
		int rounds = KafkaBench.intArg(args, 2, 2);
		int warmup = rate * 3;
		int measured = rate * seconds;
		AvroEventCodec codec = new AvroEventCodec();
		List<CourseEnrollmentData> data = KafkaBench.data();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			SchemaRegistryClient registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
			System.out.printf("Kafka end-to-end latency: %,d events/s for %d s after %d s of warm-up, %s, "
					+ "3 partitions, acks=all, linger.ms=%d, %d cores%n", rate, seconds, warmup / rate,
					KafkaBench.TYPE.type(), KafkaBench.lingerMs(), Runtime.getRuntime().availableProcessors());
			long[] raw = null;
			long[] ours = null;
			for (int round = 1; round <= rounds; round++) {
				raw = measureRaw(broker, "raw-" + round, codec, registryClient, data, rate, warmup, measured);
				ours = measureOurs(broker, "ours-" + round, codec, registryClient, data, rate, warmup, measured);
				System.out.printf("Round %d of %d%n", round, rounds);
				print("raw clients   ", raw);
				print("event bus     ", ours);
			}
			System.out.printf("Last round, event bus / raw: p50 %.2f, p99 %.2f (goal: event bus p50 < 5 ms, p99 < 25 ms)%n",
					KafkaBench.percentile(ours, 50) / KafkaBench.percentile(raw, 50),
					KafkaBench.percentile(ours, 99) / KafkaBench.percentile(raw, 99));
		}
	}

	private static long[] measureOurs(EmbeddedKafkaBroker broker, String topic, AvroEventCodec codec,
			SchemaRegistryClient registry, List<CourseEnrollmentData> data, int rate, int warmup, int measured)
			throws Exception {
		broker.createTopics(topic);
		Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
		long[] latencies = new long[measured];
		AtomicInteger received = new AtomicInteger();
		Map<String, Object> producerConfig = KafkaBench.producerConfig(broker.bootstrapServers());
		KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(consumerConfig(broker), ConsumerSettings
			.defaults("kafka", topic, topic).withPollTimeout(Duration.ofMillis(100)),
				new KafkaMessageDecoder(OpenEdxCatalog.catalog(), codec, registry, KafkaBench.ORIGIN), (event) -> {
					long now = System.nanoTime();
					Long sent = sentAt.remove(event.metadata().id());
					int index = received.getAndIncrement() - warmup;
					if (sent != null && index >= 0 && index < latencies.length) {
						latencies[index] = now - sent;
					}
				}, FailureRecoverer.logAndSkip(), ConsumerObserver.composite(List.of()));
		consumer.start();
		try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(producerConfig, registry, codec)) {
			awaitAssignment(() -> {
				OpenEdxEvent<CourseEnrollmentData> probe = KafkaBench.events(data, 1).get(0);
				producer.send(topic, KafkaBench.KEY_FIELD, probe).join();
			}, received);
			received.set(0);
			List<OpenEdxEvent<CourseEnrollmentData>> events = KafkaBench.events(data, warmup + measured);
			long interval = 1_000_000_000L / rate;
			long next = System.nanoTime();
			for (OpenEdxEvent<CourseEnrollmentData> event : events) {
				next += interval;
				parkUntil(next);
				sentAt.put(event.metadata().id(), System.nanoTime());
				producer.send(topic, KafkaBench.KEY_FIELD, event);
			}
			awaitReceived(received, warmup + measured);
		}
		finally {
			consumer.stop(Duration.ofSeconds(30));
		}
		return sorted(latencies, received.get() - warmup);
	}

	private static long[] measureRaw(EmbeddedKafkaBroker broker, String topic, AvroEventCodec codec,
			SchemaRegistryClient registry, List<CourseEnrollmentData> data, int rate, int warmup, int measured)
			throws Exception {
		broker.createTopics(topic);
		List<ProducerRecord<byte[], byte[]>> records = KafkaBench.preSerialized(topic,
				KafkaBench.events(data, warmup + measured + 1), codec, registry);
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		long[] latencies = new long[measured];
		AtomicInteger received = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread poller = new Thread(() -> {
			Map<String, Object> config = consumerConfig(broker);
			config.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
			try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
					new ByteArrayDeserializer())) {
				consumer.subscribe(List.of(topic));
				while (running.get()) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
						long now = System.nanoTime();
						Long sent = sentAt.remove(new String(record.headers().lastHeader(CloudEventHeaders.ID).value()));
						int index = received.getAndIncrement() - warmup;
						if (sent != null && index >= 0 && index < latencies.length) {
							latencies[index] = now - sent;
						}
					}
					consumer.commitAsync();
				}
			}
		}, "raw-latency-consumer");
		poller.start();
		Map<String, Object> producerConfig = KafkaBench.producerConfig(broker.bootstrapServers());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<byte[], byte[]> probe = records.remove(records.size() - 1);
			awaitAssignment(() -> {
				try {
					producer.send(probe).get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, received);
			received.set(0);
			long interval = 1_000_000_000L / rate;
			long next = System.nanoTime();
			for (ProducerRecord<byte[], byte[]> record : records) {
				next += interval;
				parkUntil(next);
				sentAt.put(new String(record.headers().lastHeader(CloudEventHeaders.ID).value()), System.nanoTime());
				producer.send(record);
			}
			awaitReceived(received, warmup + measured);
		}
		finally {
			running.set(false);
			poller.join(30_000);
		}
		return sorted(latencies, received.get() - warmup);
	}

	private static Map<String, Object> consumerConfig(EmbeddedKafkaBroker broker) {
		Map<String, Object> config = new java.util.HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		return config;
	}

	/** Sends probes until the consumer got one: it has joined its group and is positioned. */
	private static void awaitAssignment(Runnable probe, AtomicInteger received) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (received.get() == 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The consumer did not receive a probe within 60 s");
			}
			probe.run();
			Thread.sleep(200);
		}
		Thread.sleep(500);
	}

	private static void awaitReceived(AtomicInteger received, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (received.get() < expected && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		if (received.get() < expected) {
			throw new IllegalStateException("Received " + received.get() + " of " + expected + " events");
		}
	}

	private static void parkUntil(long deadline) {
		long remaining;
		while ((remaining = deadline - System.nanoTime()) > 0) {
			LockSupport.parkNanos(remaining);
		}
	}

	private static long[] sorted(long[] latencies, int count) {
		long[] copy = Arrays.copyOf(latencies, Math.min(count, latencies.length));
		Arrays.sort(copy);
		return copy;
	}

	private static void print(String label, long[] sortedNanos) {
		System.out.printf("  %s p50 %6.2f ms | p90 %6.2f ms | p99 %6.2f ms | p99.9 %6.2f ms | max %7.2f ms (%,d events)%n",
				label, KafkaBench.percentile(sortedNanos, 50), KafkaBench.percentile(sortedNanos, 90),
				KafkaBench.percentile(sortedNanos, 99), KafkaBench.percentile(sortedNanos, 99.9),
				sortedNanos[sortedNanos.length - 1] / 1e6, sortedNanos.length);
	}

}
