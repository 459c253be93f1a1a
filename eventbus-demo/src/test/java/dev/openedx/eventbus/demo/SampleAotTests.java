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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples went through Spring Boot's AOT processing in the build ({@code process-aot}): the native-image
 * metadata it wrote holds the event bus's hints (the listener methods, the catalog's records, the opaque key
 * factories), and the AOT-processed consumer starts and runs its workers on the JVM with
 * {@code -Dspring.aot.enabled=true}. (A GraalVM native build is not possible on this machine.)
 */
class SampleAotTests {

	@Test
	void theConsumersReachabilityMetadataDeclaresItsListenersAndTheirData() throws IOException {
		JsonNode metadata = HttpJson.json.readTree(reachabilityMetadata("sample-consumer-app").toFile());

		assertThat(reflected(metadata, "dev.openedx.eventbus.sample.consumer.CatalogListeners").toString())
			.contains("onEnrollmentCreated", "onCatalogInfoChanged");
		assertThat(reflected(metadata, "dev.openedx.eventbus.catalog.learning.CourseEnrollmentData")).isNotNull();
		assertThat(reflected(metadata, "dev.openedx.eventbus.event.key.CourseKey").toString()).contains("\"of\"");
	}

	@Test
	void theAotProcessedConsumerStartsAndRunsItsWorkers(@TempDir Path directory) throws Exception {
		SampleService consumer = SampleService.start("catalog", SampleService.jar(SampleProcess.ROOT,
				"sample-consumer-app"), List.of("-Dspring.aot.enabled=true"), List.of("--spring.profiles.active=dev",
				"--eventbus.dev-services.state-file=" + directory.resolve("dev-services.properties")),
				directory.resolve("consumer.log"));
		try {
			HttpJson http = new HttpJson();
			consumer.awaitHealthy(http, Duration.ofSeconds(90));
			JsonNode workers = http.get(URI.create("http://localhost:" + consumer.port()
					+ "/actuator/health/eventbus/workers"));
			assertThat(workers.toString()).contains("enrollments", "catalog-info", "RUNNING");
			assertThat(Files.readString(directory.resolve("consumer.log"), StandardCharsets.UTF_8))
				.contains("Starting AOT-processed ConsumerApplication");
		}
		finally {
			consumer.stop(Duration.ofSeconds(30));
		}
	}

	private static Path reachabilityMetadata(String module) throws IOException {
		Path dir = SampleProcess.ROOT.resolve(module).resolve("target/spring-aot/main/resources/META-INF/native-image");
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.getFileName().toString().equals("reachability-metadata.json"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No reachability-metadata.json under " + dir
						+ ": the sample's process-aot did not run"));
		}
	}

	private static JsonNode reflected(JsonNode metadata, String type) {
		for (JsonNode entry : metadata.path("reflection")) {
			if (type.equals(entry.path("type").asText())) {
				return entry;
			}
		}
		throw new AssertionError("The AOT metadata declares no reflection on " + type);
	}

}
