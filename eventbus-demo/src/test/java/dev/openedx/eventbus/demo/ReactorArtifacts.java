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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * This project's published artifacts, taken from the reactor's own {@code target/} directories (the build packages
 * each module before this one runs) and installed in a Maven local repository laid out as {@code mvn install} lays
 * it out: what a user has after {@code ./mvnw install}, without touching {@code ~/.m2}.
 */
final class ReactorArtifacts {

	static final String GROUP = "dev/openedx/eventbus";

	/** The modules a user's build can depend on, and the parent their poms name. */
	static final List<Module> PUBLISHED = List.of(new Module(".", "eventbus-parent", false),
			new Module("eventbus-dependencies", "eventbus-dependencies", false),
			new Module("eventbus-test-support", "eventbus-test-support", true),
			new Module("eventbus-spring-boot-autoconfigure", "eventbus-spring-boot-autoconfigure", true),
			new Module("eventbus-spring-boot-starter", "eventbus-spring-boot-starter", true),
			new Module("eventbus-spring-boot-devservices", "eventbus-spring-boot-devservices", true),
			new Module("eventbus-spring-boot-test", "eventbus-spring-boot-test", true));

	private ReactorArtifacts() {
	}

	static String version() {
		String version = System.getProperty("eventbus.version");
		if (version == null) {
			throw new IllegalStateException("System property eventbus.version is not set (eventbus-demo's pom sets it)");
		}
		return version;
	}

	/**
	 * Install every published module's pom (and jar) in a local repository, replacing what an earlier run put there.
	 * @param repository the local repository
	 */
	static synchronized void installInto(Path repository) {
		String version = version();
		for (Module module : PUBLISHED) {
			Path moduleDir = SampleProcess.ROOT.resolve(module.directory()).normalize();
			Path target = repository.resolve(GROUP).resolve(module.artifactId()).resolve(version);
			String base = module.artifactId() + "-" + version;
			try {
				Files.createDirectories(target);
				Files.copy(moduleDir.resolve("pom.xml"), target.resolve(base + ".pom"),
						StandardCopyOption.REPLACE_EXISTING);
				if (module.jar()) {
					Path jar = moduleDir.resolve("target").resolve(base + ".jar");
					if (!Files.isRegularFile(jar)) {
						throw new IllegalStateException("No " + jar + ": package the project first (./mvnw -B verify "
								+ "runs eventbus-demo's tests after every module is packaged)");
					}
					Files.copy(jar, target.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	record Module(String directory, String artifactId, boolean jar) {
	}

}
