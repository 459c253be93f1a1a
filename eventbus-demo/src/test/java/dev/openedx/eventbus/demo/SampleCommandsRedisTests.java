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

package dev.openedx.eventbus.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python-parity commands of the packaged samples on Redis Streams: the transport and the connection URL on the
 * command line are all they need. Against the build's redis-server, on a stream no other test uses.
 */
class SampleCommandsRedisTests {

	private static final String REDIS_URL = "redis://127.0.0.1:6379";

	private final String stream = "commands-redis-" + UUID.randomUUID();

	@TempDir
	Path directory;

	@AfterEach
	void deleteStream() {
		RedisClient client = RedisClient.create(REDIS_URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().del(this.stream, this.stream + "-dlq");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void produceEventAndConsumeEventsNeedOnlyTheTransportAndTheRedisUrl() throws Exception {
		JsonNode vector = SampleCommandsTests.vector(SampleCommandsTests.ENROLLMENT_CREATED);

		SampleProcess producer = SampleProcess.start("sample-producer-app", this.directory, "produce-event", "-s",
				SampleCommandsTests.ENROLLMENT_CREATED, "-t", this.stream, "-d", vector.get("data").toString(),
				"--count", "2", "--eventbus.transport=redis", "--spring.data.redis.url=" + REDIS_URL);
		SampleProcess consumer = SampleProcess.start("sample-consumer-app", this.directory, "consume-events", "-t",
				this.stream, "-g", "commands-test", "--max-events", "2", "--output", "-", "--extra",
				"{\"consumer_name\": \"commands-test-1\"}", "--eventbus.transport=redis",
				"--spring.data.redis.url=" + REDIS_URL);

		assertThat(producer.waitFor(SampleCommandsTests.TIMEOUT)).as(producer.stderr()).isZero();
		List<JsonNode> sent = producer.jsonLines();
		assertThat(consumer.waitFor(SampleCommandsTests.TIMEOUT)).as(consumer.stderr()).isZero();
		List<JsonNode> received = consumer.jsonLines();
		assertThat(sent).hasSize(2);
		assertThat(received).hasSize(2);
		for (int i = 0; i < 2; i++) {
			assertThat(received.get(i).get("metadata")).isEqualTo(sent.get(i).get("metadata"));
			assertThat(received.get(i).get("data")).isEqualTo(vector.get("data"));
		}
	}

}
