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

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureRecoverer;

/**
 * The consumer process that {@link KafkaConsumerCrashTests} kills with {@code SIGKILL}: consumes a topic, printing
 * {@code HANDLED <sequence>} once each listener call returned, a little slowly so the kill lands mid-stream.
 */
public final class CrashTestConsumer {

	static final String HANDLED = "HANDLED ";

	private CrashTestConsumer() {
	}

	public static void main(String[] args) throws Exception {
		String bootstrapServers = args[0];
		String registryUrl = args[1];
		String topic = args[2];
		String group = args[3];
		PrintStream out = System.out;
		AvroEventCodec codec = new AvroEventCodec();
		KafkaMessageDecoder decoder = new KafkaMessageDecoder(TestEvents.CATALOG, codec,
				new SchemaRegistryClient(SchemaRegistrySettings.of(registryUrl)), TestEvents.ORIGIN);
		KafkaEventBusConsumer consumer = KafkaEventBusConsumer.create(clientConfig(bootstrapServers),
				ConsumerSettings.defaults("kafka", topic, group).withPollTimeout(Duration.ofMillis(100)),
				decoder, (event) -> {
					// A little work per event, so the kill lands mid-stream rather than after the last event.
					LockSupport.parkNanos(200_000);
					synchronized (out) {
						out.println(HANDLED + TestEvents.sequence(event));
						out.flush();
					}
				}, FailureRecoverer.logAndSkip(), ConsumerObserver.composite(List.of()));
		consumer.run();
	}

	/** Short session so the group notices a killed member within seconds (the broker's minimum is 6 s). */
	static Map<String, Object> clientConfig(String bootstrapServers) {
		Map<String, Object> config = RawKafka.consumerConfig(bootstrapServers);
		config.put("session.timeout.ms", 6000);
		config.put("heartbeat.interval.ms", 1000);
		return config;
	}

}
