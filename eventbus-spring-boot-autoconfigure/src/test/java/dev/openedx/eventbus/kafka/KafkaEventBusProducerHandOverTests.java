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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The producer never blocks its caller: schemas and metadata are waited for on the topic's hand-over thread within
 * max-block, a failing registry is not asked again on every send, and the schemas of the configured routes are
 * checked and registered before the first send.
 */
class KafkaEventBusProducerHandOverTests {

	private static final AvroEventCodec codec = new AvroEventCodec();

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = EmbeddedKafkaBroker.start(1);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void sendReturnsAtOnceWhileTheRegistryHangsAndFailsOnceMaxBlockHasPassed() throws Exception {
		try (ServerSocket silent = new ServerSocket(0)) {
			List<Socket> accepted = new ArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				}
				catch (IOException ex) {
					// Closed at the end of the test.
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			SchemaRegistryClient hanging = new SchemaRegistryClient(SchemaRegistrySettings
				.of("http://127.0.0.1:" + silent.getLocalPort())
				.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
				.withRetries(1, Duration.ofMillis(10)));
			try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
					RawKafka.producerConfig(broker.bootstrapServers()), hanging, codec, Duration.ofMillis(500))) {
				OpenEdxEvent<?> event = TestEvents.event(0, 1);

				CompletableFuture<SendReceipt> send = producer.send("hanging-registry", TestEvents.keyField(event),
						event);

				assertThat(send).as("the caller did not wait for the registry").isNotDone();
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> send.get(10, TimeUnit.SECONDS))
					.havingCause()
					.isInstanceOf(KafkaSendException.class)
					.withMessageContaining("within PT0.5S (eventbus.producer.max-block)")
					.withMessageContaining("waiting for the schema registry")
					.withMessageContaining(event.metadata().id().toString());
			}
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

	@Test
	void aRegistryFailureIsRememberedAndNotRetriedOnEverySend() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		failing.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			byte[] body = "{\"error_code\":50001,\"message\":\"store unavailable\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(500, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		failing.start();
		try {
			SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistrySettings
				.of("http://127.0.0.1:" + failing.getAddress().getPort())
				.withRetries(1, Duration.ofMillis(10)));
			try (KafkaEventBusProducer producer = KafkaEventBusProducer.create(
					RawKafka.producerConfig(broker.bootstrapServers()), registry, codec)) {
				OpenEdxEvent<?> first = TestEvents.event(0, 1);
				OpenEdxEvent<?> second = TestEvents.event(3, 1);
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> producer.send("failing-registry", TestEvents.keyField(first), first)
						.get(10, TimeUnit.SECONDS))
					.withMessageContaining("store unavailable");
				int asked = requests.get();

				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> producer.send("failing-registry", TestEvents.keyField(second), second)
						.get(10, TimeUnit.SECONDS))
					.withMessageContaining("not retried before")
					.withMessageContaining("store unavailable");
				assertThat(requests).as("the registry was not asked again").hasValue(asked);
			}
		}
		finally {
			failing.stop(0);
		}
	}

	@Test
	void prepareRegistersTheSchemasOfTheRoutesBeforeTheFirstSend() throws Exception {
		broker.createTopics("prepared");
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = KafkaEventBusProducer.create(
						RawKafka.producerConfig(broker.bootstrapServers()),
						new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), codec)) {
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			producer.prepare(List.of(new KafkaEventBusProducer.RouteSpec("prepared", TestEvents.keyField(event),
					event.type())));
			assertThat(registry.subjects()).containsExactlyInAnyOrder("prepared-string",
					"prepared-" + codec.schema(event.type()).getFullName());
			int requests = registry.requests().size();

			producer.send("prepared", TestEvents.keyField(event), event).get(30, TimeUnit.SECONDS);

			assertThat(registry.requests()).as("the first send did not ask the registry").hasSize(requests);
		}
	}

	@Test
	void prepareFailsWithTheDifferencesWhenTheRegistryHoldsAnIncompatibleSchema() throws Exception {
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
				KafkaEventBusProducer producer = KafkaEventBusProducer.create(
						RawKafka.producerConfig(broker.bootstrapServers()),
						new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())), codec)) {
			OpenEdxEvent<?> event = TestEvents.event(0, 1);
			Schema ours = codec.schema(event.type());
			String subject = "incompatible-" + ours.getFullName();
			Schema theirs = new Schema.Parser().parse(ours.toString().replace("\"long\"", "\"string\""));
			new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())).register(subject, theirs);

			assertThatExceptionOfType(IncompatibleSchemaException.class)
				.isThrownBy(() -> producer.prepare(List.of(new KafkaEventBusProducer.RouteSpec("incompatible",
						TestEvents.keyField(event), event.type()))))
				.withMessageContaining("subject '" + subject + "' (version 1")
				.withMessageContaining("compatibility level BACKWARD")
				.withMessageContaining(event.type().type())
				.satisfies((ex) -> assertThat(ex.differences()).singleElement()
					.asString()
					.contains("sequence")
					.contains("type mismatch"));
		}
	}

}
