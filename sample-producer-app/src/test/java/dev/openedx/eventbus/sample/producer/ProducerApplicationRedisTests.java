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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample on its "redis" profile against the build's redis-server (127.0.0.1:6379), with a topic prefix no other
 * test uses; the streams are deleted afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("redis")
@DirtiesContext
class ProducerApplicationRedisTests {

	private static final String PREFIX = "sample-producer-test-" + UUID.randomUUID();

	private static final String STREAM = PREFIX + "-learning-course-enrollment-lifecycle";

	@LocalServerPort
	int port;

	@Autowired
	RedisConnectionFactory connectionFactory;

	@DynamicPropertySource
	static void prefix(DynamicPropertyRegistry registry) {
		registry.add("eventbus.topic-prefix", () -> PREFIX);
	}

	@AfterEach
	void deleteStreams() {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.keyCommands().del(bytes(STREAM), bytes(PREFIX + "-course-catalog-info-changed"));
		}
	}

	@Test
	void postingAnEnrollmentAddsAnEntryWithTheEdxEventBusRedisFieldsToThePrefixedStream() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/enrollments"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"carol\", \"email\": \"carol@example.com\", "
						+ "\"courseKey\": \"course-v1:edX+DemoX+2026_T1\", \"mode\": \"audit\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(202);
		String id = JsonMapper.builder().build().readTree(response.body()).get("id").asString();

		List<ByteRecord> entries = await().until(this::entries, (records) -> !records.isEmpty());
		assertThat(entries).hasSize(1);
		Map<String, byte[]> fields = new LinkedHashMap<>();
		entries.get(0).getValue().forEach((name, value) -> fields.put(text(name), value));
		assertThat(fields).containsOnlyKeys("type", "id", "source", "time", "minorversion", "sourcehost", "sourcelib",
				"event_data");
		assertThat(text(fields.get("type"))).isEqualTo("org.openedx.learning.course.enrollment.created.v1");
		assertThat(text(fields.get("id"))).isEqualTo(id);
		assertThat(text(fields.get("source"))).isEqualTo("openedx/lms/web");
		// Redis carries the plain Avro binary: no magic byte, no schema id.
		CourseEnrollmentData data = new AvroEventCodec().decode(LearningEvents.COURSE_ENROLLMENT_CREATED,
				fields.get("event_data"));
		assertThat(data.user().pii().username()).isEqualTo("carol");
		assertThat(data.course().courseKey().toString()).isEqualTo("course-v1:edX+DemoX+2026_T1");
	}

	private List<ByteRecord> entries() {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			return connection.streamCommands().xRange(bytes(STREAM), Range.unbounded());
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
