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

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.outbox.JdbcOutbox;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.OutboxRelaySettings;
import dev.openedx.eventbus.outbox.TransactionalOutbox;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.redis.RedisTestSupport.RawEntry;
import dev.openedx.eventbus.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox changes nothing on the wire: each vector's event, stored in the outbox in a transaction on the
 * machine's PostgreSQL and sent by the relay, is on the stream byte for byte as the same event sent directly, and as
 * the Python producer wrote it.
 */
class RedisOutboxVectorTests {

	private static final AvroEventCodec CODEC = new AvroEventCodec();

	private static LettuceConnectionFactory connectionFactory;

	private static TestDatabase database;

	@BeforeAll
	static void connect() {
		connectionFactory = RedisTestSupport.connectionFactory(RedisTestSupport.sharedPort());
		database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
		database.close();
	}

	static List<RedisWireVectorTests.Vector> vectors() {
		return RedisWireVectorTests.Vector.all();
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void anEventSentThroughTheOutboxIsOnTheStreamByteForByteAsWhenSentDirectly(RedisWireVectorTests.Vector vector)
			throws Exception {
		try (RedisTestSupport redis = new RedisTestSupport()) {
			String prefix = "outbox-vector-" + UUID.randomUUID();
			String direct = prefix + "-direct-" + vector.topic();
			String relayed = prefix + "-relayed-" + vector.topic();
			redis.deleteOnClose(direct);
			redis.deleteOnClose(relayed);
			RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, CODEC,
					RedisProducerSettings.defaults().withStreamMaxLength(vector.maxLength()));
			OpenEdxEvent<?> event = vector.event();
			producer.send(direct, vector.eventKeyField(), event).get(10, TimeUnit.SECONDS);

			JdbcOutbox table = new JdbcOutbox(database.dataSource(), Clock.systemUTC());
			EventRoute route = new EventRoute(event.type(), relayed, relayed, vector.eventKeyField(), true);
			new TransactionTemplate(new JdbcTransactionManager(database.dataSource())).executeWithoutResult(
					(status) -> new TransactionalOutbox(table, CODEC, () -> {
					}, false).store(vector.event(), List.of(route)));
			OutboxRelay relay = new OutboxRelay(table, producer, OpenEdxCatalog.catalog(), CODEC,
					new EventRoutes(List.of(route)), List.of(), OutboxRelaySettings.defaults());
			assertThat(relay.relayOnce()).isEqualTo(1);

			RawEntry sentDirectly = redis.rawXrange(direct).get(0);
			List<RawEntry> entries = redis.rawXrange(relayed);
			assertThat(entries).hasSize(1);
			RawEntry sentThroughOutbox = entries.get(0);
			assertThat(sentThroughOutbox.names()).containsExactlyElementsOf(vector.fieldNames())
				.containsExactlyElementsOf(sentDirectly.names());
			for (int i = 0; i < vector.fieldNames().size(); i++) {
				assertThat(sentThroughOutbox.value(i)).as("field %s", vector.fieldNames().get(i))
					.isEqualTo(vector.fieldValues().get(i))
					.isEqualTo(sentDirectly.value(i));
			}
		}
	}

}
