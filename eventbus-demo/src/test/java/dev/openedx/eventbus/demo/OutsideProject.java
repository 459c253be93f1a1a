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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Maven project outside this repository's build, built as a user's would be: from a directory of files (a sample
 * project, or snippets of a guide written out as files), with Maven's own command line, against this project's
 * artifacts installed in a Maven local repository of its own under {@code eventbus-demo/target/} (never
 * {@code ~/.m2}). Other artifacts come from Maven Central into that repository; the machine's {@code ~/.m2} is read
 * first as a read-only tail ({@code maven.repo.local.tail}, Maven 3.9), so a warm machine downloads nothing, a fresh
 * one (CI) downloads what the build here did not ({@code -Deventbus.outside.central-only=true} leaves the tail out,
 * to measure a cold download).
 * <pre class="code">
 * OutsideProject.copyOf(Path.of("eventbus-demo/src/test/outside/badges-service"))
 *     .withFile("src/test/resources/capture.json", vector)
 *     .build("verify")
 *     .assertSucceeded();
 * </pre>
 */
final class OutsideProject {

	/** Where the projects are built, and their local repository. */
	static final Path WORK = SampleProcess.ROOT.resolve("eventbus-demo/target/outside");

	static final Path REPOSITORY = WORK.resolve("m2");

	private static final Duration TIMEOUT = Duration.ofMinutes(15);

	private final Path directory;

	private OutsideProject(Path directory) {
		this.directory = directory;
	}

	/**
	 * A fresh copy of a directory of files (its {@code target/} left out).
	 * @param source the project's files
	 * @return the project, in {@code eventbus-demo/target/outside/<name>}
	 */
	static OutsideProject copyOf(Path source) {
		OutsideProject project = empty(source.getFileName().toString());
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path relative = source.relativize(file);
				if (!relative.startsWith("target")) {
					project.withFile(relative.toString(), file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return project;
	}

	/**
	 * An empty project directory, to fill with {@link #withText} (a guide's snippets).
	 * @param name the directory name
	 * @return the project
	 */
	static OutsideProject empty(String name) {
		Path directory = WORK.resolve(name);
		deleteRecursively(directory);
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new OutsideProject(directory);
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Copy a file into the project.
	 * @param path where, relative to the project
	 * @param source the file
	 * @return this project
	 */
	OutsideProject withFile(String path, Path source) {
		Path target = this.directory.resolve(path);
		try {
			Files.createDirectories(target.getParent());
			Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * Write a text file into the project.
	 * @param path where, relative to the project
	 * @param text the content
	 * @return this project
	 */
	OutsideProject withText(String path, String text) {
		Path target = this.directory.resolve(path);
		try {
			Files.createDirectories(target.getParent());
			Files.writeString(target, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * Run Maven on the project, after installing this project's artifacts in the project's local repository.
	 * @param arguments goals and options, for example {@code verify} or {@code -Dproduction package}
	 * @return what happened
	 */
	Build build(String... arguments) {
		ReactorArtifacts.installInto(REPOSITORY);
		List<String> command = new ArrayList<>(List.of(SampleProcess.ROOT.resolve("mvnw").toString(), "-B",
				"-f", this.directory.resolve("pom.xml").toString(), "-Dmaven.repo.local=" + REPOSITORY));
		Path machineRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
		if (Files.isDirectory(machineRepository) && !Boolean.getBoolean("eventbus.outside.central-only")) {
			command.add("-Dmaven.repo.local.tail=" + machineRepository);
		}
		command.addAll(List.of(arguments));
		Path log = this.directory.resolve("build.log");
		long started = System.nanoTime();
		try {
			Process process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("Still building after " + TIMEOUT + ": " + command + "\n" + tail(log));
			}
			return new Build(command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while building " + this.directory, ex);
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

	/**
	 * The libraries a repackaged (Spring Boot) jar holds.
	 * @param jar the jar
	 * @return the file names under {@code BOOT-INF/lib/}
	 */
	static List<String> libraries(Path jar) {
		List<String> names = new ArrayList<>();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				String name = entries.nextElement().getName();
				if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
					names.add(name.substring("BOOT-INF/lib/".length()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One Maven run.
	 * @param command the command line
	 * @param exitCode Maven's exit status
	 * @param output everything Maven printed
	 * @param took how long it ran
	 */
	record Build(List<String> command, int exitCode, String output, Duration took) {

		Build assertSucceeded() {
			if (this.exitCode != 0) {
				List<String> lines = this.output.lines().toList();
				throw new AssertionError("The outside build failed (exit " + this.exitCode + "): "
						+ String.join(" ", this.command) + "\n"
						+ String.join("\n", lines.subList(Math.max(0, lines.size() - 120), lines.size())));
			}
			return this;
		}

	}

}
