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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, through the same code path ({@link Demo#run}) on the packaged samples: in CI this is
 * the proof that the demo works from a clean clone. The report is also printed to this test's output.
 */
class DemoTests {

	@Test
	void theDemoRunsBothSamplesOnTheDevelopmentServicesDeliversEveryEventAndStopsThem() {
		String report = demo(0, "--root", SampleProcess.ROOT.toString(), "--enrollments", "6");

		assertThat(report).contains("over Kafka on the development services")
			.contains("run inside")
			.contains("alice, carol, erin")
			.contains("bob, dave, frank")
			.contains("Done in")
			.contains("8 events went from lms to catalog, nothing was lost.");
		assertThat(report.lines().filter((line) -> line.contains("POST /enrollments"))).hasSize(6);
		assertThat(report.lines().filter((line) -> line.matches(" +\\d+  POST .* \\d+\\.\\d ms( +\\*)?"))).hasSize(8);
		assertThat(report).containsPattern("lms +http.server.requests\\{method=POST} +count +0 +8")
			.containsPattern("lms +eventbus.producer.events\\{outcome=success} +count +0 +8")
			.containsPattern("catalog +eventbus.consumer.events\\{outcome=success} +count +0 +8")
			.containsPattern("catalog: UP \\(broker UP, schemaRegistry UP, worker catalog-info \\w+, "
					+ "worker enrollments \\w+\\)");
		assertThat(report).contains("stopped gracefully");
		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void theDemoRunsOnRedisAndDeletesItsStreamsAfterwards() {
		String report = demo(0, "--root", SampleProcess.ROOT.toString(), "--transport", "redis", "--enrollments",
				"3");

		assertThat(report).contains("over Redis Streams at redis://127.0.0.1:6379")
			.contains("5 events went from lms to catalog, nothing was lost.")
			.containsPattern("catalog: UP \\(broker UP, worker catalog-info \\w+, worker enrollments \\w+\\)");
		Matcher prefix = Pattern.compile("streams prefixed (\\S+)-,").matcher(report);
		assertThat(prefix.find()).as(report).isTrue();
		RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			List<String> left = connection.sync().keys(prefix.group(1) + "-*");
			assertThat(left).isEmpty();
		}
		finally {
			client.shutdown();
		}
		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void anUnknownTransportExitsTwoWithTheUsage() {
		String report = demo(2, "--root", SampleProcess.ROOT.toString(), "--transport", "rabbitmq");

		assertThat(report).contains("--transport must be kafka or redis, was rabbitmq").contains("Usage:");
	}

	private static String demo(int expectedStatus, String... args) {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		int status = Demo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), args);
		String report = buffer.toString(StandardCharsets.UTF_8);
		System.out.println(report);
		assertThat(status).as(report).isEqualTo(expectedStatus);
		return report;
	}

}
