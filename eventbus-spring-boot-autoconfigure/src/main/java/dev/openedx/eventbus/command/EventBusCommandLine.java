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

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A command the application was started with: which one, its parsed arguments, and the stream its results go to.
 * {@link EventBusCommandRunListener} creates it from the program arguments and registers it as a bean; its presence
 * switches the application into command mode (no web server, configured workers not started).
 * <pre class="code">
 * java -jar app.jar consume-events -t enrollments -g catalog --max-events 10 --output - --eventbus.transport=redis
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventBusCommandLine {

	private final CommandArguments arguments;

	private final InputStream in;

	private final PrintStream out;

	/**
	 * Create a command line reading {@link System#in}.
	 * @param arguments the parsed arguments, must not be {@code null}
	 * @param out where results (JSON lines) go, must not be {@code null}
	 */
	public EventBusCommandLine(CommandArguments arguments, PrintStream out) {
		this(arguments, System.in, out);
	}

	/**
	 * Create a command line.
	 * @param arguments the parsed arguments, must not be {@code null}
	 * @param in where {@code produce-event -d -} reads events, must not be {@code null}
	 * @param out where results (JSON lines) go, must not be {@code null}
	 * @since 0.2.0
	 */
	public EventBusCommandLine(CommandArguments arguments, InputStream in, PrintStream out) {
		this.arguments = Objects.requireNonNull(arguments, "arguments must not be null");
		this.in = Objects.requireNonNull(in, "in must not be null");
		this.out = Objects.requireNonNull(out, "out must not be null");
	}

	/**
	 * Parse program arguments whose first element names a command.
	 * @param args the program arguments
	 * @param out where results go
	 * @return the command line, or empty when the first argument is not a command
	 * @throws CommandUsageException when the first argument is a command but the rest is wrong
	 */
	public static Optional<EventBusCommandLine> parse(String[] args, PrintStream out) {
		return parse(args, System.in, out);
	}

	/**
	 * Parse program arguments whose first element names a command.
	 * @param args the program arguments
	 * @param in where {@code produce-event -d -} reads events
	 * @param out where results go
	 * @return the command line, or empty when the first argument is not a command
	 * @throws CommandUsageException when the first argument is a command but the rest is wrong
	 * @since 0.2.0
	 */
	public static Optional<EventBusCommandLine> parse(String[] args, InputStream in, PrintStream out) {
		if (args.length == 0) {
			return Optional.empty();
		}
		return EventBusCommand.find(args[0])
			.map((command) -> new EventBusCommandLine(CommandLineParser.parse(command, args), in, out));
	}

	/**
	 * The command.
	 * @return the command, never {@code null}
	 */
	public EventBusCommand command() {
		return this.arguments.command();
	}

	/**
	 * The parsed arguments.
	 * @return the arguments, never {@code null}
	 */
	public CommandArguments arguments() {
		return this.arguments;
	}

	/**
	 * Where {@code produce-event -d -} reads events: standard input, or a test's stream.
	 * @return the stream, never {@code null}
	 * @since 0.2.0
	 */
	public InputStream in() {
		return this.in;
	}

	/**
	 * Where results go: standard output as it was before logging was moved to standard error, or a test's stream.
	 * @return the stream, never {@code null}
	 */
	public PrintStream out() {
		return this.out;
	}

}
