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

package dev.openedx.eventbus.autoconfigure.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.BookListener;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.BAD_ISBN;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.counter;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.details;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.endpointJson;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.gauge;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics, health and the endpoint of an application on Kafka, against an in-process KRaft broker and a registry that
 * requires credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventBusKafkaObservabilityIntegrationTests {

	private static final String REGISTRY_SECRET = "Registry-S3cret-5e1f";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@KafkaBroker
	private static EmbeddedKafkaBroker broker;

	@SchemaRegistry(username = "registry-user", password = REGISTRY_SECRET)
	private static InMemorySchemaRegistry registry;

	private ApplicationContextRunner service(String topic, String group) {
		return ObservabilityContexts
			.withActuator(new ApplicationContextRunner().withConfiguration(
					AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class)))
			.withPropertyValues("spring.application.name=library",
					"spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"eventbus.kafka.schema-registry.url=" + registry.url(),
					"eventbus.kafka.schema-registry.api-key=registry-user",
					"eventbus.kafka.schema-registry.api-secret=" + REGISTRY_SECRET)
			.withPropertyValues(ObservabilityContexts.worker(topic, group));
	}

	@Test
	void metersCountEachOutcomeAndFailureKindAndLagGrowsWhileTheWorkerIsStopped() {
		String topic = "obs-meters-" + UUID.randomUUID();
		String group = "library-" + UUID.randomUUID();
		service(topic, group).run((context) -> {
			assertThat(context).hasNotFailed();
			for (String isbn : List.of("isbn-1", "isbn-2", BAD_ISBN, "isbn-3")) {
				publish(context, isbn);
			}
			sendRaw(topic, Map.of("ce_type", TestEvents.BOOK_LOANED_TYPE, "ce_id", UUID.randomUUID().toString()),
					"not an avro frame");
			sendRaw(topic, Map.of("ce_type", "org.acme.unheard.of.v1", "ce_id", UUID.randomUUID().toString()), "x");
			sendRaw(topic, Map.of(), "no headers at all");
			EventBusConsumerRegistry workers = context.getBean(EventBusConsumerRegistry.class);
			await().atMost(TIMEOUT)
				.until(() -> workers.getConsumers().get(0).status().handled() == 3
						&& workers.getConsumers().get(0).status().failed() == 4);

			String[] where = { "transport", "kafka", "topic", topic };
			String[] book = { "transport", "kafka", "topic", topic, "event.type", TestEvents.BOOK_LOANED_TYPE };
			assertThat(counter(context, "eventbus.producer.events", with(book, "outcome", "success"))).isEqualTo(4);
			assertThat(counter(context, "eventbus.producer.events", with(book, "outcome", "failure"))).isZero();
			Timer sends = context.getBean(MeterRegistry.class)
				.get("eventbus.producer.send")
				.tags(with(book, "outcome", "success"))
				.timer();
			assertThat(sends.count()).isEqualTo(4);
			assertThat(sends.totalTime(TimeUnit.NANOSECONDS)).isPositive();
			assertThat(counter(context, "eventbus.consumer.events", with(book, "group", group, "outcome", "success")))
				.isEqualTo(3);
			assertThat(counter(context, "eventbus.consumer.events", with(book, "group", group, "outcome", "failure")))
				.isEqualTo(2);
			assertThat(counter(context, "eventbus.consumer.events",
					with(where, "group", group, "event.type", "unknown", "outcome", "failure")))
				.isEqualTo(2);
			for (String kind : List.of("handler_error", "undecodable_value", "unknown_event_type", "missing_metadata")) {
				assertThat(counter(context, "eventbus.consumer.failures", with(where, "failure.kind", kind)))
					.as(kind)
					.isEqualTo(1);
			}
			assertThat(counter(context, "eventbus.consumer.failures", with(where, "failure.kind", "invalid_metadata")))
				.isZero();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("eventbus.consumer.handling").tags(book).timer().count()).isEqualTo(3);
			assertThat(gauge(context, "eventbus.consumer.time.since.last.event", where)).isGreaterThanOrEqualTo(0);
			assertThat(gauge(context, "eventbus.producer.time.since.last.event", where)).isGreaterThanOrEqualTo(0);
			await().atMost(TIMEOUT).until(() -> gauge(context, "eventbus.consumer.lag", where) == 0);

			EventBusEndpoint endpoint = context.getBean(EventBusEndpoint.class);
			assertThat(endpoint.worker("books", "stop", SecurityContext.NONE).state()).isEqualTo("STOPPED");
			assertThat(gauge(context, "eventbus.consumer.running", with(where, "worker", "books"))).isZero();
			assertThat(health(context, "eventbus", "workers", "books")).isEqualTo(Status.UP);
			assertThat(details(context, "eventbus", "workers", "books")).containsEntry("condition", "stopped");
			for (int i = 0; i < 5; i++) {
				publish(context, "isbn-later-" + i);
			}
			await().atMost(TIMEOUT).until(() -> gauge(context, "eventbus.consumer.lag", where) == 5);

			assertThat(endpoint.worker("books", "start", SecurityContext.NONE).state()).isIn("NEW", "RUNNING");
			await().atMost(TIMEOUT).until(() -> gauge(context, "eventbus.consumer.lag", where) == 0);
			assertThat(context.getBean(BookListener.class).received).hasSize(8);
			assertThat(gauge(context, "eventbus.consumer.running", with(where, "worker", "books"))).isEqualTo(1);
		});
	}

	@Test
	void healthGoesDownWhenAWorkerReachesItsErrorLimitAndUpWhenItIsStartedAgain() {
		String topic = "obs-limit-" + UUID.randomUUID();
		service(topic, "library-"
				+ UUID.randomUUID()).withPropertyValues("eventbus.consumer.consecutive-errors-limit=2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
				assertThat(details(context, "eventbus", "broker")).containsKey("answer");
				assertThat(health(context, "eventbus", "schemaRegistry")).isEqualTo(Status.UP);
				publish(context, BAD_ISBN);
				publish(context, BAD_ISBN);
				EventBusConsumerRegistry workers = context.getBean(EventBusConsumerRegistry.class);
				await().atMost(TIMEOUT)
					.until(() -> workers.getConsumers().get(0).status().state() == ConsumerState.FAILED);
				assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
				assertThat(health(context, "eventbus", "workers", "books")).isEqualTo(Status.DOWN);
				assertThat(details(context, "eventbus", "workers", "books")).containsEntry("condition", "failed")
					.hasEntrySatisfying("lastError", (error) -> assertThat(error.toString())
						.contains("Too many consecutive errors")
						.contains("shelf is full"));

				publish(context, "isbn-fine");
				context.getBean(EventBusEndpoint.class).worker("books", "start", SecurityContext.NONE);
				await().atMost(TIMEOUT).until(() -> context.getBean(BookListener.class).received.size() == 1);
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
				assertThat(details(context, "eventbus", "workers", "books").get("condition")).isIn("idle", "running");
			});
	}

	@Test
	void endpointShowsTheRoutingTableWorkersAndMaskedSettingsAndItsToggleStopsAndResumesARoute(
			CapturedOutput output) {
		String topic = "obs-toggle-" + UUID.randomUUID();
		service(topic, "library-" + UUID.randomUUID()).run((context) -> {
			assertThat(context).hasNotFailed();
			String json = endpointJson(context);
			assertThat(json).contains("\"transport\":\"kafka\"")
				.contains("{\"eventType\":\"" + TestEvents.BOOK_LOANED_TYPE + "\",\"topic\":\"" + topic
						+ "\",\"destination\":\"" + topic + "\",\"eventKeyField\":\"book.isbn\",\"enabled\":true}")
				.contains("\"name\":\"books\"")
				.contains("\"api-secret\":\"******\"")
				.contains("\"api-key\":\"******\"")
				.contains("\"bootstrap-servers\":\"" + broker.bootstrapServers() + "\"")
				.doesNotContain(REGISTRY_SECRET);
			BookListener listener = context.getBean(BookListener.class);
			EventBusEndpoint endpoint = context.getBean(EventBusEndpoint.class);
			assertThat(publish(context, "isbn-before")).hasSize(1);
			await().atMost(TIMEOUT).until(() -> listener.received.size() == 1);

			assertThat(endpoint.route(TestEvents.BOOK_LOANED_TYPE, topic, false, SecurityContext.NONE).enabled()).isFalse();
			assertThat(publish(context, "isbn-while-off")).isEmpty();
			assertThat(endOffset(context, topic)).isEqualTo(1);
			assertThat(endpointJson(context)).contains("\"eventKeyField\":\"book.isbn\",\"enabled\":false");

			assertThat(endpoint.route(TestEvents.BOOK_LOANED_TYPE, topic, true, SecurityContext.NONE).enabled()).isTrue();
			assertThat(publish(context, "isbn-after")).hasSize(1);
			await().atMost(TIMEOUT).until(() -> listener.received.size() == 2);
			assertThat(listener.received).extracting(BookData::isbn).containsExactly("isbn-before", "isbn-after");
			assertThat(endOffset(context, topic)).isEqualTo(2);
		});
		// One audit line per event on each side: the producer's delivery, the worker's handling.
		assertThat(output.getAll()).contains("Event delivered to the event bus", "event handled worker=books")
			.doesNotContain(REGISTRY_SECRET)
			.doesNotContain("The Title Nobody Logs");
	}

	private static String[] with(String[] tags, String... more) {
		String[] all = new String[tags.length + more.length];
		System.arraycopy(tags, 0, all, 0, tags.length);
		System.arraycopy(more, 0, all, tags.length, more.length);
		return all;
	}

	private static List<SendReceipt> publish(ApplicationContext context, String isbn) throws Exception {
		return context.getBean(EventBusPublisher.class)
			.publish(TestEvents.BOOK_LOANED.event(new BookData(isbn, "The Title Nobody Logs", 1)))
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	private static long endOffset(ApplicationContext context, String topic) throws Exception {
		// The group of a fresh name has committed nothing, so its lag is the topic's end offset.
		return context.getBean(BrokerProbe.class)
			.backlog(topic, "nobody-" + UUID.randomUUID(), Duration.ofSeconds(10))
			.lag();
	}

	private static void sendRaw(String topic, Map<String, String> headers, String value) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", broker.bootstrapServers()), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
					value.getBytes(StandardCharsets.UTF_8));
			headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
	}

}
