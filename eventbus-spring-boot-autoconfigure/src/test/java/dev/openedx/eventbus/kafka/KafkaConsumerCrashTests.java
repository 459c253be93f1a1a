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

package dev.openedx.eventbus.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testing.ConsumerProcess;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer process killed without any chance to close or commit, then replaced: nothing is lost, and since the
 * handled prefix of each partition is committed as it grows (every 50 ms or 100 records), the successor handles at
 * most {@value #MAX_HANDLED_AGAIN} events again at about 1,000 events a second.
 */
class KafkaConsumerCrashTests {

	private static final int EVENTS = 10_000;

	private static final String TOPIC = "crash";

	private static final String GROUP = "crash-group";

	private static final int KILL_AFTER = 3_200;

	private static final int MAX_HANDLED_AGAIN = 100;

	@Test
	void consumerKilledMidStreamLosesNothingAndItsSuccessorResumesFromTheCommittedOffsets() throws Exception {
		AvroEventCodec codec = new AvroEventCodec();
		long started = System.nanoTime();
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3, TOPIC);
				InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			SchemaRegistryClient registryClient = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()));
			try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
					RawKafka.producerConfig(broker.bootstrapServers()), registryClient, codec)) {
				List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
				for (long i = 0; i < EVENTS; i++) {
					OpenEdxEvent<?> event = TestEvents.event(i, 30);
					sends.add(producer.send(TOPIC, TestEvents.keyField(event), event));
				}
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			}

			long produced = System.nanoTime();
			Map<Long, Integer> handledByVictim;
			int killedAfter;
			long killed;
			double rate;
			try (ConsumerProcess victim = ConsumerProcess.start(CrashTestConsumer.class, broker.bootstrapServers(),
					registry.url(), TOPIC, GROUP)) {
				// About 3,000, but inside a poll batch (500 records), so that handled records are not committed yet.
				victim.awaitReports(1, Duration.ofSeconds(90));
				long firstHandled = System.nanoTime();
				victim.awaitReports(KILL_AFTER, Duration.ofSeconds(90));
				killed = System.nanoTime();
				rate = victim.reports() / ((killed - firstHandled) / 1e9);
				victim.kill();
				handledByVictim = victim.handled();
				killedAfter = victim.reports();
			}
			Map<Integer, Long> committedAtCrash = RawKafka.committed(broker.bootstrapServers(), GROUP, TOPIC);

			Map<Long, Integer> handledBySuccessor = new ConcurrentHashMap<>();
			KafkaEventBusConsumer successor = KafkaEventBusConsumer.create(
					CrashTestConsumer.clientConfig(broker.bootstrapServers()),
					ConsumerSettings.defaults("kafka", TOPIC, GROUP).withPollTimeout(Duration.ofMillis(100)),
					new KafkaMessageDecoder(TestEvents.CATALOG, codec, registryClient, TestEvents.ORIGIN),
					(event) -> handledBySuccessor.merge(TestEvents.sequence(event), 1, Integer::sum),
					FailureRecoverer.logAndSkip(), ConsumerObserver.composite(List.of()));
			successor.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (!allHandled(handledByVictim, handledBySuccessor) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			successor.stop(Duration.ofSeconds(30));
			long finished = System.nanoTime();

			Set<Long> missing = new HashSet<>();
			int twice = 0;
			for (long i = 0; i < EVENTS; i++) {
				int times = handledByVictim.getOrDefault(i, 0) + handledBySuccessor.getOrDefault(i, 0);
				if (times == 0) {
					missing.add(i);
				}
				else if (times > 1) {
					twice++;
				}
			}
			long committedCount = committedAtCrash.values().stream().mapToLong(Long::longValue).sum();
			System.out.println("Crash test: victim handled " + killedAfter + " events before SIGKILL, had committed "
					+ committedCount + " offsets; successor handled " + handledBySuccessor.size() + "; handled twice: "
					+ twice + "; lost: " + missing.size()
					+ String.format(" (victim rate about %.0f events/s; seconds: broker and 10,000 sends %.1f, "
							+ "victim %.1f, successor %.1f)", rate, (produced - started) / 1e9,
							(killed - produced) / 1e9, (finished - killed) / 1e9));
			assertThat(missing).as("events never handled").isEmpty();
			assertThat(twice).as("events the successor handled again").isLessThanOrEqualTo(MAX_HANDLED_AGAIN);
			assertThat(handledByVictim.size() + handledBySuccessor.size() - twice).isEqualTo(EVENTS);
			assertThat(handledByVictim.values()).allMatch((times) -> times == 1);
			assertThat(handledBySuccessor.values()).allMatch((times) -> times == 1);
			assertThat(killedAfter).isBetween(KILL_AFTER, EVENTS - 1);
			assertThat(committedCount).as("the victim committed as it went").isPositive();
			assertThat(handledBySuccessor.size()).as("the successor resumed from the committed offsets")
				.isLessThan(EVENTS - 1_000);
		}
	}

	private static boolean allHandled(Map<Long, Integer> first, Map<Long, Integer> second) {
		for (long i = 0; i < EVENTS; i++) {
			if (!first.containsKey(i) && !second.containsKey(i)) {
				return false;
			}
		}
		return true;
	}

}
