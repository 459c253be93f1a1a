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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first run of a new user, on the packaged samples as processes: the LMS-like one started in the development
 * profile starts the in-process broker and registry, the catalog-like one joins them, an enrollment goes from one to
 * the other, and both are stopped with SIGTERM. Each says in one line where the broker and registry are, and neither
 * logs an ERROR, a first-start topic warning or more than a screenful.
 */
class SampleDevServicesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	/** A screenful: more and a new user stops reading what the service says. */
	private static final int MAX_LINES = 100;

	@TempDir
	Path directory;

	private final HttpJson http = new HttpJson();

	@Test
	void aDevProfileStartAndStopOfBothSamplesIsQuietAndSaysWhereTheBrokerIs() throws Exception {
		Path stateFile = this.directory.resolve("eventbus-dev-services.properties");
		int lmsPort = freePort();
		int catalogPort = freePort();
		SampleProcess lms = SampleProcess.start("sample-producer-app", this.directory, "--spring.profiles.active=dev",
				"--server.port=" + lmsPort, "--eventbus.dev-services.state-file=" + stateFile);
		SampleProcess catalog = null;
		try {
			lms.awaitOutput("Started ProducerApplication", TIMEOUT);
			catalog = SampleProcess.start("sample-consumer-app", this.directory, "--spring.profiles.active=dev",
					"--server.port=" + catalogPort, "--eventbus.dev-services.state-file=" + stateFile);
			catalog.awaitOutput("Started ConsumerApplication", TIMEOUT);

			this.http.post(URI.create("http://localhost:" + lmsPort + "/enrollments"),
					Map.of("username", "alice", "email", "alice@example.com", "courseKey",
							"course-v1:edX+DemoX+2026_T1", "mode", "audit"));
			URI courses = URI.create("http://localhost:" + catalogPort + "/courses");
			await().atMost(TIMEOUT).until(() -> enrollments(this.http.get(courses)) == 1);

			catalog.terminate(TIMEOUT);
			lms.terminate(TIMEOUT);
		}
		finally {
			if (catalog != null) {
				catalog.kill();
			}
			lms.kill();
		}

		List<String> lmsLines = lines(lms);
		List<String> catalogLines = lines(catalog);
		System.out.println("lms (" + lmsLines.size() + " lines):\n" + String.join("\n", lmsLines));
		System.out.println("catalog (" + catalogLines.size() + " lines):\n" + String.join("\n", catalogLines));
		assertThat(lmsLines).filteredOn((line) -> line.contains("Event bus dev services ("))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(" INFO ")
				.containsPattern("started an in-process Kafka broker at localhost:\\d+ and a schema registry at "
						+ "http://127\\.0\\.0\\.1:\\d+, shared with the other services of this machine through "
						+ stateFile)
				.contains("created the topics learning-course-enrollment-lifecycle, course-catalog-info-changed"));
		assertThat(catalogLines).filteredOn((line) -> line.contains("Event bus dev services ("))
			.singleElement()
			.satisfies((line) -> assertThat(line).containsPattern("joined the Kafka broker at localhost:\\d+ and the "
					+ "schema registry at http://127\\.0\\.0\\.1:\\d+ that another service of this machine started"));
		for (List<String> log : List.of(lmsLines, catalogLines)) {
			assertThat(log).as(String.join("\n", log))
				.hasSizeLessThan(MAX_LINES)
				.noneMatch((line) -> line.contains(" ERROR ") || line.contains("Exception"))
				.noneMatch((line) -> line.contains("UNKNOWN_TOPIC_OR_PARTITION")
						|| line.contains("TOPIC_ALREADY_EXISTS"))
				.noneMatch((line) -> line.startsWith("Formatting metadata directory")
						|| line.startsWith("Bootstrap metadata"))
				.noneMatch((line) -> line.contains("Attempting to close NetworkClient that has already been closed"))
				.anyMatch((line) -> line.contains("Graceful shutdown complete"));
		}
		assertThat(stateFile).as("the owner deletes the state file when it stops").doesNotExist();
	}

	private static int enrollments(JsonNode courses) {
		int count = 0;
		for (JsonNode course : courses) {
			count += course.path("enrollmentCount").asInt();
		}
		return count;
	}

	private static List<String> lines(SampleProcess process) {
		List<String> lines = new ArrayList<>(process.stdoutLines());
		lines.addAll(process.stderr().lines().toList());
		return lines;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
