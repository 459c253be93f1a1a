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

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} against the configuration metadata that the build generates from the properties
 * classes ({@code META-INF/spring-configuration-metadata.json} of the library and of the development services): a new
 * property that is not documented, or a documented one that no longer exists, fails the build.
 */
class ConfigurationReferenceTests {

	/** The first cell of a table row: where the reference describes a property. */
	private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `(eventbus\\.[a-z0-9.<>\\[\\]-]+)` \\|");

	@Test
	void everyEventbusPropertyOfTheGeneratedMetadataIsInTheConfigurationReference() throws Exception {
		Set<String> documented = documentedProperties();
		List<String> missing = metadataProperties().stream().filter((name) -> !documented.contains(name)).toList();
		assertThat(missing).as("eventbus.* properties of the generated configuration metadata that "
				+ "docs/configuration.md does not describe (add a table row with the name in backticks)").isEmpty();
	}

	@Test
	void everyPropertyTheReferenceNamesExists() throws Exception {
		Set<String> properties = new TreeSet<>(metadataProperties());
		properties.addAll(metadataNames("groups"));
		List<String> maps = List.of("eventbus.producer.events.", "eventbus.consumer.workers.");
		List<String> unknown = documentedProperties().stream()
			.filter((name) -> !properties.contains(name) && maps.stream().noneMatch(name::startsWith))
			.toList();
		assertThat(unknown).as("names in docs/configuration.md that are not eventbus.* properties or groups").isEmpty();
	}

	@Test
	void theMetadataOfTheLibraryAndOfTheDevelopmentServicesAndTheReferencesTablesAreRead() throws Exception {
		assertThat(metadataProperties()).contains("eventbus.transport", "eventbus.producer.events",
				"eventbus.consumer.workers", "eventbus.dev-services.enabled", "eventbus.dev-services.state-file");
		assertThat(documentedProperties()).contains("eventbus.transport", "eventbus.consumer.workers.<name>.topic",
				"eventbus.dev-services.state-file");
	}

	private static Set<String> documentedProperties() throws Exception {
		String reference = Files.readString(SampleProcess.ROOT.resolve("docs/configuration.md"),
				StandardCharsets.UTF_8);
		Set<String> names = new TreeSet<>();
		Matcher matcher = DOCUMENTED.matcher(reference);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	static Set<String> metadataProperties() throws Exception {
		return metadataNames("properties");
	}

	private static Set<String> metadataNames(String kind) throws Exception {
		Set<String> names = new TreeSet<>();
		List<URL> files = new ArrayList<>();
		Enumeration<URL> resources = ConfigurationReferenceTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		resources.asIterator().forEachRemaining(files::add);
		for (URL file : files) {
			try (InputStream in = file.openStream()) {
				for (JsonNode property : HttpJson.json.readTree(in).path(kind)) {
					String name = property.path("name").asText();
					if (name.startsWith("eventbus.")) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

}
