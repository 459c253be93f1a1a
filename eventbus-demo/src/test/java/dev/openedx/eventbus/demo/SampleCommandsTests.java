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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python-parity commands, run as Python operators run theirs: {@code java -jar} on the packaged samples, against
 * a real in-process KRaft broker and schema registry (one for the class), checking exit statuses and the JSON lines on
 * standard output.
 */
class SampleCommandsTests {

	static final String ENROLLMENT_CREATED = "org.openedx.learning.course.enrollment.created.v1";

	static final Duration TIMEOUT = Duration.ofSeconds(120);

	private static EmbeddedKafkaBroker broker;

	private static InMemorySchemaRegistry registry;

	@TempDir
	Path directory;

	@BeforeAll
	static void startBroker() {
		broker = EmbeddedKafkaBroker.start(1);
		registry = new InMemorySchemaRegistry();
	}

	@AfterAll
	static void stopBroker() {
		registry.close();
		broker.close();
	}

	@Test
	void eventsSentByProduceEventArePrintedByConsumeEventsAndBothExitZero() throws Exception {
		String topic = "commands-" + UUID.randomUUID();
		JsonNode vector = vector(ENROLLMENT_CREATED);
		Path data = this.directory.resolve("enrollment.json");
		Files.writeString(data, vector.get("data").toString(), StandardCharsets.UTF_8);

		SampleProcess consumer = SampleProcess.start("sample-consumer-app", this.directory, kafka("consume-events",
				"-t", topic, "-g", "commands-test", "--max-events", "2", "--output", "-"));
		SampleProcess producer = SampleProcess.start("sample-producer-app", this.directory, kafka("produce-event",
				"-s", ENROLLMENT_CREATED, "-t", topic, "-k", "enrollment.course.course_key", "-d", "@" + data,
				"--count", "2"));

		assertThat(producer.waitFor(TIMEOUT)).as(producer.stderr()).isZero();
		List<JsonNode> sent = producer.jsonLines();
		assertThat(sent).hasSize(2);
		assertThat(consumer.waitFor(TIMEOUT)).as(consumer.stderr()).isZero();
		List<JsonNode> received = consumer.jsonLines();
		assertThat(received).hasSize(2);
		for (int i = 0; i < 2; i++) {
			assertThat(received.get(i).get("metadata")).isEqualTo(sent.get(i).get("metadata"));
			assertThat(received.get(i).get("data")).isEqualTo(vector.get("data"));
		}
		assertThat(sent.get(0).get("metadata").get("id")).isNotEqualTo(sent.get(1).get("metadata").get("id"));
		assertThat(sent.get(0).get("metadata").get("source").asText()).isEqualTo("openedx/lms/web");
		assertThat(registry.subjects()).contains(topic + "-string",
				topic + "-" + ENROLLMENT_CREATED + ".CloudEvent");
	}

	@Test
	void consumeEventsExitsOneWhenTheConsecutiveErrorsLimitStopsItWherePythonWouldExitZero() throws Exception {
		String topic = "commands-errors-" + UUID.randomUUID();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", broker.bootstrapServers()), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			for (int i = 0; i < 2; i++) {
				ProducerRecord<byte[], byte[]> garbage = new ProducerRecord<>(topic, null, bytes("not an event " + i));
				garbage.headers().add("ce_type", bytes(ENROLLMENT_CREATED));
				garbage.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
				producer.send(garbage).get();
			}
		}

		SampleProcess consumer = SampleProcess.start("sample-consumer-app", this.directory, kafka("consume-events",
				"-t", topic, "-g", "commands-errors", "--output", "-",
				"--eventbus.consumer.consecutive-errors-limit=2", "--eventbus.consumer.failure-policy=log-and-skip"));

		assertThat(consumer.waitFor(TIMEOUT)).as(consumer.stderr()).isEqualTo(1);
		assertThat(consumer.stdoutLines()).isEmpty();
		assertThat(consumer.stderr()).contains("undecodable_value");
	}

	@Test
	void optionsThatAreWrongByThemselvesExitTwoBeforeSpringStarts() {
		SampleProcess producer = SampleProcess.start("sample-producer-app", this.directory, "produce-event", "-s",
				ENROLLMENT_CREATED, "-t", "enrollments", "-k", "enrollment.course.course_key", "-d",
				"@" + this.directory.resolve("missing.json"));
		SampleProcess consumer = SampleProcess.start("sample-consumer-app", this.directory, "consume-events", "-t",
				"enrollments", "-g", "catalog", "--extra", "{\"offset_time\": \"2023-01-08T06:46:22\"}");

		assertThat(producer.waitFor(TIMEOUT)).as(producer.stderr()).isEqualTo(2);
		assertThat(producer.stderr()).contains("Error: Cannot read --data file")
			.contains("Usage: java -jar app.jar produce-event");
		assertThat(consumer.waitFor(TIMEOUT)).as(consumer.stderr()).isEqualTo(2);
		assertThat(consumer.stderr()).contains("Error: --extra offset_time '2023-01-08T06:46:22' has no UTC offset")
			.contains("Usage: java -jar app.jar consume-events");
		for (SampleProcess process : List.of(producer, consumer)) {
			assertThat(process.stdoutLines()).isEmpty();
			// Nothing of Spring ran: no banner, no start-up log, no broker.
			assertThat(process.stderr()).doesNotContain(":: Spring Boot ::")
				.doesNotContain("Starting ")
				.doesNotContain(" INFO ");
		}
	}

	@Test
	void generateAvroSchemasWritesTheSchemaOfEveryBusEventTypeWithoutAnyBrokerSettings() throws Exception {
		Path output = this.directory.resolve("schemas");
		Files.createDirectories(output);

		SampleProcess generator = SampleProcess.start("sample-consumer-app", this.directory, "generate-avro-schemas",
				"--all", "--output", output.toString());

		assertThat(generator.waitFor(TIMEOUT)).as(generator.stderr()).isZero();
		try (Stream<Path> files = Files.list(output)) {
			assertThat(files.filter((file) -> file.toString().endsWith("_schema.avsc"))).hasSize(72);
		}
		String name = "org+openedx+learning+course+enrollment+created+v1_schema.avsc";
		Path reference = Path.of(System.getProperty("eventbus.shared.dir"), "spec", "schemas", name);
		assertThat(new Schema.Parser().parse(output.resolve(name).toFile()))
			.isEqualTo(new Schema.Parser().parse(reference.toFile()));
	}

	@Test
	void aWrongCommandLineExitsTwoWithTheCommandsUsage() {
		SampleProcess consumer = SampleProcess.start("sample-consumer-app", this.directory, "consume-events", "-t",
				"enrollments");

		assertThat(consumer.waitFor(TIMEOUT)).isEqualTo(2);
		assertThat(consumer.stderr()).contains("--group-id")
			.contains("Usage: java -jar app.jar consume-events -t TOPIC -g GROUP");
		assertThat(consumer.stdoutLines()).isEmpty();
	}

	private static String[] kafka(String... arguments) {
		return Stream.concat(Stream.of(arguments),
				Stream.of("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
						"--eventbus.kafka.schema-registry.url=" + registry.url()))
			.toArray(String[]::new);
	}

	static JsonNode vector(String eventType) throws Exception {
		return HttpJson.json.readTree(Path.of(System.getProperty("eventbus.shared.dir"), "spec", "vectors",
				eventType + ".json").toFile());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
