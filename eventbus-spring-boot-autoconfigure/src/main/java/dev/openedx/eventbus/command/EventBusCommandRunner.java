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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.openedx.eventbus.worker.EventBusExitCodes;
import dev.openedx.eventbus.command.GenerateAvroSchemasCommand;
import dev.openedx.eventbus.event.EventCatalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;

/**
 * Runs the command the application was started with, once the context is ready, and keeps its exit status for
 * {@code SpringApplication.exit}. A stop of the context (Ctrl-C, SIGTERM) stops a running {@code consume-events}
 * gracefully.
 *
 * @since 0.1.0
 */
public final class EventBusCommandRunner implements ApplicationRunner, ExitCodeGenerator, SmartLifecycle {

	private static final LogAccessor logger = new LogAccessor(EventBusCommandRunner.class);

	private final EventBusCommandLine commandLine;

	private final ConsumeEventsCommand consumeEvents;

	private final ProduceEventCommand produceEvent;

	private final GenerateAvroSchemasCommand generateAvroSchemas;

	private final ReplayDeadLettersCommand replayDeadLetters;

	private final EventCatalog catalog;

	private final PrintStream stderr;

	private volatile int exitCode = EventBusExitCodes.FAILURE;

	private volatile boolean running;

	/**
	 * Create a runner.
	 * @param commandLine the command to run
	 * @param consumeEvents the {@code consume-events} command
	 * @param produceEvent the {@code produce-event} command
	 * @param generateAvroSchemas the {@code generate-avro-schemas} command
	 * @param catalog the known event types
	 * @param stderr where usage errors are printed
	 */
	public EventBusCommandRunner(EventBusCommandLine commandLine, ConsumeEventsCommand consumeEvents,
			ProduceEventCommand produceEvent, GenerateAvroSchemasCommand generateAvroSchemas, EventCatalog catalog,
			PrintStream stderr) {
		this(commandLine, consumeEvents, produceEvent, generateAvroSchemas, new ReplayDeadLettersCommand(null, null),
				catalog, stderr);
	}

	/**
	 * Create a runner that can also replay dead letters.
	 * @param commandLine the command to run
	 * @param consumeEvents the {@code consume-events} command
	 * @param produceEvent the {@code produce-event} command
	 * @param generateAvroSchemas the {@code generate-avro-schemas} command
	 * @param replayDeadLetters the {@code replay-dead-letters} command
	 * @param catalog the known event types
	 * @param stderr where usage errors are printed
	 * @since 0.2.0
	 */
	public EventBusCommandRunner(EventBusCommandLine commandLine, ConsumeEventsCommand consumeEvents,
			ProduceEventCommand produceEvent, GenerateAvroSchemasCommand generateAvroSchemas,
			ReplayDeadLettersCommand replayDeadLetters, EventCatalog catalog, PrintStream stderr) {
		this.replayDeadLetters = Objects.requireNonNull(replayDeadLetters, "replayDeadLetters must not be null");
		this.commandLine = Objects.requireNonNull(commandLine, "commandLine must not be null");
		this.consumeEvents = Objects.requireNonNull(consumeEvents, "consumeEvents must not be null");
		this.produceEvent = Objects.requireNonNull(produceEvent, "produceEvent must not be null");
		this.generateAvroSchemas = Objects.requireNonNull(generateAvroSchemas, "generateAvroSchemas must not be null");
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.stderr = Objects.requireNonNull(stderr, "stderr must not be null");
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exitCode = runCommand();
	}

	/**
	 * Run the command now.
	 * @return its exit status, also kept for {@link #getExitCode()}
	 */
	public int runCommand() {
		CommandArguments arguments = this.commandLine.arguments();
		PrintStream out = this.commandLine.out();
		int status;
		try {
			if (arguments instanceof CommandArguments.ConsumeEvents consume) {
				status = this.consumeEvents.run(consume, out);
			}
			else if (arguments instanceof CommandArguments.ProduceEvent produce) {
				status = this.produceEvent.run(produce, this.commandLine.in(), out);
			}
			else if (arguments instanceof CommandArguments.ReplayDeadLetters replay) {
				status = this.replayDeadLetters.run(replay, out);
			}
			else {
				List<String> args = new ArrayList<>(((CommandArguments.GenerateAvroSchemas) arguments).args());
				status = this.generateAvroSchemas.run(args, this.catalog, out, this.stderr);
			}
		}
		catch (CommandUsageException ex) {
			this.stderr.println("Error: " + ex.getMessage());
			this.stderr.print(arguments.command().usage());
			this.stderr.flush();
			status = EventBusExitCodes.USAGE;
		}
		catch (RuntimeException ex) {
			logger.error(ex, () -> arguments.command().commandName() + " failed: " + ex);
			status = EventBusExitCodes.FAILURE;
		}
		this.exitCode = status;
		return status;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.consumeEvents.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

}
