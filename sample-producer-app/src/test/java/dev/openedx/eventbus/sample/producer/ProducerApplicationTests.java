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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.test.AutoConfigureInMemoryEventBus;
import dev.openedx.eventbus.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's HTTP API on the in-memory event bus: each request publishes the right event to the topic and with
 * the key of {@code application.yml}, encoded and decoded by the real codec; a bad request publishes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureInMemoryEventBus
class ProducerApplicationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	PublishedEvents published;

	@Test
	void postingAnEnrollmentPublishesACourseEnrollmentCreatedEventKeyedByTheCourse() throws Exception {
		String course = "course-v1:edX+DemoX+2026_T1";
		HttpResponse<String> response = post("/enrollments", "{\"username\": \"alice\", \"email\": "
				+ "\"alice@example.com\", \"courseKey\": \"" + course + "\", \"mode\": \"verified\"}");

		assertThat(response.statusCode()).isEqualTo(202);
		String id = json.readTree(response.body()).get("id").asString();
		// The sample publishes through the transactional outbox: the relay sends right after the commit.
		this.published.await(LearningEvents.COURSE_ENROLLMENT_CREATED, Duration.ofSeconds(10));
		assertThat(this.published).ofType(LearningEvents.COURSE_ENROLLMENT_CREATED)
			.singleEvent()
			.hasTopic("learning-course-enrollment-lifecycle")
			.hasKey(course)
			.hasSource("openedx/lms/web")
			.hasDataSatisfying(CourseEnrollmentData.class, (enrollment) -> {
				assertThat(enrollment.user().pii().username()).isEqualTo("alice");
				assertThat(enrollment.user().pii().email()).isEqualTo("alice@example.com");
				assertThat(enrollment.mode()).isEqualTo("verified");
				assertThat(enrollment.isActive()).isTrue();
			});
		assertThat(this.published.all()).singleElement()
			.satisfies((event) -> assertThat(event.metadata().id()).isEqualTo(UUID.fromString(id)));
	}

	@Test
	void postingCatalogInfoPublishesACatalogInfoChangedEventKeyedByTheCourse() throws Exception {
		String course = "course-v1:edX+DemoX+2026_T1";
		HttpResponse<String> response = post("/courses/" + course + "/catalog-info",
				"{\"name\": \"Demo course\", \"start\": \"2026-01-05T09:00:00Z\", \"pacing\": \"self\"}");

		assertThat(response.statusCode()).isEqualTo(202);
		this.published.await(ContentAuthoringEvents.COURSE_CATALOG_INFO_CHANGED, Duration.ofSeconds(10));
		assertThat(this.published).ofType(ContentAuthoringEvents.COURSE_CATALOG_INFO_CHANGED)
			.singleEvent()
			.hasTopic("course-catalog-info-changed")
			.hasKey(course)
			.hasDataSatisfying(CourseCatalogData.class, (info) -> {
				assertThat(info.name()).isEqualTo("Demo course");
				assertThat(info.scheduleData().start()).isEqualTo(OffsetDateTime.parse("2026-01-05T09:00:00Z"));
				assertThat(info.scheduleData().pacing()).isEqualTo("self");
				assertThat(info.hidden()).isFalse();
			});
	}

	@Test
	void aCourseKeyAPythonConsumerCouldNotParseIsRefusedBeforeAnythingIsPublished() throws Exception {
		HttpResponse<String> response = post("/enrollments",
				"{\"username\": \"bob\", \"email\": \"bob@example.com\", \"courseKey\": \"DemoX 2026\", "
						+ "\"mode\": \"audit\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("detail").asString())
			.contains("'DemoX 2026' is not a valid CourseKey");
		assertThat(this.published).isEmpty();
	}

	@Test
	void aMissingFieldIsRefusedWithItsName() throws Exception {
		HttpResponse<String> response = post("/enrollments",
				"{\"username\": \"bob\", \"courseKey\": \"course-v1:edX+DemoX+2026_T1\", \"mode\": \"audit\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("detail").asString()).isEqualTo("email is required");
		assertThat(this.published).isEmpty();
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
