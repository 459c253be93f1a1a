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

package dev.openedx.eventbus.consumer;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.openedx.eventbus.kafka.KafkaFailureRule;
import dev.openedx.eventbus.redis.RedisFailureRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the classification table of {@code docs/failure-handling.md} true: each row's example failures, thrown in the
 * row's phase, get the row's class from the {@link FailureClassifier} (with the transports' rules), and the row says
 * what the worker does with that class in that phase (which {@code ConsumerWorkerClassificationTests} proves).
 */
class FailureTableTests {

	private static final Path DOC = Path.of("..", "docs", "failure-handling.md");

	/** The transports' rules, added here as they land, so their rows are checked against them too. */
	private static final List<FailureRule> TRANSPORT_RULES = List.of(new KafkaFailureRule(),
			RedisFailureRule.INSTANCE);

	/** The default class of each phase: what the worker passes as {@code otherwise}. */
	private static final Map<String, FailureClass> PHASE_DEFAULTS = Map.of("poll", FailureClass.TRANSIENT, "decode",
			FailureClass.PERMANENT, "dispatch", FailureClass.PERMANENT, "record", FailureClass.TRANSIENT, "keep-alive",
			FailureClass.TRANSIENT);

	/** What the last column of a row must say, by phase and class. */
	private static final Map<String, List<String>> CONSEQUENCES = Map.ofEntries(
			Map.entry("poll/transient", List.of("polls again", "not counted")),
			Map.entry("poll/fatal", List.of("`FAILED`", "nothing is acknowledged")),
			Map.entry("poll/permanent", List.of("`FAILED`")),
			Map.entry("decode/permanent", List.of("failure policy at once")),
			Map.entry("decode/transient", List.of("kept", "`max-transient-wait`", "`dependency_unavailable`")),
			Map.entry("decode/fatal", List.of("`FAILED`", "not acknowledged")),
			Map.entry("dispatch/permanent", List.of("retried per `eventbus.consumer.retry.*`", "`handler_error`")),
			Map.entry("dispatch/transient", List.of("`max-transient-wait`", "`dependency_unavailable`")),
			Map.entry("dispatch/fatal", List.of("`FAILED`", "not acknowledged")),
			Map.entry("any/ends the process", List.of("halted with exit status " + ProcessHalt.EXIT_STATUS,
					"not acknowledged")),
			Map.entry("record/transient", List.of("written again", "`max-transient-wait`", "`FAILED`",
					"without acknowledging")),
			Map.entry("record/fatal", List.of("`FAILED`", "without acknowledging")),
			Map.entry("keep-alive/transient", List.of("the wait goes on")),
			Map.entry("keep-alive/fatal", List.of("`FAILED`")));

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static List<Row> rows;

	@BeforeAll
	static void readTable() throws IOException {
		rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : Files.readAllLines(DOC)) {
			if (line.startsWith("| phase | failure | example | class | what happens |")) {
				inTable = true;
				continue;
			}
			if (inTable && line.startsWith("|---")) {
				continue;
			}
			if (inTable && !line.startsWith("|")) {
				break;
			}
			if (inTable) {
				String[] cells = line.substring(1, line.length() - 1).split("\\|");
				assertThat(cells).as("row %s", line).hasSize(5);
				rows.add(new Row(cells[0].trim(), cells[2].trim(), cells[3].trim(), cells[4].trim(), line));
			}
		}
	}

	@Test
	void theTableCoversEveryPhaseAndEveryClass() {
		assertThat(rows).extracting(Row::phase).containsAll(PHASE_DEFAULTS.keySet()).contains("any");
		assertThat(rows).extracting(Row::what)
			.contains("transient", "permanent", "fatal", "ends the process");
	}

	@Test
	void everyExampleGetsTheClassOfItsRow() throws Exception {
		FailureClassifier classifier = FailureClassifier.DEFAULT;
		for (FailureRule rule : TRANSPORT_RULES) {
			classifier = classifier.with(rule);
		}
		for (Row row : rows) {
			List<String> examples = examples(row.examples());
			assertThat(examples).as("examples of %s", row.line()).isNotEmpty();
			for (String example : examples) {
				Throwable failure = instantiate(example);
				if (row.what().equals("ends the process")) {
					assertThat(FailureClassifier.endsProcess(failure)).as("%s ends the process", example).isTrue();
					continue;
				}
				assertThat(FailureClassifier.endsProcess(failure)).as("%s ends the process", example).isFalse();
				FailureClass otherwise = PHASE_DEFAULTS.get(row.phase());
				assertThat(otherwise).as("phase of %s", row.line()).isNotNull();
				// A listener is not the transport's code: the transports' rules are not asked about its failures.
				FailureClass decided = row.phase().equals("dispatch") ? classifier.classifyOwn(failure, otherwise)
						: classifier.classify(failure, otherwise);
				assertThat(decided.name().toLowerCase(Locale.ROOT))
					.as("class of %s in phase %s", example, row.phase())
					.isEqualTo(row.what());
			}
		}
	}

	@Test
	void everyRowSaysWhatTheWorkerDoesWithItsClass() {
		for (Row row : rows) {
			List<String> phrases = CONSEQUENCES.get(row.phase() + "/" + row.what());
			assertThat(phrases).as("consequence of %s/%s", row.phase(), row.what()).isNotNull();
			assertThat(row.consequence()).as(row.line()).contains(phrases);
		}
	}

	private static List<String> examples(String cell) {
		List<String> examples = new ArrayList<>();
		Matcher matcher = CODE.matcher(cell);
		while (matcher.find()) {
			examples.add(matcher.group(1));
		}
		return examples;
	}

	/**
	 * An example: the engine's exceptions by simple name, other throwables by class name, with an optional message
	 * after {@code ": "} (a Redis error reply, say).
	 */
	private static Throwable instantiate(String example) throws Exception {
		int colon = example.indexOf(": ");
		String type = (colon < 0) ? example : example.substring(0, colon);
		String message = (colon < 0) ? "example from the failure table" : example.substring(colon + 2);
		switch (type) {
			case "WorkerFailureException":
				return new WorkerFailureException(message, null);
			case "MessageDeferredException":
				return new MessageDeferredException(message, new IOException("no answer"));
			case "ConsumeFailureException":
				return new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, message);
			default:
				Class<?> found = Class.forName(type);
				try {
					Constructor<?> withMessage = found.getConstructor(String.class);
					return (Throwable) withMessage.newInstance(message);
				}
				catch (NoSuchMethodException ex) {
					return (Throwable) found.getConstructor().newInstance();
				}
		}
	}

	record Row(String phase, String examples, String what, String consequence, String line) {
	}

}
