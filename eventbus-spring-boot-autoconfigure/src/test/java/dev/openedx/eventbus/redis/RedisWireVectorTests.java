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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.redis.RedisTestSupport.RawEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holds both directions against the byte-exact vectors of {@code shared/spec/vectors}, which the real
 * edx-event-bus-redis produced: what the producer writes, field names, order and bytes; and what the consumer makes
 * of the entry a Python producer writes.
 */
class RedisWireVectorTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final EventCatalog CATALOG = OpenEdxCatalog.catalog();

	private static final AvroEventCodec CODEC = new AvroEventCodec();

	private static final EventJson EVENT_JSON = new EventJson(CATALOG, CODEC);

	private static LettuceConnectionFactory connectionFactory;

	private RedisTestSupport redis;

	@BeforeAll
	static void connect() {
		connectionFactory = RedisTestSupport.connectionFactory(RedisTestSupport.sharedPort());
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@BeforeEach
	void setUp() {
		this.redis = new RedisTestSupport();
	}

	@AfterEach
	void tearDown() {
		this.redis.close();
	}

	static List<Vector> vectors() {
		return Vector.all();
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void theProducerWritesTheFieldsOfTheVectorByteForByte(Vector vector) throws Exception {
		String prefix = "vector-" + UUID.randomUUID();
		String stream = prefix + "-" + vector.topic();
		this.redis.deleteOnClose(stream);
		RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, CODEC,
				RedisProducerSettings.defaults().withStreamMaxLength(vector.maxLength()));

		producer.send(stream, vector.eventKeyField(), vector.event()).get(10, TimeUnit.SECONDS);

		List<RawEntry> entries = this.redis.rawXrange(stream);
		assertThat(entries).hasSize(1);
		RawEntry entry = entries.get(0);
		assertThat(entry.names()).containsExactlyElementsOf(vector.fieldNames());
		for (int i = 0; i < vector.fieldNames().size(); i++) {
			assertThat(entry.value(i)).as("field %s", vector.fieldNames().get(i)).isEqualTo(vector.fieldValues().get(i));
		}
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void theConsumerDispatchesTheEventAPythonProducerWrote(Vector vector) {
		String stream = this.redis.uniqueStream("vector");
		List<Object> fields = new ArrayList<>();
		for (int i = 0; i < vector.fieldNames().size(); i++) {
			fields.add(RedisTestSupport.bytes(vector.fieldNames().get(i)));
			fields.add(vector.fieldValues().get(i));
		}
		this.redis.raw().xadd(RedisTestSupport.bytes(stream), fields.toArray());
		List<OpenEdxEvent<?>> received = new CopyOnWriteArrayList<>();
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory,
				RedisConsumerSettings.of(stream, "vector-group").withConsumerName("c1"), CATALOG, CODEC,
				EventOrigin.forService("vector-tests"), received::add, new ConsumerObserver() {
				});
		consumer.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
		}
		finally {
			consumer.stop(Duration.ofSeconds(10));
		}

		OpenEdxEvent<?> event = received.get(0);
		OpenEdxEvent<?> expected = vector.event();
		assertThat(event.fromEventBus()).isTrue();
		assertThat(event.type()).isEqualTo(expected.type());
		assertThat(event.metadata()).isEqualTo(expected.metadata());
		assertThat(event.data()).isEqualTo(expected.data());
	}

	/** One vector file: the event as JSON and the Redis fields the Python libraries wrote for it. */
	record Vector(String file, String topic, String eventKeyField, long maxLength, JsonNode metadata, JsonNode data,
			List<String> fieldNames, List<byte[]> fieldValues) {

		static List<Vector> all() {
			String shared = System.getProperty("eventbus.shared.dir", "../../shared");
			try (Stream<Path> files = Files.list(Path.of(shared, "spec", "vectors"))) {
				List<Vector> vectors = files.filter((file) -> file.toString().endsWith(".json"))
					.sorted()
					.map(Vector::read)
					.toList();
				assertThat(vectors).as("vectors in %s", shared).hasSize(3);
				return vectors;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static Vector read(Path file) {
			try {
				JsonNode root = JSON.readTree(file.toFile());
				JsonNode redis = root.get("redis");
				List<String> names = new ArrayList<>();
				List<byte[]> values = new ArrayList<>();
				for (JsonNode field : redis.get("fields")) {
					names.add(field.get("name").textValue());
					values.add(HexFormat.of().parseHex(field.get("hex").textValue()));
				}
				return new Vector(file.getFileName().toString(), redis.get("stream").textValue(),
						root.get("event_key_field").textValue(), redis.get("xadd").get("maxlen").longValue(),
						root.get("metadata"), root.get("data"), names, values);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		OpenEdxEvent<?> event() {
			EventsMetadata eventMetadata = EVENT_JSON.metadataFromJson(this.metadata.toString());
			return event(CATALOG.get(eventMetadata.eventType()), eventMetadata);
		}

		private <D> OpenEdxEvent<D> event(EventType<D> type, EventsMetadata eventMetadata) {
			return OpenEdxEvent.of(type, EVENT_JSON.dataFromJson(type, this.data.toString()), eventMetadata);
		}

		@Override
		public String toString() {
			return this.file;
		}

	}

}
