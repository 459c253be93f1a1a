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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.command.CommandArguments.ConsumeEvents;
import dev.openedx.eventbus.command.CommandArguments.GenerateAvroSchemas;
import dev.openedx.eventbus.command.CommandArguments.ProduceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventBusCommandLineTests {

	@Test
	void applicationStartedWithoutCommandIsNotInCommandMode() {
		assertThat(EventBusCommandLine.parse(new String[0], System.out)).isEmpty();
		assertThat(EventBusCommandLine.parse(new String[] { "--server.port=0" }, System.out)).isEmpty();
		assertThat(EventBusCommandLine.parse(new String[] { "serve" }, System.out)).isEmpty();
	}

	@Test
	void consumeEventsReadsPythonsOptionsAndOursBesideSpringArguments() {
		ConsumeEvents arguments = (ConsumeEvents) parse("consume-events", "-t", "enrollments", "--spring.profiles.active=x",
				"-g", "catalog", "-s", "a.b.v1", "--event-type", "c.d.v1", "--extra", "{\"check_backlog\": true}",
				"--max-events", "5", "--output=-", "--eventbus.transport=redis", "--debug");
		assertThat(arguments.topic()).isEqualTo("enrollments");
		assertThat(arguments.groupId()).isEqualTo("catalog");
		assertThat(arguments.eventTypes()).containsExactly("a.b.v1", "c.d.v1");
		assertThat(arguments.extra()).isEqualTo(Map.of("check_backlog", true));
		assertThat(arguments.maxEvents()).isEqualTo(5);
		assertThat(arguments.output()).isEqualTo("-");
	}

	@Test
	void pythonSpellingsAreAccepted() {
		ConsumeEvents arguments = (ConsumeEvents) parse("consume_events", "--topic", "t", "--group_id", "g");
		assertThat(arguments.topic()).isEqualTo("t");
		assertThat(arguments.groupId()).isEqualTo("g");
		assertThat(arguments.extra()).isEmpty();
		assertThat(arguments.maxEvents()).isNull();
	}

	@Test
	void produceEventReadsItsOptions(@TempDir Path directory) throws IOException {
		Path data = Files.writeString(directory.resolve("data.json"), "{\"user\": {\"id\": 7}}");
		ProduceEvent arguments = (ProduceEvent) parse("produce-event", "-s", "a.b.v1", "-t", "t", "-k", "user.id", "-d",
				"@" + data, "--count", "3");
		assertThat(arguments).isEqualTo(new ProduceEvent("a.b.v1", "t", "user.id", "@" + data, 3));
	}

	@Test
	void produceEventSendsOnceByDefault() {
		ProduceEvent arguments = (ProduceEvent) parse("produce-event", "--signal", "a.b.v1", "--topic", "t", "--data",
				"{}");
		assertThat(arguments.count()).isEqualTo(1);
		assertThat(arguments.keyField()).isNull();
	}

	@Test
	void generateAvroSchemasKeepsItsOwnArgumentsForTheAvroCommandAndLeavesSpringsAlone() {
		assertThat(parse("generate-avro-schemas", "a.b.v1", "--eventbus.transport=redis", "--output", "out",
				"--overwrite", "--debug"))
			.isEqualTo(new GenerateAvroSchemas(List.of("a.b.v1", "--output", "out", "--overwrite")));
	}

	@Test
	void missingRequiredOptionIsAUsageError() {
		assertUsageError("Option --group-id is required", "consume-events", "-t", "t");
	}

	@Test
	void unknownShortOptionIsAUsageError() {
		assertUsageError("Unknown option -x for consume-events", "consume-events", "-t", "t", "-g", "g", "-x", "1");
	}

	@Test
	void unknownLongOptionWithoutDotIsAUsageErrorRatherThanASpringProperty() {
		assertUsageError("Unknown option --max-event for consume-events", "consume-events", "-t", "t", "-g", "g",
				"--max-event=3");
	}

	@Test
	void optionWithoutValueIsAUsageError() {
		assertUsageError("Option -g needs a value", "consume-events", "-t", "t", "-g");
	}

	@Test
	void strayArgumentIsAUsageError() {
		assertUsageError("Unexpected argument 'oops'", "consume-events", "-t", "t", "-g", "g", "oops");
	}

	@Test
	void maxEventsMustBePositive() {
		assertUsageError("--max-events needs a positive whole number", "consume-events", "-t", "t", "-g", "g",
				"--max-events", "0");
	}

	@Test
	void extraMustBeAJsonObject() {
		assertUsageError("--extra must be a JSON object", "consume-events", "-t", "t", "-g", "g", "--extra", "[1]");
	}

	@Test
	void extraMustParse() {
		assertUsageError("--extra is not a valid JSON object", "consume-events", "-t", "t", "-g", "g", "--extra",
				"{\"check_backlog\": tru");
	}

	@Test
	void aDataFileThatCannotBeReadIsAUsageError(@TempDir Path directory) {
		assertUsageError("Cannot read --data file " + directory.resolve("missing.json") + ": no such readable file",
				"produce-event", "-s", "a.b.v1", "-t", "t", "-d", "@" + directory.resolve("missing.json"));
	}

	@Test
	void dataThatIsNotAJsonObjectIsAUsageError(@TempDir Path directory) throws IOException {
		assertUsageError("--data is not valid JSON", "produce-event", "-s", "a.b.v1", "-t", "t", "-d", "{\"user\":");
		assertUsageError("--data must be a JSON object", "produce-event", "-s", "a.b.v1", "-t", "t", "-d", "[1]");
		Path list = Files.writeString(directory.resolve("list.json"), "[1, 2]");
		assertUsageError("--data must be a JSON object", "produce-event", "-s", "a.b.v1", "-t", "t", "-d", "@" + list);
	}

	@Test
	void anOutputFileInADirectoryThatDoesNotExistIsAUsageError(@TempDir Path directory) {
		Path output = directory.resolve("no-such-dir").resolve("events.jsonl");
		assertUsageError("Cannot open --output " + output + ": the directory " + output.getParent()
				+ " does not exist", "consume-events", "-t", "t", "-g", "g", "--output", output.toString());
	}

	@Test
	void anExtraKeyNoPluginTakesIsAUsageError() {
		assertUsageError("--extra key 'consumer' is unknown; the accepted keys are offset_time (kafka) and "
				+ "consumer_name, check_backlog, last_read_msg_id, claim_msgs_older_than (redis)", "consume-events",
				"-t", "t", "-g", "g", "--extra", "{\"consumer\": \"c1\"}");
	}

	@Test
	void anExtraValueOfTheWrongFormIsAUsageError() {
		assertUsageError("offset_time '2023-01-08T06:46:22' has no UTC offset", "consume-events", "-t", "t", "-g", "g",
				"--extra", "{\"offset_time\": \"2023-01-08T06:46:22\"}");
		assertUsageError("--extra check_backlog must be true or false", "consume-events", "-t", "t", "-g", "g",
				"--extra", "{\"check_backlog\": \"yes\"}");
		assertUsageError("--extra last_read_msg_id must be a stream entry id", "consume-events", "-t", "t", "-g", "g",
				"--extra", "{\"last_read_msg_id\": \"latest\"}");
	}

	@Test
	void anExtraKeyOfTheOtherTransportWaitsForTheTransport() {
		ConsumeEvents arguments = (ConsumeEvents) parse("consume-events", "-t", "t", "-g", "g", "--extra",
				"{\"check_backlog\": true}");
		assertThat(arguments.extra()).containsEntry("check_backlog", true);
	}

	@Test
	void repeatedSingleOptionIsAUsageError() {
		assertUsageError("Option --topic is given 2 times", "consume-events", "-t", "a", "-t", "b", "-g", "g");
	}

	private static CommandArguments parse(String... args) {
		return EventBusCommandLine.parse(args, System.out).orElseThrow().arguments();
	}

	private static void assertUsageError(String message, String... args) {
		assertThatExceptionOfType(CommandUsageException.class)
			.isThrownBy(() -> EventBusCommandLine.parse(args, System.out))
			.withMessageContaining(message);
	}

}
