package dev.openedx.eventbus.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openedx.eventbus.avro.fixtures.FixtureEvents;
import dev.openedx.eventbus.avro.fixtures.XBlockData;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateAvroSchemasCommandTests {

	private static final EventType<XBlockData> NOT_ON_BUS = EventType.unserializable(
			"org.openedx.content_authoring.course.certificate_config.changed.v1", "certificate_config",
			XBlockData.class, "in KNOWN_UNSERIALIZABLE_SIGNALS");

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
		for (EventType<?> type : List.of(FixtureEvents.COURSE_ENROLLMENT_CREATED, FixtureEvents.XBLOCK_PUBLISHED)) {
			assertThat(Files.readString(this.dir.resolve(AvroSchemaGenerator.fileName(type))))
				.isEqualTo(AvroSchemaGeneratorTests.referenceText(type));
		}
		assertThat(text(this.out)).contains("2 schema file(s) written");
	}

	@Test
	void allWritesEveryBusCapableTypeAndSaysWhichItSkips() throws IOException {
		int status = run("--all", "--output=" + this.dir);
		assertThat(status).isZero();
		assertThat(files()).hasSize(4).doesNotContain(AvroSchemaGenerator.fileName(NOT_ON_BUS));
		assertThat(text(this.out)).contains("Skipping " + NOT_ON_BUS.type() + ": it cannot travel on the event bus");
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
		int status = run(NOT_ON_BUS.type(), "--output", this.dir.toString());
		assertThat(status).isEqualTo(GenerateAvroSchemasCommand.FAILED);
		assertThat(text(this.err)).contains(NOT_ON_BUS.type() + " cannot travel on the event bus");
		assertThat(files()).isEmpty();
	}

	@Test
	void existingFilesAreKeptUnlessOverwriteIsGiven() throws IOException {
		Path file = this.dir.resolve(AvroSchemaGenerator.fileName(FixtureEvents.XBLOCK_CREATED));
		Files.writeString(file, "hand edited");
		assertThat(run(FixtureEvents.XBLOCK_CREATED.type(), "--output", this.dir.toString())).isZero();
		assertThat(Files.readString(file)).isEqualTo("hand edited");
		assertThat(text(this.out)).contains("Keeping existing");
		assertThat(run(FixtureEvents.XBLOCK_CREATED.type(), "--output", this.dir.toString(), "--overwrite")).isZero();
		assertThat(Files.readString(file)).isEqualTo(AvroSchemaGeneratorTests.referenceText(FixtureEvents.XBLOCK_CREATED));
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
		List<EventType<?>> types = new ArrayList<>(FixtureEvents.catalog().all());
		types.add(NOT_ON_BUS);
		return this.command.run(List.of(args), EventCatalog.of(types),
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
