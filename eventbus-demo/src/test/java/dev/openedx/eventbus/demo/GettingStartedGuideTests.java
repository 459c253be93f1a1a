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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code docs/getting-started.md} builds as written. The blocks it marks as files ({@code <!-- file: path -->} above
 * the fence) are written into an empty directory, and nothing else: Maven builds them outside this build, from this
 * project's installed artifacts, with and without {@code -Dproduction} and never {@code clean}; the jar is started in
 * the development profile as the guide says, the guide's {@code curl} request publishes an event, and the guide's
 * listener logs it, received from the bus, once, as the guide shows. The guide's Gradle build cannot be built here
 * (no Gradle on this machine, as the guide says): it is held to the modules and versions of the Maven one.
 */
class GettingStartedGuideTests {

	private static final Path GUIDE = SampleProcess.ROOT.resolve("docs/getting-started.md");

	private static final Pattern FILE = Pattern.compile("^<!-- file: (\\S+) -->\\s*$");

	/** A {@code curl -X POST} to the guide's service, its continuation lines joined. */
	private static final Pattern POST = Pattern.compile("curl -X POST localhost:(\\d+)(/\\S*) .*?-d '([^']*)'");

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	/** A screenful: more and a new user stops reading what the service says. */
	private static final int MAX_LINES = 100;

	private static final String DEV_SERVICES = "eventbus-spring-boot-devservices-";

	@TempDir
	Path directory;

	private final HttpJson http = new HttpJson();

	@Test
	void theGuidesServiceBuildsFromItsFilesAndReceivesFromTheBusTheEventItsRequestPublishes() throws Exception {
		List<Block> blocks = blocks();
		Map<String, String> files = files(blocks);
		assertThat(files).containsKeys("pom.xml", "src/main/resources/application.yml");
		Map<String, Object> configuration = yaml(files.get("src/main/resources/application.yml"));
		String serviceName = String.valueOf(configuration.get("spring.application.name"));
		int guidePort = Integer.parseInt(String.valueOf(configuration.getOrDefault("server.port", "8080")));
		String mainClass = javaFileContaining(files, "@SpringBootApplication");
		String listener = javaFileContaining(files, "@OpenEdxEventListener");
		OutsideProject project = OutsideProject.empty("getting-started");
		files.forEach(project::withText);
		Path jar = project.directory().resolve("target/" + element(files.get("pom.xml"), "artifactId") + "-"
				+ element(files.get("pom.xml"), "version") + ".jar");

		buildWithAndWithoutProductionNeverClean(project, jar);

		Request request = request(blocks, guidePort);
		Path stateFile = this.directory.resolve("eventbus-dev-services.properties");
		int port = freePort();
		SampleProcess service = SampleProcess.startJar(jar, this.directory, "--spring.profiles.active=dev",
				"--server.port=" + port, "--eventbus.dev-services.state-file=" + stateFile);
		String eventId;
		long started = System.nanoTime();
		try {
			service.awaitOutput("Started " + mainClass, TIMEOUT);
			System.out.println("The guide's service started in "
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
			JsonNode answer = this.http.post(URI.create("http://localhost:" + port + request.path()),
					HttpJson.json.readTree(request.body()));
			assertThat(answer.path("source").asText()).as("the event's source, from spring.application.name")
				.isEqualTo("openedx/" + serviceName + "/web");
			eventId = answer.path("id").asText();
			URI endpoint = URI.create("http://localhost:" + port + "/actuator/eventbus");
			await().atMost(TIMEOUT).until(() -> handled(this.http.get(endpoint)) == 1);
			assertThat(this.http.get(URI.create("http://localhost:" + port + "/actuator/health/eventbus"))
				.path("status")
				.asText()).isEqualTo("UP");
			service.terminate(TIMEOUT);
		}
		finally {
			service.kill();
		}

		List<String> lines = new ArrayList<>(service.stdoutLines());
		lines.addAll(service.stderr().lines().toList());
		System.out.println("The guide's service (" + lines.size() + " lines):\n" + String.join("\n", lines));
		JsonNode body = HttpJson.json.readTree(request.body());
		assertThat(lines).as("the listener's lines: once for the event, from the bus (not for the local publish)")
			.filteredOn((line) -> line.contains(eventId) && line.contains("." + listener + " "))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(body.path("username").asText())
				.contains(body.path("courseKey").asText())
				.contains("from openedx/" + serviceName + "/web"));
		assertThat(lines).as("the lines the guide shows")
			.anySatisfy((line) -> assertThat(normalized(line)).isEqualTo(guideLine(blocks, "Event bus dev services (")))
			.anySatisfy((line) -> assertThat(normalized(line)).isEqualTo(guideLine(blocks, "received from the bus")));
		assertThat(lines).as("quiet: " + String.join("\n", lines))
			.hasSizeLessThan(MAX_LINES)
			.noneMatch((line) -> line.contains(" ERROR ") || line.contains("Exception"));
	}

	@Test
	void theGradleBuildNamesTheModulesAndVersionsOfTheMavenBuild() throws Exception {
		List<Block> blocks = blocks();
		Document pom = xml(files(blocks).get("pom.xml"));
		String gradle = blocks.stream()
			.filter((block) -> block.language().equals("kotlin"))
			.map(Block::text)
			.reduce((a, b) -> {
				throw new AssertionError("One Gradle build in the guide, not two");
			})
			.orElseThrow(() -> new AssertionError("No Gradle build (```kotlin) in " + GUIDE));

		Element project = pom.getDocumentElement();
		Map<String, String> properties = new LinkedHashMap<>();
		for (Element property : children(child(project, "properties"))) {
			properties.put(property.getTagName(), property.getTextContent().strip());
		}
		Element bom = children(child(child(project, "dependencyManagement"), "dependencies")).get(0);
		Set<String> mavenDependencies = new LinkedHashSet<>();
		for (Element dependency : children(child(project, "dependencies"))) {
			String scope = text(dependency, "scope", "compile");
			mavenDependencies.add(switch (scope) {
				case "compile" -> "implementation";
				case "runtime" -> "runtimeOnly";
				case "test" -> "testImplementation";
				default -> throw new AssertionError("scope " + scope + " has no Gradle counterpart here");
			} + " " + coordinates(dependency));
		}
		for (Element profile : children(child(project, "profiles"))) {
			for (Element dependency : children(child(profile, "dependencies"))) {
				mavenDependencies.add("developmentOnly " + coordinates(dependency));
			}
		}
		Set<String> gradleDependencies = new LinkedHashSet<>();
		Matcher declared = Pattern.compile("(?m)^\\s*(\\w+)\\(\"([^\":]+:[^\":]+)\"\\)\\s*$").matcher(gradle);
		while (declared.find()) {
			gradleDependencies.add(declared.group(1) + " " + declared.group(2));
		}
		// Gradle's own need (since Gradle 9); Maven's Surefire brings its JUnit launcher itself.
		assertThat(gradleDependencies.remove("testRuntimeOnly org.junit.platform:junit-platform-launcher")).isTrue();

		assertThat(gradleDependencies).containsExactlyInAnyOrderElementsOf(mavenDependencies);
		assertThat(gradle)
			.contains("id(\"org.springframework.boot\") version \"" + text(child(project, "parent"), "version", "")
					+ "\"")
			.contains("group = \"" + text(project, "groupId", "") + "\"")
			.contains("version = \"" + text(project, "version", "") + "\"")
			.contains("JavaLanguageVersion.of(" + properties.get("java.version") + ")")
			.contains("extra[\"kafka.version\"] = \"" + properties.get("kafka.version") + "\"")
			.contains("mavenBom(\"" + coordinates(bom) + ":"
					+ text(bom, "version", "").replace("${eventbus.version}", properties.get("eventbus.version"))
					+ "\")")
			.contains("mavenLocal()");
		assertThat(properties.get("eventbus.version")).isEqualTo(ReactorArtifacts.version());
	}

	/**
	 * As the guide says: {@code mvn package}, {@code mvn package -Dproduction} for the jar to deploy, and back, each
	 * time without {@code clean}.
	 */
	private static void buildWithAndWithoutProductionNeverClean(OutsideProject project, Path jar) {
		OutsideProject.Build first = project.build("package").assertSucceeded();
		assertThat(OutsideProject.libraries(jar)).anyMatch((name) -> name.startsWith(DEV_SERVICES));
		OutsideProject.Build production = project.build("-Dproduction", "package").assertSucceeded();
		assertThat(OutsideProject.libraries(jar)).as("the jar of -Dproduction, built after a development one")
			.anyMatch((name) -> name.startsWith("eventbus-spring-boot-starter-"))
			.noneMatch((name) -> name.startsWith(DEV_SERVICES) || name.endsWith("-test.jar"));
		OutsideProject.Build again = project.build("package").assertSucceeded();
		assertThat(OutsideProject.libraries(jar)).as("the development jar, built after a production one")
			.anyMatch((name) -> name.startsWith(DEV_SERVICES));
		System.out.println("Outside builds of the guide's service: package " + first.took().toSeconds()
				+ " s, -Dproduction package " + production.took().toSeconds() + " s, package "
				+ again.took().toSeconds() + " s");
	}

	private static int handled(JsonNode endpoint) {
		int handled = 0;
		for (JsonNode worker : endpoint.path("workers")) {
			handled += worker.path("handled").asInt();
		}
		return handled;
	}

	/** The guide's request to its own service (not to the samples, which have ports of their own). */
	private static Request request(List<Block> blocks, int guidePort) {
		List<Request> requests = new ArrayList<>();
		for (Block block : blocks) {
			Matcher post = POST.matcher(block.text().replaceAll("\\\\\\n\\s*", " "));
			while (post.find()) {
				if (Integer.parseInt(post.group(1)) == guidePort) {
					requests.add(new Request(post.group(2), post.group(3)));
				}
			}
		}
		assertThat(requests).as("curl -X POST requests to localhost:%d in the guide", guidePort).hasSize(1);
		return requests.get(0);
	}

	/** The one line of output (in a block without language) the guide shows that contains a text, normalized. */
	private static String guideLine(List<Block> blocks, String text) {
		List<String> lines = blocks.stream()
			.filter((block) -> block.language().isEmpty() && block.file() == null)
			.flatMap((block) -> block.text().lines())
			.filter((line) -> line.contains(text))
			.toList();
		assertThat(lines).as("lines with '%s' in the guide", text).hasSize(1);
		return normalized(lines.get(0));
	}

	/**
	 * A log line without what changes from run to run: the log prefix (up to the logger's name), ports, the state
	 * file, the event id (which the guide abridges).
	 */
	private static String normalized(String line) {
		String message = line.replaceFirst("^.*? : ", "").replaceFirst("^\\.\\.\\. INFO \\.\\.\\. (\\S+ : )?", "");
		return message.replaceAll("localhost:\\d+", "localhost:<port>")
			.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>")
			.replaceAll("through \\S+;", "through <state file>;")
			.replaceAll("event [0-9a-f]{8}-[0-9a-f.-]+ from", "event <id> from");
	}

	private static String javaFileContaining(Map<String, String> files, String text) {
		List<String> classes = files.entrySet()
			.stream()
			.filter((file) -> file.getKey().endsWith(".java") && file.getValue().contains(text))
			.map((file) -> Path.of(file.getKey()).getFileName().toString().replace(".java", ""))
			.toList();
		assertThat(classes).as("Java files of the guide with %s", text).hasSize(1);
		return classes.get(0);
	}

	/**
	 * The file blocks of the guide by path. The text just before each one names its path in backticks, so that a
	 * reader (who does not see the marker) knows where it goes.
	 */
	private static Map<String, String> files(List<Block> blocks) {
		Map<String, String> files = new LinkedHashMap<>();
		for (Block block : blocks) {
			if (block.file() == null) {
				continue;
			}
			assertThat(block.before()).as("the text before the file block at line %d", block.line())
				.contains("`" + block.file() + "`");
			assertThat(files.put(block.file(), block.text() + "\n")).as("file %s given twice", block.file()).isNull();
		}
		return files;
	}

	private static List<Block> blocks() throws IOException {
		List<Block> blocks = new ArrayList<>();
		for (FencedBlock block : FencedBlock.in(GUIDE)) {
			Matcher file = block.marker(FILE);
			blocks.add(new Block(block.line(), block.language(), block.text(), (file != null) ? file.group(1) : null,
					block.prose()));
		}
		return blocks;
	}

	private static Map<String, Object> yaml(String text) throws IOException {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
				new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)))) {
			for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
				properties.putIfAbsent(name, source.getProperty(name));
			}
		}
		return properties;
	}

	private static Document xml(String text) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
	}

	/** A child element of the pom's {@code <project>}, such as its {@code artifactId}. */
	private static String element(String pom, String name) throws Exception {
		return text(xml(pom).getDocumentElement(), name, "");
	}

	private static Element child(Element parent, String name) {
		return children(parent).stream()
			.filter((element) -> element.getTagName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No <" + name + "> in <" + parent.getTagName() + ">"));
	}

	private static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
				children.add((Element) nodes.item(i));
			}
		}
		return children;
	}

	private static String text(Element parent, String name, String otherwise) {
		return children(parent).stream()
			.filter((element) -> element.getTagName().equals(name))
			.map((element) -> element.getTextContent().strip())
			.findFirst()
			.orElse(otherwise);
	}

	private static String coordinates(Element dependency) {
		return text(dependency, "groupId", "") + ":" + text(dependency, "artifactId", "");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A fenced block of the guide.
	 * @param line where its fence opens
	 * @param language the fence's language
	 * @param text the lines inside
	 * @param file the path it is marked as, or {@code null}
	 * @param before the closest line of text above it
	 */
	private record Block(int line, String language, String text, @Nullable String file, String before) {
	}

	private record Request(String path, String body) {
	}

}
