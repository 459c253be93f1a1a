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

package dev.openedx.eventbus.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.WorkerDispatcher;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.observation.ObservingDispatchInterceptor;
import dev.openedx.eventbus.observation.TestTracing;
import dev.openedx.eventbus.redis.RedisTestSupport.RawEntry;
import dev.openedx.eventbus.redis.RedisWireVectorTests.Vector;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace context on the Redis wire: nothing changes without a tracer; with one, a {@code traceparent} field
 * follows the eight of the wire format, our decoder ignores it and the listener runs in the sender's trace. Python
 * consumers look their fields up by name and ignore any other ({@code RedisMessage.parse} and
 * {@code get_metadata_from_headers} in edx-event-bus-redis).
 */
class RedisTraceContextTests {

	private static final AvroEventCodec CODEC = new AvroEventCodec();

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	@LocalRedis
	private RedisTestSupport redis;

	@Test
	void everyVectorStaysByteForByteWhenSendsAreObservedWithoutATracer() throws Exception {
		for (Vector vector : Vector.all()) {
			String prefix = "untraced-" + UUID.randomUUID();
			this.redis.deleteOnClose(prefix + "-" + vector.topic());
			RawEntry entry = send(vector, prefix, TestTracing.withoutTracer());
			assertThat(entry.names()).containsExactlyElementsOf(vector.fieldNames());
			for (int i = 0; i < vector.fieldNames().size(); i++) {
				assertThat(entry.value(i)).as("%s %s", vector.file(), vector.fieldNames().get(i))
					.isEqualTo(vector.fieldValues().get(i));
			}
		}
	}

	@Test
	void withATracerATraceparentFieldFollowsTheEightAndTheListenerRunsInTheSendersTrace() throws Exception {
		Vector vector = Vector.all().get(0);
		String prefix = "traced-" + UUID.randomUUID();
		String stream = prefix + "-" + vector.topic();
		this.redis.deleteOnClose(stream);
		try (TestTracing tracing = new TestTracing()) {
			Observation parent = Observation.start("request", tracing.registry());
			String traceId;
			RawEntry entry;
			try (Observation.Scope scope = parent.openScope()) {
				traceId = tracing.tracer().currentSpan().context().traceId();
				entry = send(vector, prefix, tracing.registry());
			}
			finally {
				parent.stop();
			}
			List<String> names = entry.names();
			assertThat(names.subList(0, 8)).containsExactlyElementsOf(vector.fieldNames());
			assertThat(names.subList(8, names.size())).containsExactly("traceparent");
			for (int i = 0; i < vector.fieldNames().size(); i++) {
				assertThat(entry.value(i)).isEqualTo(vector.fieldValues().get(i));
			}
			assertThat(entry.text("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");

			List<OpenEdxEvent<?>> received = new CopyOnWriteArrayList<>();
			List<String> traceIds = new CopyOnWriteArrayList<>();
			RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory,
					RedisConsumerSettings.of(stream, "traced").withConsumerName("c1"), OpenEdxCatalog.catalog(), CODEC,
					EventOrigin.forService("trace-tests"), WorkerDispatcher.of((event) -> {
						traceIds.add(tracing.tracer().currentSpan().context().traceId());
						received.add(event);
					}).interceptedBy(List.of(new ObservingDispatchInterceptor(tracing.registry(), null))),
					new ConsumerObserver() {
					});
			consumer.start();
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
			}
			finally {
				consumer.stop(Duration.ofSeconds(10));
			}
			assertThat(traceIds).containsExactly(traceId);
			assertThat(received.get(0).metadata()).isEqualTo(vector.event().metadata());
			assertThat(received.get(0).data()).isEqualTo(vector.event().data());
		}
	}

	private RawEntry send(Vector vector, String prefix, io.micrometer.observation.ObservationRegistry observations)
			throws Exception {
		RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, CODEC,
				RedisProducerSettings.defaults().withStreamMaxLength(vector.maxLength()));
		producer.setObservationRegistry(observations);
		producer.send(prefix + "-" + vector.topic(), vector.eventKeyField(), vector.event()).get(10, TimeUnit.SECONDS);
		List<RawEntry> entries = this.redis.rawXrange(prefix + "-" + vector.topic());
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

}
