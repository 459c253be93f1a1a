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

package dev.openedx.eventbus.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventMetadataStamper;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.SendScheduler;
import dev.openedx.eventbus.redis.RedisEventBusProducer;
import dev.openedx.eventbus.redis.RedisProducerSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outbox tests share: a test event type, a publisher storing into the outbox of a scratch database, a
 * relay sending to a real redis-server, and a reader of the stream that bypasses the code under test.
 */
final class OutboxFixture implements AutoCloseable {

	/** Test data: a key (the stream has none, Kafka routes by it) and a sequence number. */
	record Change(String key, long sequence) {
	}

	static final EventType<Change> CHANGED = EventType.of("org.openedx.test.outbox.changed.v1", "change",
			Change.class);

	static final EventCatalog CATALOG = EventCatalog.of(List.of(CHANGED));

	static final AvroEventCodec CODEC = new AvroEventCodec();

	final DataSource dataSource;

	final String stream = "outbox-test-" + UUID.randomUUID();

	final EventRoutes routes;

	final JdbcOutbox outbox;

	final LettuceConnectionFactory connectionFactory;

	final EventBusProducer producer;

	final TransactionTemplate transactions;

	private final List<OutboxRelay> relays = new ArrayList<>();

	OutboxFixture(DataSource dataSource, int redisPort) {
		this.dataSource = dataSource;
		this.routes = new EventRoutes(List.of(new EventRoute(CHANGED, this.stream, this.stream, "change.key", true)));
		this.outbox = new JdbcOutbox(dataSource, Clock.systemUTC());
		this.connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1",
				redisPort));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.producer = new RedisEventBusProducer(this.connectionFactory, CODEC, RedisProducerSettings.defaults());
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	static OutboxRelaySettings fastSettings() {
		return new OutboxRelaySettings(100, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(50),
				Duration.ofMillis(400), Duration.ofDays(1), Duration.ZERO, Duration.ofMillis(200),
				Duration.ofMinutes(5));
	}

	OutboxRelay relay(OutboxRelaySettings settings) {
		return relay(this.dataSource, settings);
	}

	OutboxRelay relay(DataSource source, OutboxRelaySettings settings) {
		OutboxRelay relay = new OutboxRelay(new JdbcOutbox(source, Clock.systemUTC()), this.producer, CATALOG, CODEC,
				this.routes, List.of(), settings);
		this.relays.add(relay);
		return relay;
	}

	EventBusPublisher publisher(@Nullable OutboxRelay relay, boolean storeOutsideTransactions) {
		Runnable wakeUp = (relay != null) ? relay::wakeUp : () -> {
		};
		return new EventBusPublisher(this.routes, this.producer, new EventMetadataStamper(EventOrigin.local()),
				List.of(), SendScheduler.IMMEDIATE,
				new TransactionalOutbox(this.outbox, CODEC, wakeUp, storeOutsideTransactions));
	}

	static OpenEdxEvent<Change> change(String key, long sequence) {
		return CHANGED.event(new Change(key, sequence));
	}

	/** Publish in one transaction; the callback may mark it for rollback. */
	List<CompletableFuture<List<SendReceipt>>> inTransaction(EventBusPublisher publisher, List<OpenEdxEvent<?>> events,
			Consumer<TransactionStatus> before) {
		List<CompletableFuture<List<SendReceipt>>> results = new ArrayList<>();
		this.transactions.executeWithoutResult((status) -> {
			for (OpenEdxEvent<?> event : events) {
				results.add(publisher.publish(event));
			}
			before.accept(status);
		});
		return results;
	}

	/** The stream's entries as Redis holds them, read with a connection of the test's own, in stream order. */
	List<Entry> entries() {
		List<Entry> entries = new ArrayList<>();
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			List<ByteRecord> records = connection.streamCommands()
				.xRange(this.stream.getBytes(StandardCharsets.UTF_8), Range.unbounded());
			if (records == null) {
				return entries;
			}
			for (ByteRecord record : records) {
				Map<String, byte[]> fields = new LinkedHashMap<>();
				record.getValue().forEach((name, value) -> fields.put(new String(name, StandardCharsets.UTF_8), value));
				entries.add(new Entry(new String(fields.get("id"), StandardCharsets.UTF_8),
						CODEC.decode(CHANGED, fields.get("event_data")).sequence(), fields));
			}
		}
		return entries;
	}

	/** The sequence numbers on the stream, in stream order. */
	List<Long> sequences() {
		return entries().stream().map(Entry::sequence).toList();
	}

	/**
	 * One stream entry.
	 *
	 * @param eventId its id field
	 * @param sequence the sequence of its data
	 * @param fields every field, in order
	 */
	record Entry(String eventId, long sequence, Map<String, byte[]> fields) {
	}

	long rows(String status) {
		Long count = new JdbcTemplate(this.dataSource)
			.queryForObject("SELECT COUNT(*) FROM eventbus_outbox WHERE status = ?", Long.class, status);
		return (count != null) ? count : 0;
	}

	@Override
	public void close() {
		this.relays.forEach(OutboxRelay::stop);
		try {
			new StringRedisTemplate(this.connectionFactory).delete(this.stream);
		}
		catch (RuntimeException ex) {
			// The server of an outage test may be down already.
		}
		this.connectionFactory.destroy();
	}

}
