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

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import dev.openedx.eventbus.worker.EventBusExitCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches an application started with a command as its first argument into command mode, and ends the process with
 * the command's exit code once it ran. It decides once the application's configuration is read (before the banner,
 * the context or a web server): with {@code eventbus.commands.enabled=false} (in {@code application.yml}, the
 * environment or the command line) the first argument is the application's own and nothing is taken over. In command
 * mode a wrong command line exits with status 2 and the usage; standard output is kept for the command's results and
 * everything else printed (logs) goes to standard error; no web server starts, and {@code generate-avro-schemas} sets
 * up no transport (it needs no broker, registry or Redis settings, as in Python). Registered in
 * {@code META-INF/spring.factories}.
 *
 * @since 0.1.0
 */
final class EventBusCommandRunListener implements SpringApplicationRunListener {

	/** Bean name of the {@link EventBusCommandLine}. */
	public static final String COMMAND_LINE_BEAN_NAME = "eventBusCommandLine";

	/** The property that switches the commands off. */
	public static final String ENABLED_PROPERTY = "eventbus.commands.enabled";

	private final String[] args;

	private final PrintStream stdout;

	private final PrintStream stderr;

	private final IntConsumer exit;

	private @Nullable EventBusCommandLine commandLine;

	/**
	 * Create a listener (called by Spring Boot).
	 * @param application the application
	 * @param args the program arguments
	 */
	public EventBusCommandRunListener(SpringApplication application, String[] args) {
		this(args, System.out, System.err, System::exit);
	}

	EventBusCommandRunListener(String[] args, PrintStream stdout, PrintStream stderr, IntConsumer exit) {
		this.args = args.clone();
		this.stdout = stdout;
		this.stderr = stderr;
		this.exit = exit;
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		if (this.args.length == 0 || EventBusCommand.find(this.args[0]).isEmpty()
				|| !environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		try {
			this.commandLine = EventBusCommandLine.parse(this.args, this.stdout).orElse(null);
		}
		catch (CommandUsageException ex) {
			this.stderr.println("Error: " + ex.getMessage());
			EventBusCommand.find(this.args[0]).ifPresent((command) -> this.stderr.print(command.usage()));
			this.stderr.println("(Not an event bus command? Set " + ENABLED_PROPERTY + "=false and the first "
					+ "argument is the application's own.)");
			this.stderr.flush();
			this.exit.accept(EventBusExitCodes.USAGE);
			return;
		}
		if (this.commandLine == null) {
			return;
		}
		if (this.stdout == System.out) {
			// Standard output carries the command's results only; logs written to System.out land on stderr.
			System.setOut(this.stderr);
		}
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("spring.main.web-application-type", "none");
		if (this.commandLine.command() == EventBusCommand.GENERATE_AVRO_SCHEMAS) {
			// Like Python's generate_avro_schemas it needs the catalog only: no broker, registry or Redis settings.
			command.put("eventbus.enabled", "false");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("eventbusCommand", command));
		environment.getPropertySources()
			.addLast(new MapPropertySource("eventbusCommandDefaults", Map.of("spring.main.banner-mode", "off")));
	}

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		if (this.commandLine != null) {
			context.getBeanFactory().registerSingleton(COMMAND_LINE_BEAN_NAME, this.commandLine);
		}
	}

	@Override
	public void ready(ConfigurableApplicationContext context, java.time.Duration timeTaken) {
		if (this.commandLine != null && context.isActive()) {
			this.exit.accept(SpringApplication.exit(context));
		}
	}

	/**
	 * The command line this listener detected.
	 * @return the command line, or {@code null} when the application was not started with a command
	 */
	@Nullable EventBusCommandLine getCommandLine() {
		return this.commandLine;
	}

}
