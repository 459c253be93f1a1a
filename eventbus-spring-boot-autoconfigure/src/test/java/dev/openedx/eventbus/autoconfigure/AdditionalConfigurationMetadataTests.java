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
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.EventType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;

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
		assertThat(names(additional.get("hints"))).containsExactly("eventbus.transport", "eventbus.producer.events.keys");
		assertThat(additional.get("hints").get(0).get("values")).extracting((value) -> value.get("value").asText())
			.containsExactly("kafka", "redis");
	}

	@Test
	void theEventTypesOfTheProducerRoutesAreCompletedFromTheCatalog() throws Exception {
		JsonNode hint = hint(read("META-INF/spring-configuration-metadata.json"), "eventbus.producer.events.keys");
		List<String> values = new ArrayList<>();
		hint.get("values").forEach((value) -> values.add(value.get("value").asText()));
		List<String> busCapable = OpenEdxCatalog.all()
			.stream()
			.filter(EventType::busCapable)
			.map(EventType::type)
			.sorted()
			.toList();
		assertThat(values).as("the hint lists every event type of the catalog that can travel on the bus; add the "
				+ "missing ones to additional-spring-configuration-metadata.json").isEqualTo(busCapable);
		// An application's own event types are valid keys too.
		assertThat(hint.get("providers").get(0).get("name").asText()).isEqualTo("any");
	}

	@Test
	void theMapsOfWorkersAndRoutesNameTheirValueTypesForTheNestedKeys() throws Exception {
		JsonNode metadata = read("META-INF/spring-configuration-metadata.json");
		assertThat(property(metadata, "eventbus.consumer.workers").get("type").asText())
			.isEqualTo("java.util.Map<java.lang.String," + EventBusProperties.Worker.class.getName() + ">");
		assertThat(property(metadata, "eventbus.producer.events").get("type").asText()).isEqualTo(
				"java.util.Map<java.lang.String,java.util.Map<java.lang.String," + EventBusProperties.Route.class
					.getName() + ">>");
		assertThat(BeanUtils.getPropertyDescriptors(EventBusProperties.Worker.class)).extracting("name")
			.contains("topic", "groupId", "eventTypes", "consecutiveErrorsLimit", "startPosition", "replayFrom");
		assertThat(BeanUtils.getPropertyDescriptors(EventBusProperties.Route.class)).extracting("name")
			.contains("eventKeyField", "enabled");
	}

	private static JsonNode hint(JsonNode metadata, String name) {
		for (JsonNode hint : metadata.get("hints")) {
			if (hint.get("name").asText().equals(name)) {
				return hint;
			}
		}
		throw new AssertionError("No hint " + name);
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asText().equals(name)) {
				return property;
			}
		}
		throw new AssertionError("No property " + name);
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
