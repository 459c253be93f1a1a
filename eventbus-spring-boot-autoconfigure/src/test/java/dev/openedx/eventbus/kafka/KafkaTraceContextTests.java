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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.observation.TestTracing;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace context on the Kafka wire: nothing changes without a tracer, a {@code traceparent} header follows the ten
 * of the wire format with one, and our decoder reads a message with it exactly as one without it (Python consumers
 * only ever look up their own headers by name: {@code _get_metadata_from_headers} in
 * {@code edx_event_bus_kafka/internal/utils.py}).
 */
class KafkaTraceContextTests {

	private static final AvroEventCodec codec = new AvroEventCodec();

	private static final EventCatalog catalog = OpenEdxCatalog.catalog();

	@KafkaBroker
	private static EmbeddedKafkaBroker broker;

	@Test
	void everyVectorStaysByteForByteWhenSendsAreObservedWithoutATracer() throws Exception {
		for (KafkaVector vector : KafkaVector.all()) {
			String topic = "untraced-" + vector.topic();
			ConsumerRecord<byte[], byte[]> record = sendAndRead(vector, topic, TestTracing.withoutTracer(), null);
			assertThat(record.key()).as(vector.file()).containsExactly(vector.keyBytes());
			assertThat(record.value()).as(vector.file()).containsExactly(vector.valueBytes());
			assertThat(names(record)).as(vector.file()).containsExactlyElementsOf(vector.headers().keySet());
			for (Header header : record.headers()) {
				assertThat(header.value()).as(vector.file() + " " + header.key())
					.containsExactly(vector.headers().get(header.key()));
			}
		}
	}

	@Test
	void withATracerATraceparentHeaderFollowsTheTenAndTheDecoderIgnoresIt() throws Exception {
		KafkaVector vector = KafkaVector.all().get(0);
		try (TestTracing tracing = new TestTracing(); InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			Observation parent = Observation.start("request", tracing.registry());
			String traceId;
			ConsumerRecord<byte[], byte[]> record;
			try (Observation.Scope scope = parent.openScope()) {
				traceId = tracing.tracer().currentSpan().context().traceId();
				record = sendAndRead(vector, "traced-" + vector.topic(), tracing.registry(), registry);
			}
			finally {
				parent.stop();
			}
			List<String> names = names(record);
			assertThat(names.subList(0, 10)).containsExactlyElementsOf(vector.headers().keySet());
			assertThat(names.subList(10, names.size())).containsExactly("traceparent");
			String traceparent = new String(record.headers().lastHeader("traceparent").value());
			assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
			assertThat(record.key()).containsExactly(vector.keyBytes());
			assertThat(record.value()).containsExactly(vector.valueBytes());

			KafkaMessageDecoder decoder = new KafkaMessageDecoder(catalog, codec,
					new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), TestEvents.ORIGIN);
			RecordHeaders withoutTrace = new RecordHeaders();
			record.headers().forEach((header) -> {
				if (!header.key().equals("traceparent")) {
					withoutTrace.add(header);
				}
			});
			ConsumerRecord<byte[], byte[]> untraced = new ConsumerRecord<>(record.topic(), record.partition(),
					record.offset(), record.timestamp(), record.timestampType(), record.serializedKeySize(),
					record.serializedValueSize(), record.key(), record.value(), withoutTrace, record.leaderEpoch());
			OpenEdxEvent<?> traced = decoder.decode(new KafkaInboundMessage(record));
			OpenEdxEvent<?> plain = decoder.decode(new KafkaInboundMessage(untraced));
			assertThat(traced.data()).isEqualTo(plain.data());
			assertThat(traced.metadata()).isEqualTo(plain.metadata()).isEqualTo(vector.metadata());
			assertThat(new KafkaInboundMessage(record).header("traceparent")).isEqualTo(traceparent);
		}
	}

	private static ConsumerRecord<byte[], byte[]> sendAndRead(KafkaVector vector, String topic,
			ObservationRegistry observations, InMemorySchemaRegistry sharedRegistry) throws Exception {
		EventJson json = new EventJson(catalog);
		EventType<?> type = catalog.get(vector.eventType());
		OpenEdxEvent<?> event = event(type, json.dataFromJson(type, vector.dataJson()), vector);
		broker.createTopics(topic);
		InMemorySchemaRegistry registry = (sharedRegistry != null) ? sharedRegistry : new InMemorySchemaRegistry();
		try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
				RawKafka.producerConfig(broker.bootstrapServers()),
				new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), codec)) {
			producer.setObservationRegistry(observations);
			producer.send(topic, vector.eventKeyField(), event).get(30, TimeUnit.SECONDS);
		}
		finally {
			if (sharedRegistry == null) {
				registry.close();
			}
		}
		List<ConsumerRecord<byte[], byte[]>> records = RawKafka.readAll(broker.bootstrapServers(), topic, 1);
		assertThat(records).hasSize(1);
		return records.get(0);
	}

	private static List<String> names(ConsumerRecord<byte[], byte[]> record) {
		List<String> names = new ArrayList<>();
		record.headers().forEach((header) -> names.add(header.key()));
		return names;
	}

	@SuppressWarnings("unchecked")
	private static <D> OpenEdxEvent<D> event(EventType<D> type, Object data, KafkaVector vector) {
		return OpenEdxEvent.of(type, (D) data, vector.metadata());
	}

}
