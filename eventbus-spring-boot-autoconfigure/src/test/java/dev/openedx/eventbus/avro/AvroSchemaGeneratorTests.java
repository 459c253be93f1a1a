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

package dev.openedx.eventbus.avro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventType;

import static org.assertj.core.api.Assertions.assertThat;

class AvroSchemaGeneratorTests {

	private final AvroSchemaGenerator generator = new AvroSchemaGenerator();

	static List<EventType<?>> busCapableCatalogTypes() {
		return OpenEdxCatalog.busCapable();
	}

	@Test
	void theCatalogHasTheSeventyTwoBusCapableTypesWithReferenceSchemas() {
		assertThat(busCapableCatalogTypes()).hasSize(72);
	}

	@ParameterizedTest
	@MethodSource("busCapableCatalogTypes")
	void generatedTextEqualsTheReferenceFileText(EventType<?> type) throws IOException {
		assertThat(this.generator.schemaText(type)).isEqualTo(referenceText(type));
	}

	@Test
	void fileNameReplacesDotsWithPlus() {
		assertThat(AvroSchemaGenerator.fileName(LearningEvents.COURSE_ENROLLMENT_CREATED))
			.isEqualTo("org+openedx+learning+course+enrollment+created+v1_schema.avsc");
	}

	@Test
	void writeCreatesTheDirectoryAndTheFile(@TempDir Path dir) throws IOException {
		Path file = this.generator.write(LearningEvents.COURSE_PASSING_STATUS_UPDATED, dir.resolve("out"));
		assertThat(file).hasFileName("org+openedx+learning+course+passing+status+updated+v1_schema.avsc");
		assertThat(Files.readString(file)).isEqualTo(referenceText(LearningEvents.COURSE_PASSING_STATUS_UPDATED));
	}

	@Test
	void emptyRecordIsWrittenAsPythonWritesIt() {
		EventType<Empty> type = EventType.of("org.acme.empty.v1", "empty", Empty.class);
		assertThat(this.generator.schemaText(type)).isEqualTo("""
				{
				  "name": "CloudEvent",
				  "type": "record",
				  "doc": "Avro Event Format for CloudEvents created with openedx_events/schema",
				  "fields": [
				    {
				      "name": "empty",
				      "type": {
				        "name": "Empty",
				        "type": "record",
				        "fields": []
				      }
				    }
				  ],
				  "namespace": "org.acme.empty.v1"
				}""");
	}

	static String referenceText(EventType<?> type) throws IOException {
		return ReferenceSchemas.text(type);
	}

	record Empty() {
	}

}
