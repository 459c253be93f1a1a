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

package dev.openedx.eventbus.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openedx.eventbus.avro.AvroSchemaGenerator;
import dev.openedx.eventbus.avro.ReferenceSchemas;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventType;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateAvroSchemasCommandTests {

	private final GenerateAvroSchemasCommand command = new GenerateAvroSchemasCommand();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path dir;

	@Test
	void namedEventTypesAreWrittenAsTheReferenceFiles() throws IOException {
		int status = run(GenerateAvroSchemasCommand.NAME, "org.openedx.learning.course.enrollment.created.v1",
				"org.openedx.content_authoring.xblock.published.v1", "--output", this.dir.toString());
		assertThat(status).isZero();
		assertThat(files()).containsExactly("org+openedx+content_authoring+xblock+published+v1_schema.avsc",
				"org+openedx+learning+course+enrollment+created+v1_schema.avsc");
		for (EventType<?> type : List.of(LearningEvents.COURSE_ENROLLMENT_CREATED,
				ContentAuthoringEvents.XBLOCK_PUBLISHED)) {
			assertThat(Files.readString(this.dir.resolve(AvroSchemaGenerator.fileName(type))))
				.isEqualTo(ReferenceSchemas.text(type));
		}
		assertThat(text(this.out)).contains("2 schema file(s) written");
	}

	@Test
	void allWritesEveryBusCapableTypeAsTheReferenceFilesAndSaysWhichItSkips() throws IOException {
		int status = run("--all", "--output=" + this.dir);
		assertThat(status).isZero();
		assertThat(files()).hasSize(72);
		for (EventType<?> type : OpenEdxCatalog.busCapable()) {
			assertThat(Files.readString(this.dir.resolve(AvroSchemaGenerator.fileName(type)))).as(type.type())
				.isEqualTo(ReferenceSchemas.text(type));
		}
		for (EventType<?> type : OpenEdxCatalog.all()) {
			if (!type.busCapable()) {
				assertThat(text(this.out)).contains("Skipping " + type.type() + ": it cannot travel on the event bus");
			}
		}
		assertThat(text(this.out)).contains("72 schema file(s) written");
	}

	@Test
	void unknownEventTypeFailsWithAClearMessageAndWritesNothing() throws IOException {
		int status = run("org.openedx.learning.course.enrollment.created.v1", "org.acme.nope.v1", "--output",
				this.dir.toString());
		assertThat(status).isEqualTo(GenerateAvroSchemasCommand.FAILED);
		assertThat(text(this.err)).contains("unknown event type 'org.acme.nope.v1'").contains("nothing written");
		assertThat(files()).isEmpty();
	}

	@Test
	void namedUnserializableEventTypeFails() throws IOException {
		String type = ContentAuthoringEvents.COURSE_CERTIFICATE_CONFIG_CHANGED.type();
		int status = run(type, "--output", this.dir.toString());
		assertThat(status).isEqualTo(GenerateAvroSchemasCommand.FAILED);
		assertThat(text(this.err)).contains(type + " cannot travel on the event bus");
		assertThat(files()).isEmpty();
	}

	@Test
	void existingFilesAreKeptUnlessOverwriteIsGiven() throws IOException {
		Path file = this.dir.resolve(AvroSchemaGenerator.fileName(ContentAuthoringEvents.XBLOCK_CREATED));
		Files.writeString(file, "hand edited");
		assertThat(run(ContentAuthoringEvents.XBLOCK_CREATED.type(), "--output", this.dir.toString())).isZero();
		assertThat(Files.readString(file)).isEqualTo("hand edited");
		assertThat(text(this.out)).contains("Keeping existing");
		assertThat(run(ContentAuthoringEvents.XBLOCK_CREATED.type(), "--output", this.dir.toString(), "--overwrite")).isZero();
		assertThat(Files.readString(file))
			.isEqualTo(ReferenceSchemas.text(ContentAuthoringEvents.XBLOCK_CREATED));
	}

	@Test
	void badArgumentsPrintUsage() {
		assertThat(run()).isEqualTo(GenerateAvroSchemasCommand.USAGE);
		assertThat(run("--all", "org.openedx.learning.course.enrollment.created.v1"))
			.isEqualTo(GenerateAvroSchemasCommand.USAGE);
		assertThat(run("--all", "--output")).isEqualTo(GenerateAvroSchemasCommand.USAGE);
		assertThat(run("--frobnicate")).isEqualTo(GenerateAvroSchemasCommand.USAGE);
		assertThat(text(this.err)).contains("unknown option '--frobnicate'")
			.contains("Usage: generate-avro-schemas <event_type>...");
	}

	private int run(String... args) {
		return this.command.run(List.of(args), OpenEdxCatalog.catalog(),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private List<String> files() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
