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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One sample application running as a separate process ({@code java -jar}), with its output in a log file.
 *
 * @since 0.1.0
 */
final class SampleService {

	/** Small and quick to start: the services run side by side on a developer machine. */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC");

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private final long startedAt = System.nanoTime();

	private SampleService(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Start a sample's jar on a free port.
	 * @param name the service name to show (its {@code spring.application.name})
	 * @param jar the packaged sample
	 * @param arguments Spring Boot arguments, for example {@code --spring.profiles.active=dev}
	 * @param log where its standard output and error go
	 * @return the started (not yet ready) service
	 */
	static SampleService start(String name, Path jar, List<String> arguments, Path log) {
		return start(name, jar, List.of(), arguments, log);
	}

	/**
	 * Start a sample's jar on a free port with extra JVM options.
	 * @param name the service name to show (its {@code spring.application.name})
	 * @param jar the packaged sample
	 * @param jvmOptions options for the JVM, for example {@code -Dspring.aot.enabled=true}
	 * @param arguments Spring Boot arguments, for example {@code --spring.profiles.active=dev}
	 * @param log where its standard output and error go
	 * @return the started (not yet ready) service
	 */
	static SampleService start(String name, Path jar, List<String> jvmOptions, List<String> arguments, Path log) {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(JVM_OPTIONS);
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.addAll(arguments);
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new SampleService(name, port, log, process);
		}
		catch (IOException ex) {
			throw new DemoException("Could not start " + name + " (" + String.join(" ", command) + "): "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Find a packaged sample under the repository root.
	 * @param root the repository root
	 * @param module the sample's module, for example {@code sample-producer-app}
	 * @return the executable jar
	 */
	static Path jar(Path root, String module) {
		Path target = root.resolve(module).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(module + "-")
						&& file.getFileName().toString().endsWith(".jar"))
				.findFirst()
				.orElseThrow(() -> new DemoException("No " + module + " jar in " + target + ": build it first with "
						+ "./mvnw -q -B -DskipTests -pl eventbus-demo -am package"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JVM running this code, so the services run on the same Java.
	 * @return the path of the {@code java} executable
	 */
	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	Path log() {
		return this.log;
	}

	long pid() {
		return this.process.pid();
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * Wait until the service reports UP on {@code /actuator/health}.
	 * @param http the client
	 * @param timeout how long to wait
	 * @return how long the service took to start
	 */
	Duration awaitHealthy(HttpJson http, Duration timeout) {
		long deadline = this.startedAt + timeout.toNanos();
		String last = "no answer yet";
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new DemoException(this.name + " stopped during startup with status " + this.process.exitValue()
						+ "; see " + this.log);
			}
			try {
				JsonNode health = http.get(uri("/actuator/health"));
				last = health.path("status").asText("?");
				if (last.equals("UP")) {
					return Duration.ofNanos(System.nanoTime() - this.startedAt);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			sleep(Duration.ofMillis(250));
		}
		throw new DemoException(this.name + " was not healthy within " + timeout.toSeconds() + " s (health: " + last
				+ "); see " + this.log);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Stop gracefully (SIGTERM: Spring Boot's shutdown, workers acknowledge what they handled), forcibly after the
	 * timeout.
	 * @param timeout how long a graceful stop may take
	 * @return whether it stopped gracefully
	 */
	boolean stop(Duration timeout) {
		if (!this.process.isAlive()) {
			return true;
		}
		this.process.destroy();
		try {
			if (this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process.destroyForcibly();
		return false;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new DemoException("No free local port: " + ex.getMessage(), ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DemoException("Interrupted");
		}
	}

}
