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

import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.contentauthoring.CourseScheduleData;
import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.key.CourseKey;
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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as a developer runs it: the "dev" profile with a real in-process KRaft broker and schema registry
 * (private to this class through its state file), and the two workers of {@code application.yml}. Events are put on
 * the topics by the event bus producer, exactly as another service would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "eventbus.dev-services.state-file=target/dev-services/ConsumerApplicationTests.properties")
@ActiveProfiles("dev")
@DirtiesContext
class ConsumerApplicationTests {

	private static final String ENROLLMENTS = "learning-course-enrollment-lifecycle";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	EventBusPublisher bus;

	@Autowired
	Environment environment;

	@Test
	void anEnrollmentOnTheTopicShowsInTheCourseProjectionWithItsLatency() throws Exception {
		String course = uniqueCourse();
		OpenEdxEvent<CourseEnrollmentData> event = enrollment("alice", course);
		this.bus.send(ENROLLMENTS, "enrollment.course.course_key", event).join();

		JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> course(course), (node) -> node != null);
		assertThat(view.get("enrollmentCount").asInt()).isEqualTo(1);
		assertThat(view.get("enrollments").get(0).get("username").asString()).isEqualTo("alice");
		assertThat(view.get("enrollmentsByMode").get("verified").asInt()).isEqualTo(1);
		JsonNode received = receivedEvent(event.metadata().id().toString());
		assertThat(received.get("source").asString()).isEqualTo("openedx/catalog/web");
		assertThat(received.get("latencyMillis").asDouble()).isPositive();
	}

	@Test
	void catalogInfoChangesFillTheCoursesCatalogInformation() throws Exception {
		String course = uniqueCourse();
		CourseCatalogData info = new CourseCatalogData(CourseKey.of(course), "Astronomy 101",
				new CourseScheduleData(OffsetDateTime.parse("2026-02-01T00:00:00Z"), "instructor"));
		this.bus.send("course-catalog-info-changed", "catalog_info.course_key",
				ContentAuthoringEvents.COURSE_CATALOG_INFO_CHANGED.event(info)).join();

		JsonNode view = await().atMost(Duration.ofSeconds(30))
			.until(() -> course(course), (node) -> node != null && !node.get("catalogInfo").isNull());
		assertThat(view.get("catalogInfo").get("name").asString()).isEqualTo("Astronomy 101");
		assertThat(view.get("catalogInfo").get("pacing").asString()).isEqualTo("instructor");
		assertThat(view.get("enrollmentCount").asInt()).isZero();
	}

	@Test
	void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
		String course = uniqueCourse();
		OpenEdxEvent<CourseEnrollmentData> event = enrollment("bob", course);
		this.bus.send(ENROLLMENTS, "enrollment.course.course_key", event).join();
		this.bus.send(ENROLLMENTS, "enrollment.course.course_key", event).join();
		OpenEdxEvent<CourseEnrollmentData> after = enrollment("carol", course);
		this.bus.send(ENROLLMENTS, "enrollment.course.course_key", after).join();

		// Same key, same partition: once carol is in, both copies of bob's event were handled.
		await().atMost(Duration.ofSeconds(30)).until(() -> course(course),
				(node) -> node != null && node.get("enrollmentCount").asInt() == 2);
		String id = event.metadata().id().toString();
		assertThat(events()).filteredOn((node) -> node.get("id").asString().equals(id)).hasSize(1);
	}

	@Test
	void aWriteToTheEventbusEndpointThatCannotBeDoneIsAnsweredWithTheReason() throws Exception {
		HttpResponse<String> unknownWorker = post("/actuator/eventbus/enrolments", "{\"action\": \"stop\"}");
		assertThat(unknownWorker.statusCode()).isEqualTo(404);
		assertThat(json.readTree(unknownWorker.body()).get("error").asString())
			.isEqualTo("No worker named 'enrolments'; the workers of this service are enrollments, catalog-info");

		HttpResponse<String> unknownAction = post("/actuator/eventbus/enrollments", "{\"action\": \"pause\"}");
		assertThat(unknownAction.statusCode()).isEqualTo(400);
		assertThat(json.readTree(unknownAction.body()).get("error").asString())
			.isEqualTo("Unknown action 'pause': use 'stop' or 'start'");
		assertThat(json.readTree(get("/actuator/eventbus").body()).get("workers").get(0).get("state").asString())
			.isEqualTo("RUNNING");
	}

	@Test
	void aMessageNoConsumerCanDecodeIsDeadLetteredAndTheWorkerGoesOn() throws Exception {
		String bootstrapServers = this.environment.getRequiredProperty("spring.kafka.bootstrap-servers");
		String course = uniqueCourse();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer())) {
			ProducerRecord<byte[], byte[]> garbage = new ProducerRecord<>(ENROLLMENTS, bytes(course),
					bytes("not an Avro event"));
			garbage.headers().add("ce_type", bytes(LearningEvents.Types.COURSE_ENROLLMENT_CREATED));
			garbage.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
			producer.send(garbage).get();
		}
		this.bus.send(ENROLLMENTS, "enrollment.course.course_key", enrollment("dave", course)).join();

		await().atMost(Duration.ofSeconds(30)).until(() -> course(course), (node) -> node != null);
		ConsumerRecord<byte[], byte[]> deadLetter = readFirst(bootstrapServers, ENROLLMENTS + "-dlt");
		assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not an Avro event");
		assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(ENROLLMENTS);
		assertThat(header(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo("catalog-enrollments");
	}

	private static OpenEdxEvent<CourseEnrollmentData> enrollment(String username, String course) {
		return LearningEvents.COURSE_ENROLLMENT_CREATED.event(new CourseEnrollmentData(
				new UserData(username.hashCode(), true, new UserPersonalData(username, username + "@example.com")),
				new CourseData(CourseKey.of(course)), "verified", true, OffsetDateTime.now()));
	}

	private static String uniqueCourse() {
		return "course-v1:edX+Test" + UUID.randomUUID().toString().substring(0, 8) + "+2026_T1";
	}

	private JsonNode course(String courseKey) throws IOException, InterruptedException {
		HttpResponse<String> response = get("/courses/" + courseKey);
		return (response.statusCode() == 404) ? null : json.readTree(response.body());
	}

	private List<JsonNode> events() throws IOException, InterruptedException {
		List<JsonNode> events = new java.util.ArrayList<>();
		json.readTree(get("/events").body()).forEach(events::add);
		return events;
	}

	private JsonNode receivedEvent(String id) throws IOException, InterruptedException {
		return events().stream()
			.filter((node) -> node.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("GET /events does not list " + id));
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
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

}
