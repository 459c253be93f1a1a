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

package dev.openedx.eventbus.sample.producer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.test.EmbeddedEventBus;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a real in-process KRaft broker and schema registry ({@link EmbeddedEventBus}): HTTP requests go in;
 * the test reads the records back with a plain Kafka consumer and checks their bytes as a Python consumer would see
 * them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EmbeddedEventBus(partitions = 3)
class ProducerApplicationKafkaTests {

	private static final String COURSE = "course-v1:edX+DemoX+2026_T1";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Test
	void postingAnEnrollmentPutsACourseEnrollmentCreatedEventOnItsTopicAsAPythonConsumerReadsIt() throws Exception {
		HttpResponse<String> response = post("/enrollments",
				"{\"username\": \"alice\", \"email\": \"alice@example.com\", \"courseKey\": \"" + COURSE
						+ "\", \"mode\": \"verified\"}");
		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode published = json.readTree(response.body());
		String id = published.get("id").asString();

		ConsumerRecord<byte[], byte[]> record = readRecord("learning-course-enrollment-lifecycle", id);
		assertThat(header(record, "ce_type")).isEqualTo("org.openedx.learning.course.enrollment.created.v1");
		assertThat(header(record, "ce_source")).isEqualTo("openedx/lms/web");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "content-type")).isEqualTo("application/avro");
		assertThat(header(record, "ce_time")).isEqualTo(published.get("time").asString()).endsWith("+00:00");
		assertThat(header(record, "sourcelib")).matches("\\d+(\\.\\d+)*");

		// Key: the course key (event-key-field enrollment.course.course_key) as a Confluent-framed Avro string.
		assertThat(record.key()[0]).isZero();
		assertThat(registrySchema(schemaId(record.key()))).isEqualTo("\"string\"");
		assertThat(DecoderFactory.get().binaryDecoder(record.key(), 5, record.key().length - 5, null).readString())
			.isEqualTo(COURSE);

		// Value: the Avro record under the schema the registry holds for this topic and event type.
		assertThat(record.value()[0]).isZero();
		assertThat(registrySchema(schemaId(record.value())))
			.contains("\"namespace\":\"org.openedx.learning.course.enrollment.created.v1\"");
		CourseEnrollmentData data = new AvroEventCodec().decode(LearningEvents.COURSE_ENROLLMENT_CREATED,
				record.value(), 5, record.value().length - 5);
		assertThat(data.user().pii().username()).isEqualTo("alice");
		assertThat(data.user().pii().email()).isEqualTo("alice@example.com");
		assertThat(data.course().courseKey().toString()).isEqualTo(COURSE);
		assertThat(data.mode()).isEqualTo("verified");
		assertThat(data.isActive()).isTrue();
		assertThat(registrySubjects()).contains("learning-course-enrollment-lifecycle-string",
				"learning-course-enrollment-lifecycle-org.openedx.learning.course.enrollment.created.v1.CloudEvent");
	}

	@Test
	void postingCatalogInfoPutsACatalogInfoChangedEventKeyedByTheCourseOnItsTopic() throws Exception {
		HttpResponse<String> response = post("/courses/" + COURSE + "/catalog-info",
				"{\"name\": \"Demo course\", \"start\": \"2026-01-05T09:00:00Z\", \"pacing\": \"self\"}");
		assertThat(response.statusCode()).isEqualTo(202);
		String id = json.readTree(response.body()).get("id").asString();

		ConsumerRecord<byte[], byte[]> record = readRecord("course-catalog-info-changed", id);
		assertThat(header(record, "ce_type")).isEqualTo("org.openedx.content_authoring.course.catalog_info.changed.v1");
		assertThat(DecoderFactory.get().binaryDecoder(record.key(), 5, record.key().length - 5, null).readString())
			.isEqualTo(COURSE);
		CourseCatalogData data = new AvroEventCodec().decode(ContentAuthoringEvents.COURSE_CATALOG_INFO_CHANGED,
				record.value(), 5, record.value().length - 5);
		assertThat(data.name()).isEqualTo("Demo course");
		assertThat(data.scheduleData().start()).isEqualTo(OffsetDateTime.parse("2026-01-05T09:00:00Z"));
		assertThat(data.scheduleData().pacing()).isEqualTo("self");
		assertThat(data.hidden()).isFalse();
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private ConsumerRecord<byte[], byte[]> readRecord(String topic, String eventId) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.environment.getRequiredProperty("spring.kafka.bootstrap-servers"), ConsumerConfig.GROUP_ID_CONFIG,
				"test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (eventId.equals(header(record, "ce_id"))) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("No record with ce_id " + eventId + " on " + topic + " within 30 seconds");
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static int schemaId(byte[] framed) {
		return ((framed[1] & 0xff) << 24) | ((framed[2] & 0xff) << 16) | ((framed[3] & 0xff) << 8) | (framed[4] & 0xff);
	}

	private String registrySchema(int id) throws IOException, InterruptedException {
		return json.readTree(registryGet("/schemas/ids/" + id)).get("schema").asString();
	}

	private List<String> registrySubjects() throws IOException, InterruptedException {
		return json.readValue(registryGet("/subjects"),
				json.getTypeFactory().constructCollectionType(List.class, String.class));
	}

	private String registryGet(String path) throws IOException, InterruptedException {
		String url = this.environment.getRequiredProperty("eventbus.kafka.schema-registry.url");
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s%s", url, path).isEqualTo(200);
		return response.body();
	}

}
