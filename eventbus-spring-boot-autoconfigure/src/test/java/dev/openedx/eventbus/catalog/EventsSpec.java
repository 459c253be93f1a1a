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

package dev.openedx.eventbus.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog part of {@code shared/spec/events.md}, parsed: the signal tables ("Signals by subdomain") and the
 * data-class tables ("Data classes (attrs), field by field"). Test code only; it reads the Markdown as written, so a
 * change to the spec shows up as a failing catalog test.
 */
record EventsSpec(List<Signal> signals, List<DataClass> dataClasses) {

	/** Java package of each Python subdomain module. */
	static final Map<String, String> PACKAGES = Map.of("analytics", "analytics", "authz", "authz", "content_authoring",
			"contentauthoring", "enterprise", "enterprise", "learning", "learning");

	/** Name of the constants class of each Python subdomain module. */
	static final Map<String, String> EVENTS_CLASSES = Map.of("analytics", "AnalyticsEvents", "authz", "AuthzEvents",
			"content_authoring", "ContentAuthoringEvents", "enterprise", "EnterpriseEvents", "learning",
			"LearningEvents");

	private static final Pattern SIGNAL_SECTION = Pattern.compile("^### (\\w+) \\((\\d+)\\)$");

	private static final Pattern CLASS_SECTION = Pattern.compile("^### (\\w+)\\.(\\w+)(?: \\(extends (\\w+)\\))?$");

	private static final Pattern DATA_CELL = Pattern.compile("`(\\w+)`: (\\w+)\\.(\\w+)");

	static EventsSpec read() {
		String shared = Objects.requireNonNull(System.getProperty("eventbus.shared.dir"),
				"system property eventbus.shared.dir (set by the parent pom's surefire configuration)");
		try {
			return parse(Files.readAllLines(Path.of(shared, "spec", "events.md")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static EventsSpec parse(List<String> lines) {
		List<Signal> signals = new ArrayList<>();
		List<DataClass> dataClasses = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher signalSection = SIGNAL_SECTION.matcher(lines.get(i));
			Matcher classSection = CLASS_SECTION.matcher(lines.get(i));
			if (signalSection.matches()) {
				String subdomain = signalSection.group(1);
				List<List<String>> rows = table(lines, i + 1);
				if (rows.size() != Integer.parseInt(signalSection.group(2))) {
					throw new IllegalStateException("Section " + lines.get(i) + " has " + rows.size() + " rows");
				}
				for (List<String> row : rows) {
					Matcher data = DATA_CELL.matcher(row.get(2));
					if (!data.matches() || !data.group(2).equals(subdomain)) {
						throw new IllegalStateException("Unexpected data cell " + row.get(2));
					}
					signals.add(new Signal(subdomain, row.get(0), unquote(row.get(1)), data.group(1), data.group(3),
							!row.get(4).contains("KNOWN_UNSERIALIZABLE")));
				}
			}
			else if (classSection.matches()) {
				List<Field> fields = new ArrayList<>();
				for (List<String> row : table(lines, i + 1)) {
					fields.add(new Field(Integer.parseInt(row.get(0)), unquote(row.get(1)), row.get(2), row.get(3),
							row.get(4)));
				}
				dataClasses.add(new DataClass(classSection.group(1), classSection.group(2), fields));
			}
		}
		return new EventsSpec(List.copyOf(signals), List.copyOf(dataClasses));
	}

	/** The body rows of the Markdown table that starts after blank lines at {@code from}. */
	private static List<List<String>> table(List<String> lines, int from) {
		int i = from;
		while (lines.get(i).isBlank()) {
			i++;
		}
		i += 2; // header and separator
		List<List<String>> rows = new ArrayList<>();
		while (i < lines.size() && lines.get(i).startsWith("|")) {
			String line = lines.get(i).trim();
			List<String> cells = new ArrayList<>();
			for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
				cells.add(cell.trim());
			}
			rows.add(cells);
			i++;
		}
		return rows;
	}

	private static String unquote(String cell) {
		return (cell.startsWith("`") && cell.endsWith("`")) ? cell.substring(1, cell.length() - 1) : cell;
	}

	/** One signal row. */
	record Signal(String subdomain, String name, String eventType, String dataKey, String dataClass,
			boolean busCapable) {

		String javaPackage() {
			return "dev.openedx.eventbus.catalog." + PACKAGES.get(this.subdomain);
		}

		String eventsClass() {
			return javaPackage() + "." + EVENTS_CLASSES.get(this.subdomain);
		}

	}

	/** One data-class table. */
	record DataClass(String subdomain, String name, List<Field> fields) {

		String javaName() {
			return "dev.openedx.eventbus.catalog." + PACKAGES.get(this.subdomain) + "." + this.name;
		}

	}

	/** One field row: attrs order, name, Python type, attrs default, Avro type. */
	record Field(int position, String name, String pythonType, String pythonDefault, String avroType) {

		boolean nullable() {
			return this.avroType.startsWith("[null, ");
		}

	}

}
