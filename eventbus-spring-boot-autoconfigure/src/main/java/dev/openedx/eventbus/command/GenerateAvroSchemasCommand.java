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
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.openedx.eventbus.avro.AvroSchemaGenerator;
import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;

/**
 * The {@code generate-avro-schemas} command, the Java counterpart of openedx-events'
 * {@code generate_avro_schemas} management command: writes the {@code .avsc} file of the given event types, or of
 * every bus-capable type with {@code --all}, into the current directory or {@code --output DIR}.
 * <pre class="code">
 * generate-avro-schemas org.openedx.learning.course.enrollment.created.v1 [more types...] [--output DIR] [--overwrite]
 * generate-avro-schemas --all [--output DIR] [--overwrite]
 * </pre>
 * As the Python command warns, published schema files are a compatibility baseline and should not normally be
 * replaced, so existing files are left alone unless {@code --overwrite} is given. Every named type is checked
 * before anything is written. Exit status: 0 done, 1 a type is unknown, cannot travel on the bus or a file could not
 * be written, 2 bad arguments (usage is printed).
 * <pre class="code">
 * int status = new GenerateAvroSchemasCommand().run(List.of("--all", "--output", "schemas"),
 *         OpenEdxCatalog.catalog(), System.out, System.err);
 * </pre>
 *
 * @since 0.1.0
 */
public final class GenerateAvroSchemasCommand {

	/** The command name, also accepted (and ignored) as the first argument. */
	public static final String NAME = "generate-avro-schemas";

	/** Exit status: done. */
	public static final int OK = 0;

	/** Exit status: an event type is unknown or not bus-capable, or a file could not be written. */
	public static final int FAILED = 1;

	/** Exit status: the arguments are not valid. */
	public static final int USAGE = 2;

	private static final String USAGE_TEXT = """
			Usage: generate-avro-schemas <event_type>... [--output DIR] [--overwrite]
			       generate-avro-schemas --all [--output DIR] [--overwrite]
			Writes <event type with . replaced by +>_schema.avsc for each event type (openedx-events format).
			  --all          every event type of the catalog that can travel on the event bus
			  --output DIR   directory to write into (default: the current directory)
			  --overwrite    replace existing schema files (published schemas should normally stay unchanged)""";

	private final AvroSchemaGenerator generator;

	/**
	 * A command with its own generator.
	 */
	public GenerateAvroSchemasCommand() {
		this(new AvroSchemaGenerator());
	}

	/**
	 * A command that writes with the given generator.
	 * @param generator the generator
	 */
	public GenerateAvroSchemasCommand(AvroSchemaGenerator generator) {
		this.generator = Objects.requireNonNull(generator, "generator must not be null");
	}

	/**
	 * Run the command.
	 * @param args the arguments, optionally starting with {@value #NAME}
	 * @param catalog the event types known to the application
	 * @param out where progress is printed
	 * @param err where errors and usage are printed
	 * @return the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
	 */
	public int run(List<String> args, EventCatalog catalog, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(NAME + ": " + ex.getMessage());
			err.println(USAGE_TEXT);
			return USAGE;
		}
		if (arguments.help) {
			out.println(USAGE_TEXT);
			return OK;
		}
		List<EventType<?>> selected = new ArrayList<>();
		if (arguments.all) {
			for (EventType<?> type : catalog.all()) {
				if (type.busCapable()) {
					selected.add(type);
				}
				else {
					out.println("Skipping " + type.type() + ": it cannot travel on the event bus ("
							+ type.unserializableReason() + ")");
				}
			}
		}
		else {
			List<String> problems = new ArrayList<>();
			for (String name : arguments.types) {
				EventType<?> type = catalog.find(name).orElse(null);
				if (type == null) {
					problems.add("unknown event type '" + name + "'; it is neither in the Open edX catalog nor "
							+ "declared by the application");
				}
				else if (!type.busCapable()) {
					problems.add("event type " + name + " cannot travel on the event bus, so it has no schema ("
							+ type.unserializableReason() + ")");
				}
				else {
					selected.add(type);
				}
			}
			if (!problems.isEmpty()) {
				problems.forEach((problem) -> err.println(NAME + ": " + problem));
				err.println(NAME + ": nothing written");
				return FAILED;
			}
		}
		return write(selected, arguments, out, err);
	}

	private int write(List<EventType<?>> types, Arguments arguments, PrintStream out, PrintStream err) {
		int status = OK;
		int written = 0;
		for (EventType<?> type : types) {
			Path file = arguments.output.resolve(AvroSchemaGenerator.fileName(type));
			try {
				if (Files.exists(file) && !arguments.overwrite) {
					out.println("Keeping existing " + file + " (give --overwrite to replace it)");
					continue;
				}
				this.generator.write(type, arguments.output);
				out.println("Wrote " + file);
				written++;
			}
			catch (IOException | EventBusException ex) {
				err.println(NAME + ": cannot write the schema of " + type.type() + ": " + ex.getMessage());
				status = FAILED;
			}
		}
		out.println(written + " schema file(s) written to " + arguments.output.toAbsolutePath().normalize());
		return status;
	}

	private static final class Arguments {

		private final List<String> types = new ArrayList<>();

		private boolean all;

		private boolean overwrite;

		private boolean help;

		private Path output = Path.of(".");

		static Arguments parse(List<String> args) {
			Arguments arguments = new Arguments();
			List<String> rest = (!args.isEmpty() && args.get(0).equals(NAME)) ? args.subList(1, args.size()) : args;
			for (int i = 0; i < rest.size(); i++) {
				String arg = rest.get(i);
				if (arg.equals("--all")) {
					arguments.all = true;
				}
				else if (arg.equals("--overwrite")) {
					arguments.overwrite = true;
				}
				else if (arg.equals("-h") || arg.equals("--help")) {
					arguments.help = true;
				}
				else if (arg.equals("--output") || arg.startsWith("--output=")) {
					String value;
					if (arg.equals("--output")) {
						if (i + 1 >= rest.size()) {
							throw new IllegalArgumentException("--output needs a directory");
						}
						value = rest.get(++i);
					}
					else {
						value = arg.substring("--output=".length());
					}
					if (value.isBlank()) {
						throw new IllegalArgumentException("--output needs a directory");
					}
					try {
						arguments.output = Path.of(value);
					}
					catch (InvalidPathException ex) {
						throw new IllegalArgumentException("--output '" + value + "' is not a path: " + ex.getMessage());
					}
				}
				else if (arg.startsWith("-")) {
					throw new IllegalArgumentException("unknown option '" + arg + "'");
				}
				else {
					arguments.types.add(arg);
				}
			}
			if (!arguments.help) {
				if (arguments.all && !arguments.types.isEmpty()) {
					throw new IllegalArgumentException("give event types or --all, not both");
				}
				if (!arguments.all && arguments.types.isEmpty()) {
					throw new IllegalArgumentException("give at least one event type, or --all");
				}
			}
			return arguments;
		}

	}

}
