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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.event.key.CourseKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample on its "redis" profile against the build's redis-server (127.0.0.1:6379), with a topic prefix no other
 * test uses; its streams are deleted afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("redis")
@DirtiesContext
class ConsumerApplicationRedisTests {

	private static final String PREFIX = "sample-consumer-test-" + UUID.randomUUID();

	private static final String COURSE = "course-v1:edX+RedisX+2026_T1";

	@LocalServerPort
	int port;

	@Autowired
	EventBusPublisher bus;

	@Autowired
	RedisConnectionFactory connectionFactory;

	@DynamicPropertySource
	static void prefix(DynamicPropertyRegistry registry) {
		registry.add("eventbus.topic-prefix", () -> PREFIX);
	}

	@AfterEach
	void deleteStreams() {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			for (String topic : List.of("learning-course-enrollment-lifecycle", "course-catalog-info-changed")) {
				connection.keyCommands().del(bytes(PREFIX + "-" + topic), bytes(PREFIX + "-" + topic + "-dlq"));
			}
		}
	}

	@Test
	void anEnrollmentOnThePrefixedStreamShowsInTheCourseProjection() throws Exception {
		this.bus.send("learning-course-enrollment-lifecycle", null,
				LearningEvents.COURSE_ENROLLMENT_CREATED.event(new CourseEnrollmentData(
						new UserData(7, true, new UserPersonalData("erin", "erin@example.com")),
						new CourseData(CourseKey.of(COURSE)), "audit", true, OffsetDateTime.now())))
			.join();

		HttpClient http = HttpClient.newHttpClient();
		JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/courses/" + COURSE)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? JsonMapper.builder().build().readTree(response.body()) : null;
		}, (node) -> node != null);
		assertThat(view.get("enrollments").get(0).get("username").asString()).isEqualTo("erin");
		assertThat(view.get("enrollmentsByMode").get("audit").asInt()).isEqualTo(1);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
