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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.XBlockData;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import dev.openedx.eventbus.event.key.UsageKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class EventBusCommandRunnerTests {

	private static final String TOPIC = "course-authoring-xblock-lifecycle";

	private static final String DATA = "{\"xblock_info\": {\"usage_key\": "
			+ "\"block-v1:edX+DemoX0+2026_T1+type@vertical+block@vertical_0000\", \"block_type\": \"vertical\", "
			+ "\"version\": null}}";

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class))
		.withPropertyValues("eventbus.service-name=studio");

	@Test
	void consumeEventsStopsAfterMaxEventsWithExitZeroAndOneJsonLinePerEvent() {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		List<OpenEdxEvent<XBlockData>> sent = List.of(received("a"), received("b"), received("c"));
		sent.forEach((event) -> bus.deliver(TOPIC, event));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms", "--max-events", "2", "--output", "-")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				List<String> lines = lines();
				assertThat(lines).hasSize(2);
				EventJson json = context.getBean(EventJson.class);
				assertThat(lines).map(json::fromJson)
					.extracting(OpenEdxEvent::metadata)
					.containsExactly(sent.get(0).metadata(), sent.get(1).metadata());
				assertThat(lines).map((line) -> (Object) json.fromJson(line).data())
					.containsExactly(sent.get(0).data(), sent.get(1).data());
				assertThat(bus.acknowledged()).hasSize(2);
			});
	}

	@Test
	void consumeEventsWritesEachLineBeforeTheEventIsAcknowledged() {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		List<Integer> linesAtAcknowledge = new CopyOnWriteArrayList<>();
		bus.onAcknowledge((message) -> linesAtAcknowledge.add(lines().size()));
		bus.deliver(TOPIC, received("a"));
		bus.deliver(TOPIC, received("b"));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms", "--max-events", "2", "--output", "-")
			.run((context) -> {
				runner(context).runCommand();
				assertThat(linesAtAcknowledge).containsExactly(1, 2);
			});
	}

	@Test
	void consumeEventsAppendsToAnOutputFile(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("events.jsonl");
		Files.writeString(file, "{\"earlier\": true}\n");
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		bus.deliver(TOPIC, received("a"));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms", "--max-events", "1", "--output", file.toString())
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				List<String> lines = Files.readAllLines(file);
				assertThat(lines).hasSize(2).first().isEqualTo("{\"earlier\": true}");
				assertThat(context.getBean(EventJson.class).fromJson(lines.get(1)).data())
					.isEqualTo(received("a").data());
			});
	}

	@Test
	void consumeEventsStopsWithOneAndLeavesTheEventUnacknowledgedWhenTheOutputCannotBeWritten() {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		bus.deliver(TOPIC, received("a"));
		bus.deliver(TOPIC, received("b"));
		PrintStream broken = new PrintStream(new java.io.OutputStream() {

			@Override
			public void write(int b) throws java.io.IOException {
				throw new java.io.IOException("disk full");
			}

		});
		this.contextRunner.withBean(InMemoryConsumerFactory.class, () -> bus)
			.withBean(EventBusCommandLine.class,
					() -> EventBusCommandLine
						.parse(new String[] { "consume-events", "-t", TOPIC, "-g", "cms", "--output", "-" }, broken)
						.orElseThrow())
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(1);
				assertThat(bus.acknowledged()).isEmpty();
			});
	}

	@Test
	void consumeEventsHandsEventsToTheApplicationsListeners() {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		bus.deliver(TOPIC, received("a"));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms", "--max-events", "1")
			.withBean(XBlockListener.class)
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				assertThat(context.getBean(XBlockListener.class).received).containsExactly(received("a").data());
			});
	}

	@Test
	void consumeEventsWithSelectedEventTypesSkipsTheOthers() {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		bus.deliver(TOPIC, received(ContentAuthoringEvents.XBLOCK_DELETED, "deleted"));
		bus.deliver(TOPIC, received("published"));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms", "-s", ContentAuthoringEvents.Types.XBLOCK_PUBLISHED,
				"--max-events", "1", "--output", "-")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				assertThat(lines()).singleElement().asString().contains("vertical_published");
				assertThat(bus.acknowledged()).hasSize(2);
			});
	}

	@Test
	void consumeEventsExitsWithOneWhenTheConsecutiveErrorsLimitStopsIt(CapturedOutput output) {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		bus.deliver(TOPIC, received("a"));
		bus.deliver(TOPIC, received("b"));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms", "--output", "-")
			.withBean(FailingListener.class)
			.withPropertyValues("eventbus.consumer.consecutive-errors-limit=2")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(1);
				assertThat(lines()).isEmpty();
				assertThat(output).contains("Too many consecutive errors");
			});
	}

	@Test
	void consumeEventsStopsGracefullyWhenTheApplicationStops() {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms").run((context) -> {
			EventBusCommandRunner runner = runner(context);
			CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(runner::runCommand);
			await().atMost(Duration.ofSeconds(10)).until(() -> !bus.workers().isEmpty());
			runner.stop();
			assertThat(exit.get()).isZero();
		});
	}

	@Test
	void consumeEventsPassesRedisExtraKeysToTheWorker() {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("redis");
		bus.deliver(TOPIC, received("a"));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms", "--max-events", "1", "--extra",
				"{\"consumer_name\": \"c1\", \"check_backlog\": true, \"last_read_msg_id\": \"1679676448892-0\", "
						+ "\"claim_msgs_older_than\": 60000}")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				ConsumerSettings definition = bus.definitions().get(0);
				assertThat(definition.redis().consumerName()).isEqualTo("c1");
				assertThat(definition.redis().checkBacklog()).isTrue();
				assertThat(definition.redis().lastReadMessageId()).isEqualTo("1679676448892-0");
				assertThat(definition.redis().claimMinIdle()).isEqualTo(Duration.ofMinutes(1));
				assertThat(definition.group()).isEqualTo("cms");
			});
	}

	@Test
	void consumeEventsPassesKafkaOffsetTimeAsReplayTime() {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		bus.deliver(TOPIC, received("a"));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms", "--max-events", "1", "--extra",
				"{\"offset_time\": \"2023-01-08T06:46:22+00:00\"}")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				assertThat(bus.definitions().get(0).replayFrom()).hasToString("2023-01-08T06:46:22Z");
			});
	}

	@Test
	void consumeEventsRefusesAClaimTimeNotAboveTheHandlingOfABatch(CapturedOutput output) {
		// The default batch of 10 entries without retry is reckoned at 10 s: a 1 s claim time would take them over.
		command(new InMemoryConsumerFactory("redis"), "consume-events", "-t", TOPIC, "-g", "cms", "--extra",
				"{\"claim_msgs_older_than\": 1000}")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(2);
				assertThat(output.getErr()).contains("--extra claim_msgs_older_than 1000 is not longer than the "
						+ "worst-case handling time of a batch (10000 ms");
			});
	}

	@Test
	void consumeEventsRefusesAnExtraKeyOfTheOtherTransport(CapturedOutput output) {
		command(new InMemoryConsumerFactory("kafka"), "consume-events", "-t", TOPIC, "-g", "cms", "--extra",
				"{\"check_backlog\": true}")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(2);
				assertThat(output.getErr()).contains("--extra key 'check_backlog' is for the redis transport")
					.contains("Usage: java -jar app.jar consume-events");
			});
	}

	@Test
	void consumeEventsRefusesAnUnknownEventType(CapturedOutput output) {
		command(new InMemoryConsumerFactory("kafka"), "consume-events", "-t", TOPIC, "-g", "cms", "-s", "org.acme.x.v1")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(2);
				assertThat(output.getErr()).contains("Unknown event type 'org.acme.x.v1' (-s)");
			});
	}

	@Test
	void consumeEventsExitsAtOnceWhenConsumersAreSwitchedOff(CapturedOutput output) {
		InMemoryConsumerFactory bus = new InMemoryConsumerFactory("kafka");
		bus.deliver(TOPIC, received("a"));
		command(bus, "consume-events", "-t", TOPIC, "-g", "cms")
			.withPropertyValues("eventbus.consumer.enabled=false")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				assertThat(bus.workers()).isEmpty();
				assertThat(output).contains("eventbus.consumer.enabled=false");
			});
	}

	@Test
	void consumeEventsWithoutTransportExitsWithOne() {
		this.contextRunner.withBean(EventBusCommandLine.class, () -> commandLine("consume-events", "-t", TOPIC, "-g",
				"cms"))
			.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(runner(context).runCommand()).isEqualTo(1));
	}

	@Test
	void produceEventSendsCountEventsEachWithFreshMetadataAndPrintsThem() {
		RecordingProducer producer = new RecordingProducer();
		produce(producer, "produce-event", "-s", ContentAuthoringEvents.Types.XBLOCK_PUBLISHED, "-t", TOPIC, "-k",
				"xblock_info.usage_key", "-d", DATA, "--count", "3")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				assertThat(producer.sends()).hasSize(3)
					.extracting(RecordingProducer.Send::eventKeyField)
					.containsOnly("xblock_info.usage_key");
				assertThat(producer.sends()).extracting((send) -> send.event().metadata().id()).doesNotHaveDuplicates();
				assertThat(producer.sends()).allSatisfy((send) -> assertThat(send.event().metadata().source())
					.isEqualTo("openedx/studio/web"));
				EventJson json = context.getBean(EventJson.class);
				assertThat(lines()).map(json::fromJson)
					.extracting((event) -> event.metadata().id())
					.containsExactlyElementsOf(
							producer.sends().stream().map((send) -> send.event().metadata().id()).toList());
			});
	}

	@Test
	void produceEventReadsTheDataFromAFile(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("data.json");
		Files.writeString(file, DATA);
		RecordingProducer producer = new RecordingProducer();
		produce(producer, "produce-event", "-s", ContentAuthoringEvents.Types.XBLOCK_PUBLISHED, "-t", TOPIC, "-k",
				"xblock_info.usage_key", "-d", "@" + file)
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				assertThat(producer.sends()).singleElement()
					.satisfies((send) -> assertThat(((XBlockData) send.event().data()).blockType())
						.isEqualTo("vertical"));
			});
	}

	@Test
	void produceEventExitsWithOneWhenASendFails() {
		RecordingProducer producer = new RecordingProducer();
		producer.failTopic(TOPIC, "broker down");
		produce(producer, "produce-event", "-s", ContentAuthoringEvents.Types.XBLOCK_PUBLISHED, "-t", TOPIC, "-k",
				"xblock_info.usage_key", "-d", DATA, "--count", "2")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(1);
				assertThat(lines()).isEmpty();
			});
	}

	@Test
	void produceEventNeedsAKeyFieldWithKafka(CapturedOutput output) {
		produce(new RecordingProducer(), "produce-event", "-s", ContentAuthoringEvents.Types.XBLOCK_PUBLISHED, "-t",
				TOPIC, "-d", DATA)
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(2);
				assertThat(output.getErr()).contains("--key-field (-k) is required with the kafka transport");
			});
	}

	@Test
	void produceEventRefusesAKeyFieldThatReachesNoPrimitive(CapturedOutput output) {
		produce(new RecordingProducer(), "produce-event", "-s", ContentAuthoringEvents.Types.XBLOCK_PUBLISHED, "-t",
				TOPIC, "-k", "xblock_info", "-d", DATA)
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(2);
				assertThat(output.getErr()).contains("--key-field xblock_info");
			});
	}

	@Test
	void produceEventIgnoresTheKeyFieldWithRedisAsPythonDoes() {
		RecordingProducer producer = new RecordingProducer();
		produce(producer, "produce-event", "-s", ContentAuthoringEvents.Types.XBLOCK_PUBLISHED, "-t", TOPIC, "-k",
				"None", "-d", DATA)
			.withPropertyValues("eventbus.transport=redis")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				assertThat(producer.sends()).singleElement()
					.satisfies((send) -> assertThat(send.eventKeyField()).isNull());
			});
	}

	@Test
	void produceEventRefusesDataThatDoesNotFitTheEventType(CapturedOutput output) {
		produce(new RecordingProducer(), "produce-event", "-s", ContentAuthoringEvents.Types.XBLOCK_PUBLISHED, "-t",
				TOPIC, "-k", "xblock_info.usage_key", "-d", "{\"xblock_info\": {\"block_type\": \"vertical\"}}")
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(2);
				assertThat(output.getErr()).contains("--data is not valid " + ContentAuthoringEvents.Types.XBLOCK_PUBLISHED)
					.contains("usage_key");
			});
	}

	@Test
	void produceEventRefusesAnUnknownEventType(CapturedOutput output) {
		produce(new RecordingProducer(), "produce-event", "-s", "org.acme.x.v1", "-t", TOPIC, "-d", DATA)
			.run((context) -> {
				assertThat(runner(context).runCommand()).isEqualTo(2);
				assertThat(output.getErr()).contains("Unknown event type 'org.acme.x.v1'");
			});
	}

	@Test
	void generateAvroSchemasWritesTheSchemaFiles(@TempDir Path directory) {
		this.contextRunner.withBean(EventBusCommandLine.class, () -> commandLine("generate-avro-schemas",
				ContentAuthoringEvents.Types.XBLOCK_PUBLISHED, "--output", directory.toString()))
			.run((context) -> {
				assertThat(runner(context).runCommand()).isZero();
				assertThat(directory.resolve("org+openedx+content_authoring+xblock+published+v1_schema.avsc"))
					.content()
					.contains("\"XBlockData\"");
			});
	}

	@Test
	void generateAvroSchemasExitsWithOneForAnUnknownEventType(@TempDir Path directory) {
		this.contextRunner.withBean(EventBusCommandLine.class, () -> commandLine("generate-avro-schemas",
				"org.acme.x.v1", "--output", directory.toString()))
			.run((context) -> assertThat(runner(context).runCommand()).isEqualTo(1));
	}

	private ApplicationContextRunner command(InMemoryConsumerFactory bus, String... args) {
		return this.contextRunner.withBean(InMemoryConsumerFactory.class, () -> bus)
			.withBean(EventBusCommandLine.class, () -> commandLine(args));
	}

	private ApplicationContextRunner produce(RecordingProducer producer, String... args) {
		return this.contextRunner.withBean(RecordingProducer.class, () -> producer)
			.withBean(EventBusCommandLine.class, () -> commandLine(args));
	}

	private EventBusCommandLine commandLine(String... args) {
		return EventBusCommandLine.parse(args, new PrintStream(this.stdout, true, StandardCharsets.UTF_8))
			.orElseThrow();
	}

	private List<String> lines() {
		String text = this.stdout.toString(StandardCharsets.UTF_8);
		return text.isEmpty() ? List.of() : new ArrayList<>(List.of(text.split("\n")));
	}

	private static EventBusCommandRunner runner(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(EventBusCommandRunner.class);
	}

	static OpenEdxEvent<XBlockData> received(String block) {
		return received(ContentAuthoringEvents.XBLOCK_PUBLISHED, block);
	}

	static OpenEdxEvent<XBlockData> received(dev.openedx.eventbus.event.EventType<XBlockData> type, String block) {
		XBlockData data = new XBlockData(UsageKey.of("block-v1:edX+DemoX0+2026_T1+type@vertical+block@vertical_" + block),
				"vertical");
		return OpenEdxEvent.received(type, data, EventOrigin.forService("lms").newMetadata(type));
	}

	static class XBlockListener {

		final List<XBlockData> received = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener(ContentAuthoringEvents.Types.XBLOCK_PUBLISHED)
		void on(XBlockData xblock) {
			this.received.add(xblock);
		}

	}

	static class FailingListener {

		@OpenEdxEventListener
		void on(XBlockData xblock) {
			throw new IllegalStateException("cannot index " + xblock.usageKey());
		}

	}

}
