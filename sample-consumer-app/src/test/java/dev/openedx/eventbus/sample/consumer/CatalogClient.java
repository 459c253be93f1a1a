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

import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.key.CourseKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample's HTTP API as its tests read it, and the enrollments they send.
 */
final class CatalogClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	CatalogClient(int port) {
		this.port = port;
	}

	static OpenEdxEvent<CourseEnrollmentData> enrollment(String username, String course) {
		return LearningEvents.COURSE_ENROLLMENT_CREATED.event(new CourseEnrollmentData(
				new UserData(username.hashCode(), true, new UserPersonalData(username, username + "@example.com")),
				new CourseData(CourseKey.of(course)), "verified", true, OffsetDateTime.now()));
	}

	static String uniqueCourse() {
		return "course-v1:edX+Test" + UUID.randomUUID().toString().substring(0, 8) + "+2026_T1";
	}

	/** {@code GET /courses/{key}}, or {@code null} while the course is unknown. */
	@Nullable JsonNode course(String courseKey) throws IOException, InterruptedException {
		HttpResponse<String> response = get("/courses/" + courseKey);
		return (response.statusCode() == 404) ? null : json.readTree(response.body());
	}

	List<JsonNode> events() throws IOException, InterruptedException {
		List<JsonNode> events = new ArrayList<>();
		json.readTree(get("/events").body()).forEach(events::add);
		return events;
	}

	JsonNode receivedEvent(String id) throws IOException, InterruptedException {
		return events().stream()
			.filter((node) -> node.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("GET /events does not list " + id));
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
