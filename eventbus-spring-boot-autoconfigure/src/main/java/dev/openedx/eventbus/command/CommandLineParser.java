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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.worker.ReplayTimes;
import org.jspecify.annotations.Nullable;


/**
 * Parses a command's own options out of the program arguments and leaves Spring Boot's ({@code --name=value}, whose
 * names contain a dot, plus {@code --debug} and {@code --trace}) alone. Hand-written: the options are few, Spring's
 * {@code SimpleCommandLinePropertySource} only knows {@code --name=value}, and a parsing library for a handful of
 * options is not worth a dependency of every application.
 */
final class CommandLineParser {

	private static final Set<String> BOOT_FLAGS = Set.of("debug", "trace");

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private CommandLineParser() {
	}

	static CommandArguments parse(EventBusCommand command, String[] args) {
		if (command == EventBusCommand.GENERATE_AVRO_SCHEMAS) {
			return generateAvroSchemas(args);
		}
		Options options = Options.of(command);
		Map<String, List<String>> values = new LinkedHashMap<>();
		List<String> positional = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("--")) {
				int equals = arg.indexOf('=');
				String name = (equals >= 0) ? arg.substring(0, equals) : arg;
				String option = options.canonical(name);
				if (option == null) {
					if (!isSpringArgument(arg)) {
						throw new CommandUsageException("Unknown option " + name + " for " + command.commandName());
					}
					continue;
				}
				if (options.isFlag(option)) {
					if (equals >= 0) {
						throw new CommandUsageException("Option " + name + " takes no value");
					}
					values.computeIfAbsent(option, (key) -> new ArrayList<>()).add("true");
					continue;
				}
				String value;
				if (equals >= 0) {
					value = arg.substring(equals + 1);
				}
				else if (i + 1 < args.length) {
					value = args[++i];
				}
				else {
					throw new CommandUsageException("Option " + name + " needs a value");
				}
				values.computeIfAbsent(option, (key) -> new ArrayList<>()).add(value);
			}
			else if (arg.startsWith("-") && arg.length() > 1) {
				String option = options.canonical(arg);
				if (option == null) {
					throw new CommandUsageException("Unknown option " + arg + " for " + command.commandName());
				}
				if (i + 1 >= args.length) {
					throw new CommandUsageException("Option " + arg + " needs a value");
				}
				values.computeIfAbsent(option, (key) -> new ArrayList<>()).add(args[++i]);
			}
			else {
				positional.add(arg);
			}
		}
		return switch (command) {
			case CONSUME_EVENTS -> consumeEvents(values, positional);
			case PRODUCE_EVENT -> produceEvent(values, positional);
			case REPLAY_DEAD_LETTERS -> replayDeadLetters(values, positional);
			case GENERATE_AVRO_SCHEMAS -> generateAvroSchemas(args);
		};
	}

	private static CommandArguments consumeEvents(Map<String, List<String>> values, List<String> positional) {
		noPositional(positional);
		Long maxEvents = positiveLong(single(values, "--max-events"), "--max-events");
		Map<String, Object> extra = extra(single(values, "--extra"));
		ExtraOptions.check(extra);
		String output = single(values, "--output");
		checkOutput(output);
		return new CommandArguments.ConsumeEvents(required(values, "--topic"), required(values, "--group-id"),
				values.getOrDefault("--event-type", List.of()), extra, maxEvents, output);
	}

	private static CommandArguments produceEvent(Map<String, List<String>> values, List<String> positional) {
		noPositional(positional);
		Long count = positiveLong(single(values, "--count"), "--count");
		String data = required(values, "--data");
		checkData(data);
		return new CommandArguments.ProduceEvent(required(values, "--event-type"), required(values, "--topic"),
				single(values, "--key-field"), data, (count != null) ? count : 1);
	}

	private static CommandArguments replayDeadLetters(Map<String, List<String>> values, List<String> positional) {
		noPositional(positional);
		List<String> ids = new ArrayList<>();
		for (String given : values.getOrDefault("--ids", List.of())) {
			for (String id : given.split(",")) {
				if (id.isBlank()) {
					throw new CommandUsageException("--ids takes dead-letter ids or event ids separated by commas, "
							+ "not '" + given + "'");
				}
				ids.add(id.strip());
			}
		}
		OffsetDateTime since = time(single(values, "--since"), "--since");
		OffsetDateTime until = time(single(values, "--until"), "--until");
		if (since != null && until != null && !since.isBefore(until)) {
			throw new CommandUsageException("--since " + since + " must be before --until " + until);
		}
		String group = single(values, "--group-id");
		if (group != null && group.isBlank()) {
			throw new CommandUsageException("Option --group-id must not be blank");
		}
		return new CommandArguments.ReplayDeadLetters(required(values, "--topic"), group, ids, since, until,
				values.containsKey("--dry-run"), values.containsKey("--force"));
	}

	private static @Nullable OffsetDateTime time(@Nullable String value, String option) {
		if (value == null) {
			return null;
		}
		try {
			return ReplayTimes.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandUsageException(option + " " + ex.getMessage(), ex);
		}
	}

	/**
	 * The data must be a JSON object, given inline or as the first document of {@code @file} (checked here, before
	 * Spring starts; the other lines of a JSON-lines file are checked as they are sent); whether it fits the event type
	 * is checked once the catalog is known. Standard input ({@code -}) is read only by the command.
	 */
	private static void checkData(String data) {
		if (data.equals("-")) {
			return;
		}
		try {
			JsonNode first;
			if (data.startsWith("@")) {
				Path file = Path.of(data.substring(1));
				if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
					throw new CommandUsageException("Cannot read --data file " + file.toAbsolutePath()
							+ ": no such readable file");
				}
				// Only the first document: a JSON-lines file has more.
				try (JsonParser parser = JSON.createParser(file.toFile())) {
					first = JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser);
				}
			}
			else {
				first = JSON.readTree(data);
			}
			if (first == null || !first.isObject()) {
				throw new CommandUsageException("--data must be a JSON object (the event's data), not '" + data + "'");
			}
		}
		catch (JsonProcessingException ex) {
			throw new CommandUsageException("--data is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new CommandUsageException("Cannot read --data file " + data.substring(1) + ": " + ex.getMessage(),
					ex);
		}
	}

	/** An output file goes into a directory that exists; the file itself is created when the command runs. */
	private static void checkOutput(@Nullable String output) {
		if (output == null || output.equals("-")) {
			return;
		}
		Path parent = Path.of(output).toAbsolutePath().getParent();
		if (parent != null && !Files.isDirectory(parent)) {
			throw new CommandUsageException("Cannot open --output " + output + ": the directory " + parent
					+ " does not exist");
		}
	}

	private static CommandArguments generateAvroSchemas(String[] args) {
		List<String> own = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (!isSpringArgument(args[i])) {
				own.add(args[i]);
			}
		}
		return new CommandArguments.GenerateAvroSchemas(own);
	}

	private static boolean isSpringArgument(String arg) {
		if (!arg.startsWith("--")) {
			return false;
		}
		int equals = arg.indexOf('=');
		String name = arg.substring(2, (equals >= 0) ? equals : arg.length());
		return name.contains(".") || BOOT_FLAGS.contains(name);
	}

	private static void noPositional(List<String> positional) {
		if (!positional.isEmpty()) {
			throw new CommandUsageException("Unexpected argument '" + positional.get(0) + "'");
		}
	}

	private static String required(Map<String, List<String>> values, String option) {
		String value = single(values, option);
		if (value == null || value.isBlank()) {
			throw new CommandUsageException("Option " + option + " is required");
		}
		return value;
	}

	private static @Nullable String single(Map<String, List<String>> values, String option) {
		List<String> given = values.get(option);
		if (given == null) {
			return null;
		}
		if (given.size() > 1) {
			throw new CommandUsageException("Option " + option + " is given " + given.size() + " times");
		}
		return given.get(0);
	}

	private static @Nullable Long positiveLong(@Nullable String value, String option) {
		if (value == null) {
			return null;
		}
		try {
			long parsed = Long.parseLong(value.strip());
			if (parsed < 1) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new CommandUsageException("Option " + option + " needs a positive whole number, not '" + value + "'");
		}
	}

	private static Map<String, Object> extra(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		String trimmed = json.strip();
		if (!trimmed.startsWith("{")) {
			throw new CommandUsageException("--extra must be a JSON object, such as '{\"check_backlog\": true}', not '"
					+ json + "'");
		}
		try {
			Map<String, Object> parsed = JSON.readValue(trimmed, new TypeReference<LinkedHashMap<String, Object>>() {
			});
			Map<String, Object> extra = new LinkedHashMap<>();
			parsed.forEach((key, value) -> {
				if (value == null) {
					throw new CommandUsageException("--extra key '" + key + "' has no value");
				}
				extra.put(key, value);
			});
			return extra;
		}
		catch (JsonProcessingException ex) {
			throw new CommandUsageException("--extra is not a valid JSON object: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The options of one command: every spelling mapped to one canonical name. */
	private record Options(Map<String, String> spellings, Set<String> flags) {

		static Options of(EventBusCommand command) {
			Map<String, String> spellings = new LinkedHashMap<>();
			switch (command) {
				case CONSUME_EVENTS -> {
					add(spellings, "--topic", "-t");
					add(spellings, "--group-id", "-g", "--group_id");
					add(spellings, "--event-type", "-s", "--signal", "--event_type");
					add(spellings, "--extra");
					add(spellings, "--max-events", "--max_events");
					add(spellings, "--output", "-o");
				}
				case PRODUCE_EVENT -> {
					add(spellings, "--event-type", "-s", "--signal", "--event_type");
					add(spellings, "--topic", "-t");
					add(spellings, "--key-field", "-k", "--key_field");
					add(spellings, "--data", "-d");
					add(spellings, "--count", "-n");
				}
				case REPLAY_DEAD_LETTERS -> {
					add(spellings, "--topic", "-t");
					add(spellings, "--group-id", "-g", "--group_id");
					add(spellings, "--ids");
					add(spellings, "--since");
					add(spellings, "--until");
					add(spellings, "--dry-run", "--dry_run");
					add(spellings, "--force");
				}
				case GENERATE_AVRO_SCHEMAS -> {
				}
			}
			Set<String> flags = (command == EventBusCommand.REPLAY_DEAD_LETTERS) ? Set.of("--dry-run", "--force")
					: Set.of();
			return new Options(spellings, flags);
		}

		private static void add(Map<String, String> spellings, String canonical, String... aliases) {
			spellings.put(canonical, canonical);
			for (String alias : aliases) {
				spellings.put(alias, canonical);
			}
		}

		@Nullable String canonical(String spelling) {
			return this.spellings.get(spelling);
		}

		boolean isFlag(String option) {
			return this.flags.contains(option);
		}

	}

}
