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

package dev.openedx.eventbus.sample.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.test.EmbeddedEventBus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample on a real in-process KRaft broker and schema registry ({@link EmbeddedEventBus}) with the two workers of
 * {@code application.yml}: events are put on the topics by the event bus producer, exactly as another service would,
 * and a message no consumer can decode lands on the real dead-letter topic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EmbeddedEventBus(partitions = 3)
class ConsumerApplicationKafkaTests {

	private static final String ENROLLMENTS = "learning-course-enrollment-lifecycle";

	@LocalServerPort
	int port;

	@Autowired
	EventBusPublisher bus;

	@Autowired
	Environment environment;

	@Test
	void anEnrollmentOnTheTopicShowsInTheCourseProjectionWithItsLatency() throws Exception {
		String course = CatalogClient.uniqueCourse();
		OpenEdxEvent<CourseEnrollmentData> event = CatalogClient.enrollment("alice", course);
		this.bus.send(ENROLLMENTS, "enrollment.course.course_key", event).join();

		JsonNode view = await().atMost(Duration.ofSeconds(30))
			.until(() -> catalog().course(course), (node) -> node != null);
		assertThat(view.get("enrollmentCount").asInt()).isEqualTo(1);
		assertThat(view.get("enrollments").get(0).get("username").asString()).isEqualTo("alice");
		assertThat(view.get("enrollmentsByMode").get("verified").asInt()).isEqualTo(1);
		JsonNode received = catalog().receivedEvent(event.metadata().id().toString());
		assertThat(received.get("source").asString()).isEqualTo("openedx/catalog/web");
		assertThat(received.get("latencyMillis").asDouble()).isPositive();
	}

	@Test
	void aMessageNoConsumerCanDecodeIsDeadLetteredAndTheWorkerGoesOn() throws Exception {
		String bootstrapServers = this.environment.getRequiredProperty("spring.kafka.bootstrap-servers");
		String course = CatalogClient.uniqueCourse();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer())) {
			ProducerRecord<byte[], byte[]> garbage = new ProducerRecord<>(ENROLLMENTS, bytes(course),
					bytes("not an Avro event"));
			garbage.headers().add("ce_type", bytes(LearningEvents.Types.COURSE_ENROLLMENT_CREATED));
			garbage.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
			producer.send(garbage).get();
		}
		this.bus.send(ENROLLMENTS, "enrollment.course.course_key", CatalogClient.enrollment("dave", course)).join();

		await().atMost(Duration.ofSeconds(30)).until(() -> catalog().course(course), (node) -> node != null);
		ConsumerRecord<byte[], byte[]> deadLetter = readFirst(bootstrapServers, ENROLLMENTS + "-dlt");
		assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not an Avro event");
		assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(ENROLLMENTS);
		assertThat(header(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo("catalog-enrollments");
	}

	private static ConsumerRecord<byte[], byte[]> readFirst(String bootstrapServers, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					return record;
				}
			}
		}
		throw new AssertionError("Nothing on " + topic + " within 30 seconds");
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private CatalogClient catalog() {
		return new CatalogClient(this.port);
	}

}
