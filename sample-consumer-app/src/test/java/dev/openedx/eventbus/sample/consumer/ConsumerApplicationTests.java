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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.contentauthoring.CourseScheduleData;
import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.test.AutoConfigureInMemoryEventBus;
import dev.openedx.eventbus.test.DeliveryOutcome;
import dev.openedx.eventbus.test.InboundEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's listeners and workers of {@code application.yml} on the in-memory event bus: events delivered as the
 * LMS would send them go through the real consume path, and the projection served over HTTP shows them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureInMemoryEventBus
class ConsumerApplicationTests {

	private static final String ENROLLMENTS = "learning-course-enrollment-lifecycle";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	InboundEvents inbound;

	@Test
	void anEnrollmentShowsInTheCourseProjectionWithItsSource() throws Exception {
		String course = uniqueCourse();
		OpenEdxEvent<CourseEnrollmentData> event = enrollment("alice", course);

		DeliveryOutcome outcome = this.inbound.deliver(ENROLLMENTS, event).awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(outcome.group()).isEqualTo("catalog-enrollments");
		JsonNode view = course(course);
		assertThat(view.get("enrollmentCount").asInt()).isEqualTo(1);
		assertThat(view.get("enrollments").get(0).get("username").asString()).isEqualTo("alice");
		assertThat(view.get("enrollmentsByMode").get("verified").asInt()).isEqualTo(1);
		assertThat(receivedEvent(event.metadata().id().toString()).get("source").asString())
			.isEqualTo(event.metadata().source());
	}

	@Test
	void catalogInfoChangesFillTheCoursesCatalogInformation() throws Exception {
		String course = uniqueCourse();
		CourseCatalogData info = new CourseCatalogData(CourseKey.of(course), "Astronomy 101",
				new CourseScheduleData(OffsetDateTime.parse("2026-02-01T00:00:00Z"), "instructor"));

		this.inbound.deliver("course-catalog-info-changed", ContentAuthoringEvents.COURSE_CATALOG_INFO_CHANGED.event(info))
			.awaitOutcome();

		JsonNode view = course(course);
		assertThat(view.get("catalogInfo").get("name").asString()).isEqualTo("Astronomy 101");
		assertThat(view.get("catalogInfo").get("pacing").asString()).isEqualTo("instructor");
		assertThat(view.get("enrollmentCount").asInt()).isZero();
	}

	@Test
	void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
		String course = uniqueCourse();
		OpenEdxEvent<CourseEnrollmentData> event = enrollment("bob", course);

		this.inbound.deliver(ENROLLMENTS, event).awaitOutcome();
		this.inbound.deliver(ENROLLMENTS, event).awaitOutcome();

		assertThat(course(course).get("enrollmentCount").asInt()).isEqualTo(1);
		String id = event.metadata().id().toString();
		assertThat(events()).filteredOn((node) -> node.get("id").asString().equals(id)).hasSize(1);
	}

	@Test
	void anEnrollmentChangeIsNotOneOfTheWorkersEventTypes() {
		DeliveryOutcome outcome = this.inbound
			.deliver(ENROLLMENTS, LearningEvents.COURSE_ENROLLMENT_CHANGED.event(enrollment("carol", uniqueCourse())
				.data()))
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.FILTERED);
	}

	@Test
	void aMessageNoConsumerCanDecodeIsDeadLetteredAndTheWorkerGoesOn() throws Exception {
		DeliveryOutcome garbage = this.inbound.kafkaRecord(ENROLLMENTS)
			.header("ce_type", LearningEvents.Types.COURSE_ENROLLMENT_CREATED)
			.header("ce_id", UUID.randomUUID().toString())
			.value("not an Avro event".getBytes())
			.deliver()
			.awaitOutcome();
		String course = uniqueCourse();
		this.inbound.deliver(ENROLLMENTS, enrollment("dave", course)).awaitOutcome();

		assertThat(garbage.result()).isEqualTo(DeliveryOutcome.Result.DEAD_LETTERED);
		assertThat(garbage.failureKind()).isEqualTo(FailureKind.UNDECODABLE_VALUE);
		assertThat(course(course).get("enrollmentCount").asInt()).isEqualTo(1);
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
		assertThat(response.statusCode()).as("GET /courses/%s", courseKey).isEqualTo(200);
		return json.readTree(response.body());
	}

	private List<JsonNode> events() throws IOException, InterruptedException {
		List<JsonNode> events = new ArrayList<>();
		json.readTree(get("/events").body()).forEach(events::add);
		return events;
	}

	private JsonNode receivedEvent(String id) throws IOException, InterruptedException {
		return events().stream()
			.filter((node) -> node.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("GET /events does not list " + id));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
