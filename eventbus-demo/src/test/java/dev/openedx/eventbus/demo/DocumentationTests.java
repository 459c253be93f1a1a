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
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.devservices.DevServicesProperties;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples in {@code README.md} and {@code docs/} are checked, not just written:
 * <ul>
 * <li>every Java block is a copy of a tagged region of compiled source (a sample, or an example under this module's
 * tests), named by a {@code <!-- snippet: path#tag -->} line above it; so are blocks of other languages with such a
 * line; or it is a whole file of the getting-started guide's service, marked {@code <!-- file: path -->}, which
 * {@link GettingStartedGuideTests} builds;</li>
 * <li>every YAML and properties block binds to the real properties classes with nothing left over, its routes name
 * catalog event types whose key fields reach a primitive, and its workers name catalog event types;</li>
 * <li>every relative link points to an existing file (and heading);</li>
 * <li>README.md gives exactly one {@code ./mvnw ... verify} line, the command {@code .ci/run} runs.</li>
 * </ul>
 */
class DocumentationTests {

	private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: (\\S+)#([\\w-]+) -->\\s*$");

	/** A whole file of the guide's service, which {@link GettingStartedGuideTests} builds. */
	private static final Pattern FILE = Pattern.compile("^<!-- file: (\\S+) -->\\s*$");

	private static final String BUILT_GUIDE = "docs/getting-started.md";

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final EventCatalog CATALOG = OpenEdxCatalog.catalog();

	private static final AvroEventCodec CODEC = new AvroEventCodec();

	@Test
	void everyJavaExampleIsACopyOfCompiledSource() throws IOException {
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Block block : blocks()) {
			if (block.file() != null && !block.name().equals(BUILT_GUIDE)) {
				problems.add(block + ": only the file blocks of " + BUILT_GUIDE
						+ " are built (GettingStartedGuideTests)");
			}
			if (block.snippet() == null) {
				if (block.language().equals("java") && block.file() == null) {
					problems.add(block + ": a Java example must be copied from compiled source; put a "
							+ "<!-- snippet: path#tag --> line above it");
				}
				continue;
			}
			checked++;
			String expected = tagged(block.snippet(), block.tag());
			if (!expected.equals(block.text())) {
				problems.add(block + " differs from " + block.snippet() + "#" + block.tag() + "; it should read:\n"
						+ expected);
			}
		}
		assertThat(problems).isEmpty();
		assertThat(checked).as("snippets checked").isGreaterThanOrEqualTo(5);
	}

	@Test
	void everyConfigurationExampleBindsToTheEventBusProperties() throws IOException {
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Block block : blocks()) {
			if (!block.language().equals("yaml") && !block.language().equals("properties")) {
				continue;
			}
			checked++;
			try {
				for (Map<String, Object> document : documents(block)) {
					check(document);
				}
			}
			catch (RuntimeException ex) {
				problems.add(block + ": " + ex.getMessage() + ((ex.getCause() != null) ? " (" + ex.getCause()
						.getMessage() + ")" : ""));
			}
		}
		assertThat(problems).isEmpty();
		assertThat(checked).as("configuration examples checked").isGreaterThanOrEqualTo(5);
	}

	@Test
	void aMisspelledPropertyInAnExampleIsCaught() {
		Map<String, Object> document = Map.of("eventbus.consumer.workers.enrollments.topic", "t",
				"eventbus.consumer.workers.enrollments.consecutive-error-limit", "5");
		org.assertj.core.api.Assertions.assertThatRuntimeException()
			.isThrownBy(() -> check(document))
			.withStackTraceContaining("consecutive-error-limit");
	}

	@Test
	void everyRelativeLinkPointsToAnExistingFileAndHeading() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : markdownFiles()) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			Matcher link = LINK.matcher(text);
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("^[a-z]+:.*")) {
					continue;
				}
				int hash = target.indexOf('#');
				Path targetFile = (hash == 0) ? file
						: file.getParent().resolve((hash > 0) ? target.substring(0, hash) : target).normalize();
				if (!Files.exists(targetFile)) {
					problems.add(relative(file) + ": link to missing " + target);
				}
				else if (hash >= 0 && targetFile.toString().endsWith(".md")
						&& !anchors(targetFile).contains(target.substring(hash + 1))) {
					problems.add(relative(file) + ": link to missing heading " + target);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theReadmeGivesTheDemoFirstAndExactlyOneTestCommandForCi() throws IOException {
		List<String> lines = Files.readAllLines(SampleProcess.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
		List<String> testCommands = lines.stream()
			.filter((line) -> line.strip().startsWith("./mvnw") && line.contains("verify"))
			.toList();
		assertThat(testCommands).containsExactly("./mvnw -B verify");
		List<String> commands = lines.stream()
			.map(String::strip)
			.filter((line) -> line.startsWith("./demo.sh") || line.startsWith("./mvnw"))
			.toList();
		assertThat(commands).first().isEqualTo("./demo.sh");
		assertThat(Files.readString(SampleProcess.ROOT.resolve(".ci/run"))).contains("verify.*")
			.contains("README.md");
	}

	private static void check(Map<String, Object> document) {
		Map<String, Object> eventbus = new LinkedHashMap<>();
		Map<String, Object> devServices = new LinkedHashMap<>();
		document.forEach((key, value) -> {
			if (key.startsWith("eventbus.dev-services.")) {
				devServices.put(key, value);
			}
			else if (key.startsWith("eventbus.")) {
				eventbus.put(key, value);
			}
		});
		BindHandler strict = new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
		EventBusProperties properties = new Binder(new MapConfigurationPropertySource(eventbus))
			.bind("eventbus", Bindable.of(EventBusProperties.class), strict)
			.orElseGet(EventBusProperties::new);
		new Binder(new MapConfigurationPropertySource(devServices)).bind("eventbus.dev-services",
				Bindable.of(DevServicesProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
		properties.getProducer().getEvents().forEach((type, routes) -> {
			EventType<?> eventType = CATALOG.find(type)
				.orElseThrow(() -> new IllegalStateException("route for unknown event type " + type));
			routes.forEach((topic, route) -> {
				if (route.getEventKeyField() != null) {
					CODEC.keyField(eventType, route.getEventKeyField());
				}
			});
		});
		properties.getConsumer().getWorkers().forEach((name, worker) -> worker.getEventTypes()
			.forEach((type) -> CATALOG.find(type)
				.orElseThrow(() -> new IllegalStateException("worker " + name + " names unknown event type " + type))));
	}

	private static List<Map<String, Object>> documents(Block block) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		if (block.language().equals("properties")) {
			Properties properties = new Properties();
			properties.load(new StringReader(block.text()));
			Map<String, Object> document = new LinkedHashMap<>();
			properties.forEach((key, value) -> document.put(key.toString(), value));
			documents.add(document);
			return documents;
		}
		for (PropertySource<?> source : new YamlPropertySourceLoader().load(block.toString(),
				new ByteArrayResource(block.text().getBytes(StandardCharsets.UTF_8)))) {
			Map<String, Object> document = new LinkedHashMap<>();
			for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
				document.put(name, String.valueOf(source.getProperty(name)));
			}
			documents.add(document);
		}
		return documents;
	}

	/** The lines between {@code tag::name[]} and {@code end::name[]}, without the common indentation. */
	static String tagged(String path, String tag) throws IOException {
		List<String> lines = Files.readAllLines(SampleProcess.ROOT.resolve(path), StandardCharsets.UTF_8);
		List<String> region = new ArrayList<>();
		boolean inside = false;
		for (String line : lines) {
			if (line.contains("tag::" + tag + "[]")) {
				inside = true;
			}
			else if (line.contains("end::" + tag + "[]")) {
				inside = false;
			}
			else if (inside && !line.matches("\\s*(//|#) (tag|end)::[\\w-]+\\[\\]\\s*")) {
				region.add(line.replace("\t", "    "));
			}
		}
		assertThat(region).as("tagged region %s in %s", tag, path).isNotEmpty();
		int indent = region.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return String.join("\n", region.stream().map((line) -> line.isBlank() ? "" : line.substring(indent))
			.map(String::stripTrailing)
			.toList());
	}

	private static List<Block> blocks() throws IOException {
		List<Block> blocks = new ArrayList<>();
		for (Path file : markdownFiles()) {
			for (FencedBlock block : FencedBlock.in(file)) {
				Matcher snippet = block.marker(SNIPPET);
				Matcher whole = block.marker(FILE);
				blocks.add(new Block(relative(file), block.line(), block.language(), block.text(),
						(snippet != null) ? snippet.group(1) : null, (snippet != null) ? snippet.group(2) : null,
						(whole != null) ? whole.group(1) : null));
			}
		}
		return blocks;
	}

	private static List<Path> markdownFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(SampleProcess.ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(SampleProcess.ROOT.resolve("docs"))) {
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		return files;
	}

	/** GitHub's anchors of a Markdown file's headings. */
	private static List<String> anchors(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> line.startsWith("#"))
			.map((line) -> line.replaceFirst("^#+\\s*", "")
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-'))
			.toList();
	}

	private static String relative(Path file) {
		return SampleProcess.ROOT.relativize(file).toString();
	}

	private record Block(String name, int line, String language, String text, @Nullable String snippet,
			@Nullable String tag, @Nullable String file) {

		@Override
		public String toString() {
			return this.name + ":" + this.line + " (```" + this.language + ")";
		}

	}

}
