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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.outbox.JdbcOutbox;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.OutboxRelaySettings;
import dev.openedx.eventbus.outbox.TransactionalOutbox;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.testing.TestDatabase;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox changes nothing on the wire: each vector's event, sent once directly and once stored in the outbox in a
 * transaction on the machine's PostgreSQL and sent by the relay (each time with a fresh registry, as a new process
 * would), is on the topic with the key, value and headers of the vector, byte for byte.
 */
class KafkaOutboxVectorTests {

	private static final AvroEventCodec CODEC = new AvroEventCodec();

	@Test
	void everyVectorSentThroughTheOutboxIsOnTheBrokerByteForByteAsWhenSentDirectly() throws Exception {
		EventCatalog catalog = OpenEdxCatalog.catalog();
		EventJson json = new EventJson(catalog);
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(3);
				TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
			JdbcOutbox table = new JdbcOutbox(database.dataSource(), Clock.systemUTC());
			TransactionTemplate transactions = new TransactionTemplate(
					new JdbcTransactionManager(database.dataSource()));
			for (KafkaVector vector : KafkaVector.all()) {
				EventType<?> type = catalog.get(vector.eventType());
				broker.createTopics(vector.topic());
				OpenEdxEvent<?> event = event(type, json.dataFromJson(type, vector.dataJson()), vector);
				try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
						KafkaEventBusProducer producer = producer(broker, registry)) {
					producer.send(vector.topic(), vector.eventKeyField(), event).get(30, TimeUnit.SECONDS);
				}
				EventRoute route = new EventRoute(type, vector.topic(), vector.topic(), vector.eventKeyField(), true);
				transactions.executeWithoutResult((status) -> new TransactionalOutbox(table, CODEC, () -> {
				}, false).store(event, List.of(route)));
				try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
						KafkaEventBusProducer producer = producer(broker, registry)) {
					OutboxRelay relay = new OutboxRelay(table, producer, catalog, CODEC,
							new EventRoutes(List.of(route)), List.of(), OutboxRelaySettings.defaults());
					assertThat(relay.relayOnce()).isEqualTo(1);
				}

				List<ConsumerRecord<byte[], byte[]>> records = RawKafka.readAll(broker.bootstrapServers(),
						vector.topic(), 2);
				assertThat(records).as(vector.file()).hasSize(2);
				ConsumerRecord<byte[], byte[]> direct = records.get(0);
				ConsumerRecord<byte[], byte[]> relayed = records.get(1);
				assertThat(relayed.key()).as(vector.file() + " key").containsExactly(vector.keyBytes())
					.containsExactly(direct.key());
				assertThat(relayed.value()).as(vector.file() + " value").containsExactly(vector.valueBytes())
					.containsExactly(direct.value());
				assertThat(relayed.partition()).isEqualTo(direct.partition());
				List<String> names = new ArrayList<>();
				for (Header header : relayed.headers()) {
					names.add(header.key());
					assertThat(header.value()).as(vector.file() + " header " + header.key())
						.containsExactly(vector.headers().get(header.key()))
						.containsExactly(direct.headers().lastHeader(header.key()).value());
				}
				assertThat(names).containsExactlyElementsOf(vector.headers().keySet());
			}
		}
	}

	private static KafkaEventBusProducer producer(EmbeddedKafkaBroker broker, InMemorySchemaRegistry registry) {
		return KafkaEventBusProducer.create(RawKafka.producerConfig(broker.bootstrapServers()),
				new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), CODEC);
	}

	@SuppressWarnings("unchecked")
	private static <D> OpenEdxEvent<D> event(EventType<D> type, Object data, KafkaVector vector) {
		return OpenEdxEvent.of(type, (D) data, vector.metadata());
	}

}
