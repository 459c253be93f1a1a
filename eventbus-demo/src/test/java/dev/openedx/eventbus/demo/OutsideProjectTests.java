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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's project, outside this build, on {@code spring-boot-starter-parent}, importing the BOM and depending only
 * on the starter, the development services and {@code eventbus-spring-boot-test}
 * ({@code src/test/outside/badges-service}: a listener, a publisher and the tests of {@code docs/testing.md}), is
 * built and tested by Maven as its user would, from this project's installed artifacts.
 */
class OutsideProjectTests {

	private static final Path BADGES = SampleProcess.ROOT.resolve("eventbus-demo/src/test/outside/badges-service");

	private static final Pattern TESTS_RUN = Pattern
		.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)\\s*$", Pattern.MULTILINE);

	@Test
	void theBadgesServiceBuildsAndPassesTheTestsOfTheTestingGuide() throws IOException {
		OutsideProject project = badges();

		OutsideProject.Build build = project.build("verify").assertSucceeded();

		Matcher totals = TESTS_RUN.matcher(build.output());
		List<String> last = new ArrayList<>();
		while (totals.find()) {
			last = List.of(totals.group(1), totals.group(2), totals.group(3), totals.group(4));
		}
		assertThat(last).as("the totals of the outside build's tests in:\n%s", build.output())
			.containsExactly("7", "0", "0", "0");
		assertThat(OutsideProject.libraries(project.directory().resolve("target/badges-service-1.0.0.jar")))
			.anyMatch((name) -> name.startsWith("eventbus-spring-boot-starter-"))
			.noneMatch((name) -> name.startsWith("eventbus-spring-boot-test-"));
		System.out.println("Outside build of badges-service (verify): " + build.took().toSeconds() + " s");
	}

	@Test
	void aProductionJarHasNoTestClassifierJarsAndNoTestSupport() throws IOException {
		OutsideProject project = badges();

		project.build("-Dproduction", "-DskipTests", "package").assertSucceeded();

		assertThat(OutsideProject.libraries(project.directory().resolve("target/badges-service-1.0.0.jar")))
			.anyMatch((name) -> name.startsWith("kafka-clients-"))
			.noneMatch((name) -> name.endsWith("-test.jar"))
			.noneMatch((name) -> name.startsWith("spring-kafka-test-") || name.startsWith("eventbus-test-support-")
					|| name.startsWith("eventbus-spring-boot-devservices-"));
	}

	@Test
	void theBomManagesEveryPublishedModuleAndTheKafkaVersionTheBuildUses() throws IOException {
		String bom = Files.readString(SampleProcess.ROOT.resolve("eventbus-dependencies/pom.xml"));
		String parent = Files.readString(SampleProcess.ROOT.resolve("pom.xml"));

		for (ReactorArtifacts.Module module : ReactorArtifacts.PUBLISHED) {
			if (module.jar()) {
				assertThat(bom).contains("<artifactId>" + module.artifactId() + "</artifactId>");
			}
		}
		assertThat(property(bom, "kafka.version")).isEqualTo(property(parent, "kafka.version"));
		assertThat(property(bom, "avro.version")).isEqualTo(property(parent, "avro.version"));
		assertThat(bom).contains("<version>" + ReactorArtifacts.version() + "</version>");
		assertThat(property(Files.readString(BADGES.resolve("pom.xml")), "eventbus.version"))
			.isEqualTo(ReactorArtifacts.version());
		assertThat(property(Files.readString(BADGES.resolve("pom.xml")), "kafka.version"))
			.isEqualTo(property(parent, "kafka.version"));
	}

	private static OutsideProject badges() {
		// A capture of the LMS's record of a course passing status, byte for byte (the shared wire vector).
		return OutsideProject.copyOf(BADGES)
			.withFile("src/test/resources/lms-passing-status.json", sharedDir()
				.resolve("spec/vectors/org.openedx.learning.course.passing.status.updated.v1.json"));
	}

	private static Path sharedDir() {
		String dir = System.getProperty("eventbus.shared.dir");
		if (dir == null) {
			throw new IllegalStateException("System property eventbus.shared.dir is not set (the parent pom sets it)");
		}
		return Path.of(dir);
	}

	private static String property(String pom, String name) {
		Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
		assertThat(matcher.find()).as("<%s> in the pom", name).isTrue();
		return matcher.group(1);
	}

}
