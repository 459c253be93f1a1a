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

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.contentauthoring.CourseScheduleData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.test.AutoConfigureInMemoryEventBus;
import dev.openedx.eventbus.test.DeliveryOutcome;
import dev.openedx.eventbus.test.InboundEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's listeners and workers of {@code application.yml} on the in-memory event bus: events delivered as the
 * LMS would send them go through the real consume path, and the projection served over HTTP shows them.
 */
// The eventbus endpoint's writes are off by default (read-only); the sample ships that way, its test switches them on.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.eventbus.access=unrestricted")
@AutoConfigureInMemoryEventBus
class ConsumerApplicationTests {

	private static final String ENROLLMENTS = "learning-course-enrollment-lifecycle";

	@LocalServerPort
	int port;

	@Autowired
	InboundEvents inbound;

	@Test
	void anEnrollmentShowsInTheCourseProjectionWithItsSource() throws Exception {
		String course = CatalogClient.uniqueCourse();
		OpenEdxEvent<CourseEnrollmentData> event = CatalogClient.enrollment("alice", course);

		DeliveryOutcome outcome = this.inbound.deliver(ENROLLMENTS, event).awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(outcome.group()).isEqualTo("catalog-enrollments");
		JsonNode view = course(course);
		assertThat(view.get("enrollmentCount").asInt()).isEqualTo(1);
		assertThat(view.get("enrollments").get(0).get("username").asString()).isEqualTo("alice");
		assertThat(view.get("enrollmentsByMode").get("verified").asInt()).isEqualTo(1);
		assertThat(catalog().receivedEvent(event.metadata().id().toString()).get("source").asString())
			.isEqualTo(event.metadata().source());
	}

	@Test
	void catalogInfoChangesFillTheCoursesCatalogInformation() throws Exception {
		String course = CatalogClient.uniqueCourse();
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
		String course = CatalogClient.uniqueCourse();
		OpenEdxEvent<CourseEnrollmentData> event = CatalogClient.enrollment("bob", course);

		this.inbound.deliver(ENROLLMENTS, event).awaitOutcome();
		this.inbound.deliver(ENROLLMENTS, event).awaitOutcome();

		assertThat(course(course).get("enrollmentCount").asInt()).isEqualTo(1);
		String id = event.metadata().id().toString();
		assertThat(catalog().events()).filteredOn((node) -> node.get("id").asString().equals(id)).hasSize(1);
	}

	@Test
	void anEnrollmentChangeIsNotOneOfTheWorkersEventTypes() {
		CourseEnrollmentData enrollment = CatalogClient.enrollment("carol", CatalogClient.uniqueCourse()).data();

		DeliveryOutcome outcome = this.inbound
			.deliver(ENROLLMENTS, LearningEvents.COURSE_ENROLLMENT_CHANGED.event(enrollment))
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.FILTERED);
	}

	@Test
	void aWriteToTheEventbusEndpointThatCannotBeDoneIsAnsweredWithTheReason() throws Exception {
		HttpResponse<String> unknownWorker = catalog().post("/actuator/eventbus/enrolments", "{\"action\": \"stop\"}");
		assertThat(unknownWorker.statusCode()).isEqualTo(404);
		assertThat(CatalogClient.json(unknownWorker).get("error").asString())
			.isEqualTo("No worker named 'enrolments'; the workers of this service are enrollments, catalog-info");

		HttpResponse<String> unknownAction = catalog().post("/actuator/eventbus/enrollments",
				"{\"action\": \"pause\"}");
		assertThat(unknownAction.statusCode()).isEqualTo(400);
		assertThat(CatalogClient.json(unknownAction).get("error").asString())
			.isEqualTo("Unknown action 'pause': use 'stop' or 'start'");
		assertThat(CatalogClient.json(catalog().get("/actuator/eventbus")).get("workers").get(0).get("state").asString())
			.isEqualTo("RUNNING");
	}

	@Test
	void aMessageNoConsumerCanDecodeIsDeadLetteredAndTheWorkerGoesOn() throws Exception {
		DeliveryOutcome garbage = this.inbound.kafkaRecord(ENROLLMENTS)
			.header("ce_type", LearningEvents.Types.COURSE_ENROLLMENT_CREATED)
			.header("ce_id", UUID.randomUUID().toString())
			.value("not an Avro event".getBytes())
			.deliver()
			.awaitOutcome();
		String course = CatalogClient.uniqueCourse();
		this.inbound.deliver(ENROLLMENTS, CatalogClient.enrollment("dave", course)).awaitOutcome();

		assertThat(garbage.result()).isEqualTo(DeliveryOutcome.Result.DEAD_LETTERED);
		assertThat(garbage.failureKind()).isEqualTo(FailureKind.UNDECODABLE_VALUE);
		assertThat(course(course).get("enrollmentCount").asInt()).isEqualTo(1);
	}

	private JsonNode course(String courseKey) throws Exception {
		JsonNode view = catalog().course(courseKey);
		assertThat(view).as("GET /courses/%s", courseKey).isNotNull();
		return view;
	}

	private CatalogClient catalog() {
		return new CatalogClient(this.port);
	}

}
