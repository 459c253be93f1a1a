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

package dev.openedx.eventbus.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdditionalConfigurationMetadataTests {

	@Test
	void generatedMetadataDescribesEveryProperty() throws Exception {
		JsonNode metadata = read("META-INF/spring-configuration-metadata.json");
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			if (!property.hasNonNull("description") || property.get("description").asText().isBlank()) {
				undescribed.add(property.get("name").asText());
			}
		}
		assertThat(undescribed).isEmpty();
		assertThat(names(metadata.get("properties"))).contains("eventbus.transport", "eventbus.producer.events",
				"eventbus.consumer.workers", "eventbus.kafka.schema-registry.url", "eventbus.redis.stream-max-len");
	}

	@Test
	void additionalMetadataHoldsOnlyHints() throws Exception {
		JsonNode additional = read("META-INF/additional-spring-configuration-metadata.json");
		assertThat(additional.has("properties")).isFalse();
		assertThat(names(additional.get("hints"))).containsExactly("eventbus.transport");
		assertThat(additional.get("hints").get(0).get("values")).extracting((value) -> value.get("value").asText())
			.containsExactly("kafka", "redis");
	}

	private static List<String> names(JsonNode nodes) {
		List<String> names = new ArrayList<>();
		nodes.forEach((node) -> names.add(node.get("name").asText()));
		return names;
	}

	/** Our copy of a resource that every Spring Boot jar has too: the one built from this module. */
	private static JsonNode read(String resource) throws Exception {
		Enumeration<URL> candidates = AdditionalConfigurationMetadataTests.class.getClassLoader()
			.getResources(resource);
		while (candidates.hasMoreElements()) {
			URL candidate = candidates.nextElement();
			try (InputStream in = candidate.openStream()) {
				JsonNode json = new ObjectMapper().readTree(in);
				if (json.toString().contains("\"eventbus.")) {
					return json;
				}
			}
		}
		throw new AssertionError("No " + resource + " of the event bus on the class path");
	}

}
