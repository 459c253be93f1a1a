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
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureRecoverer;
import dev.openedx.eventbus.testing.ConsumerProcess;

/**
 * The consumer process that {@link KafkaConsumerCrashTests} and {@link KafkaFaultSuiteTests} kill with
 * {@code SIGKILL}: consumes a topic, {@linkplain ConsumerProcess#reportHandled reporting} each event once its
 * listener call returned, at about 1,000 events a second so the kill lands mid-stream. Failed messages are logged and
 * skipped, or dead-lettered to {@code <topic>-dlt} when a fifth argument {@value #DEAD_LETTER} is given.
 */
public final class CrashTestConsumer {

	/** The optional fifth argument that makes failed messages go to the dead-letter topic. */
	static final String DEAD_LETTER = "dead-letter";

	private CrashTestConsumer() {
	}

	public static void main(String[] args) throws Exception {
		String bootstrapServers = args[0];
		String registryUrl = args[1];
		String topic = args[2];
		String group = args[3];
		Pacer pacer = new Pacer(1_000_000);
		FailureRecoverer<KafkaInboundMessage> recoverer = (args.length > 4 && DEAD_LETTER.equals(args[4]))
				? KafkaDeadLetterRecoverer.create(RawKafka.producerConfig(bootstrapServers), group)
				: FailureRecoverer.logAndSkip();
		AvroEventCodec codec = new AvroEventCodec();
		KafkaMessageDecoder decoder = new KafkaMessageDecoder(TestEvents.CATALOG, codec,
				new SchemaRegistryClient(SchemaRegistrySettings.of(registryUrl)), TestEvents.ORIGIN);
		KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(clientConfig(bootstrapServers),
				ConsumerSettings.defaults("kafka", topic, group).withPollTimeout(Duration.ofMillis(100)),
				decoder, (event) -> {
					// About 1,000 events/s, so the kill lands mid-stream.
					pacer.await();
					ConsumerProcess.reportHandled(TestEvents.sequence(event));
				}, recoverer, ConsumerObserver.composite(List.of()));
		consumer.run();
	}

	/**
	 * Paces the listener at one event per interval on average, whatever the machine's load: it waits for the event's
	 * slot, and catches up (by at most 10 ms of slots) when it fell behind.
	 */
	private static final class Pacer {

		private static final long MAX_CATCH_UP_NANOS = 10_000_000;

		private final long intervalNanos;

		private long next = System.nanoTime();

		Pacer(long intervalNanos) {
			this.intervalNanos = intervalNanos;
		}

		void await() {
			long now = System.nanoTime();
			if (this.next - now > 0) {
				LockSupport.parkNanos(this.next - now);
			}
			else if (now - this.next > MAX_CATCH_UP_NANOS) {
				this.next = now - MAX_CATCH_UP_NANOS;
			}
			this.next += this.intervalNanos;
		}

	}

	/** Short session so the group notices a killed member within seconds (the broker's minimum is 6 s). */
	static Map<String, Object> clientConfig(String bootstrapServers) {
		Map<String, Object> config = RawKafka.consumerConfig(bootstrapServers);
		config.put("session.timeout.ms", 6000);
		config.put("heartbeat.interval.ms", 1000);
		return config;
	}

}
