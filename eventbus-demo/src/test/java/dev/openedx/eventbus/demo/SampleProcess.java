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

package dev.openedx.eventbus.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A packaged sample (or another executable jar) run as a process with a command
 * ({@code java -jar sample-consumer-app.jar consume-events ...}), its standard output and error captured in files.
 */
final class SampleProcess {

	static final Path ROOT = Path.of(System.getProperty("eventbus.root")).toAbsolutePath().normalize();

	private final Process process;

	private final Path stdout;

	private final Path stderr;

	private final List<String> command;

	private SampleProcess(Process process, Path stdout, Path stderr, List<String> command) {
		this.process = process;
		this.stdout = stdout;
		this.stderr = stderr;
		this.command = command;
	}

	/**
	 * Start a sample's jar.
	 * @param module {@code sample-producer-app} or {@code sample-consumer-app}
	 * @param directory the working directory; the outputs go there too
	 * @param arguments the program arguments
	 * @return the running process
	 */
	static SampleProcess start(String module, Path directory, String... arguments) {
		return start(SampleService.jar(ROOT, module), arguments[0], directory, arguments);
	}

	/**
	 * Start an executable jar, for example one built outside this build.
	 * @param jar the jar
	 * @param directory the working directory; the outputs go there too
	 * @param arguments the program arguments
	 * @return the running process
	 */
	static SampleProcess startJar(Path jar, Path directory, String... arguments) {
		return start(jar, jar.getFileName().toString().replaceFirst("\\.jar$", ""), directory, arguments);
	}

	private static SampleProcess start(Path jar, String outputName, Path directory, String... arguments) {
		List<String> command = new ArrayList<>(List.of(SampleService.javaExecutable(), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
		command.addAll(List.of(arguments));
		String name = outputName + "-" + UUID.randomUUID().toString().substring(0, 8);
		Path stdout = directory.resolve(name + ".out");
		Path stderr = directory.resolve(name + ".err");
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			return new SampleProcess(process, stdout, stderr, command);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait for the process to end.
	 * @param timeout how long at most; then it is killed and the test fails
	 * @return the exit status
	 */
	int waitFor(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("Still running after " + timeout.toSeconds() + " s: " + this.command
						+ "\nstderr:\n" + stderr());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
			throw new AssertionError("Interrupted", ex);
		}
	}

	void kill() {
		this.process.destroyForcibly();
	}

	/**
	 * Stop it as a terminal or a supervisor would (SIGTERM: Spring Boot's graceful shutdown) and wait for it to end.
	 * @param timeout how long at most; then it is killed and the test fails
	 * @return the exit status
	 */
	int terminate(Duration timeout) {
		this.process.destroy();
		return waitFor(timeout);
	}

	/**
	 * Wait until a line of standard output contains a text.
	 * @param text the text
	 * @param timeout how long at most; then the test fails
	 */
	void awaitOutput(String text, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (stdoutLines().stream().noneMatch((line) -> line.contains(text))) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				this.process.destroyForcibly();
				throw new AssertionError("No line with '" + text + "' from " + this.command + "\nstdout:\n"
						+ String.join("\n", stdoutLines()) + "\nstderr:\n" + stderr());
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted", ex);
			}
		}
	}

	List<String> stdoutLines() {
		try {
			return Files.readAllLines(this.stdout, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Each line of standard output as JSON: the command's results. */
	List<JsonNode> jsonLines() {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : stdoutLines()) {
			try {
				lines.add(HttpJson.json.readTree(line));
			}
			catch (IOException ex) {
				throw new AssertionError("Not a JSON line on standard output: " + line + "\nstderr:\n" + stderr(), ex);
			}
		}
		return lines;
	}

	String stderr() {
		try {
			return Files.readString(this.stderr, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return String.join(" ", this.command);
	}

}
