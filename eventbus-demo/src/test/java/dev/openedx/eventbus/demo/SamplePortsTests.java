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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ports the samples listen on stay clear of the ones a developer's local Kafka set-up takes, and the guide's
 * commands use the ports the samples really have.
 */
class SamplePortsTests {

	/** Schema registry, REST proxy, Kafka Connect, ksqlDB, Control Center, Kafka, ZooKeeper. */
	private static final Set<Integer> KAFKA_TOOLING = Set.of(8081, 8082, 8083, 8088, 9021, 9092, 2181);

	@Test
	void theSamplesListenOnTheirOwnPortsClearOfTheUsualKafkaOnes() throws Exception {
		int lms = port("sample-producer-app");
		int catalog = port("sample-consumer-app");

		assertThat(lms).isNotEqualTo(catalog).isNotIn(KAFKA_TOOLING);
		assertThat(catalog).isNotIn(KAFKA_TOOLING);
	}

	@Test
	void theGettingStartedCommandsCallTheSamplesOnTheirPorts() throws Exception {
		String guide = Files.readString(SampleProcess.ROOT.resolve("docs/getting-started.md"), StandardCharsets.UTF_8);
		int found = 0;
		// The blocks that start the samples (the guide's own service has a block of its own).
		for (String block : guide.split("```")) {
			if (!block.contains("sample-producer-app") || !block.contains("sample-consumer-app")) {
				continue;
			}
			Matcher calls = Pattern.compile("localhost:(\\d+)/(enrollments|courses)").matcher(block);
			while (calls.find()) {
				String module = calls.group(2).equals("enrollments") ? "sample-producer-app" : "sample-consumer-app";
				assertThat(Integer.parseInt(calls.group(1))).as(calls.group()).isEqualTo(port(module));
				found++;
			}
		}
		assertThat(found).as("curl commands in the guide").isGreaterThanOrEqualTo(2);
	}

	private static int port(String module) throws Exception {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
				new FileSystemResource(SampleProcess.ROOT.resolve(module).resolve("src/main/resources/application.yml")));
		return Integer.parseInt(String.valueOf(sources.get(0).getProperty("server.port")));
	}

}
