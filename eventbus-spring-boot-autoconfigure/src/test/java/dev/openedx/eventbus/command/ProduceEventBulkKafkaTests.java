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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code produce-event} in bulk on a real broker (in-process KRaft, 3 partitions) and registry: thousands of events
 * from a JSON-lines file or standard input, all on the topic, in input order within each partition (so per key), and
 * failed lines reported with their number while the others are sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProduceEventBulkKafkaTests {

	static final int EVENTS = 5_000;

	@KafkaBroker(partitions = 3)
	private static EmbeddedKafkaBroker broker;

	@SchemaRegistry
	private static InMemorySchemaRegistry registry;

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	private final EventJson json = new EventJson(OpenEdxCatalog.catalog());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusAutoConfiguration.class))
		.withPropertyValues("eventbus.service-name=studio", "eventbus.audit-logging.enabled=false",
				"spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
				"eventbus.kafka.schema-registry.url=" + registry.url());

	@Test
	void sendsEveryDataLineOfAFileInOrderPerPartition(@TempDir Path directory) throws Exception {
		String topic = "bulk-file-" + UUID.randomUUID();
		Path file = Files.write(directory.resolve("events.jsonl"), BulkLines.dataLines(EVENTS));
		int status = run(InputStream.nullInputStream(), "-t", topic, "-d", "@" + file);
		assertThat(status).isZero();
		List<String> printed = printedIds();
		assertThat(printed).hasSize(EVENTS).doesNotHaveDuplicates();
		assertThat(BulkLines.usageKeys(this.json, lines())).containsExactlyElementsOf(BulkLines.usageKeys(EVENTS));
		assertInInputOrderPerPartition(readTopic(topic, EVENTS), printed);
	}

	@Test
	void sendsEveryWholeEventLineFromStandardInputWithItsMetadata() throws Exception {
		String topic = "bulk-stdin-" + UUID.randomUUID();
		List<OpenEdxEvent<?>> events = BulkLines.events(EVENTS);
		byte[] input = BulkLines.wholeEventLines(this.json, events);
		int status = run(new ByteArrayInputStream(input), "-t", topic, "-d", "-");
		assertThat(status).isZero();
		List<String> ids = events.stream().map((event) -> event.metadata().id().toString()).toList();
		assertThat(printedIds()).containsExactlyElementsOf(ids);
		assertInInputOrderPerPartition(readTopic(topic, EVENTS), ids);
	}

	@Test
	void reportsEachFailedLineWithItsNumberSendsTheOthersAndExitsWithOne(@TempDir Path directory,
			CapturedOutput output) throws Exception {
		String topic = "bulk-failures-" + UUID.randomUUID();
		List<String> lines = new ArrayList<>(BulkLines.dataLines(1_000));
		lines.set(16, BulkLines.unknownEventTypeLine());
		lines.set(299, "{\"xblock_info\": {\"usage_key\": ");
		// Larger than max.request.size: the client refuses this one event.
		lines.set(499, BulkLines.dataLine(499, "x".repeat(3_000)));
		Path file = Files.write(directory.resolve("events.jsonl"), lines);
		ApplicationContextRunner small = this.contextRunner
			.withPropertyValues("spring.kafka.producer.properties.max.request.size=2000");
		int status = run(small, InputStream.nullInputStream(), "-t", topic, "-d", "@" + file);
		assertThat(status).isEqualTo(1);
		assertThat(output.getOut() + output.getErr()).contains("Line 17 is not a valid event, not sent to " + topic)
			.contains("org.acme.unknown.v1")
			.contains("Line 300 is not a valid event")
			.containsPattern("line 500: could not send org\\.openedx\\.content_authoring\\.xblock\\.published\\.v1 "
					+ "id=[0-9a-f-]{36} to " + topic)
			.contains("Sent 997 of 1000 events");
		assertThat(printedIds()).hasSize(997);
		assertThat(readTopic(topic, 997)).hasSize(997);
	}

	private int run(InputStream stdin, String... args) {
		return run(this.contextRunner, stdin, args);
	}

	private int run(ApplicationContextRunner runner, InputStream stdin, String... args) {
		List<String> all = new ArrayList<>(List.of("produce-event", "-s", BulkLines.TYPE.type(), "-k",
				"xblock_info.block_type"));
		all.addAll(List.of(args));
		int[] status = new int[1];
		runner
			.withBean(EventBusCommandLine.class,
					() -> EventBusCommandLine
						.parse(all.toArray(String[]::new), stdin,
								new PrintStream(this.stdout, true, StandardCharsets.UTF_8))
						.orElseThrow())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				status[0] = context.getBean(EventBusCommandRunner.class).runCommand();
			});
		return status[0];
	}

	private List<String> lines() {
		String text = this.stdout.toString(StandardCharsets.UTF_8);
		return text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

	private List<String> printedIds() {
		return lines().stream().map((line) -> this.json.fromJson(line).metadata().id().toString()).toList();
	}

	/** Within each partition, the events are in the order of the input. */
	private static void assertInInputOrderPerPartition(List<ConsumerRecord<byte[], byte[]>> records,
			List<String> inputOrder) {
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < inputOrder.size(); i++) {
			position.put(inputOrder.get(i), i);
		}
		assertThat(records).hasSize(inputOrder.size());
		Map<Integer, Integer> last = new HashMap<>();
		for (ConsumerRecord<byte[], byte[]> record : records) {
			String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
			Integer at = position.get(id);
			assertThat(at).as("event %s on the topic was in the input", id).isNotNull();
			Integer previous = last.put(record.partition(), at);
			assertThat(previous == null || previous < at)
				.as("partition %d: event at input position %d after %d", record.partition(), at, previous)
				.isTrue();
		}
		assertThat(last).as("events spread over the partitions").hasSizeGreaterThan(1);
	}

	private static List<ConsumerRecord<byte[], byte[]>> readTopic(String topic, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
			// One more poll: nothing beyond what was expected.
			consumer.poll(Duration.ofMillis(500)).forEach(records::add);
		}
		return records;
	}

}
