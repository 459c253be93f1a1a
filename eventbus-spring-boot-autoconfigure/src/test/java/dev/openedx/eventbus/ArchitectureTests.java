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

package dev.openedx.eventbus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListenerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package map of {@code docs/architecture.md}, held against the compiled classes: the layers table of the
 * document is read here, so the document and the code cannot drift apart. Besides the layers, the shape of an
 * auto-configuration as Spring Boot's own architecture rules want it, and the documentation every public type and
 * package carries.
 */
class ArchitectureTests {

	private static final String BASE = "dev.openedx.eventbus";

	private static final Path MAP = Path.of("..", "docs", "architecture.md");

	private static final Path SOURCES = Path.of("src", "main", "java");

	private static final Pattern LAYER_ROW = Pattern.compile("^\\| (\\d+) \\| ([^|]+) \\|", Pattern.MULTILINE);

	private static final Pattern PACKAGE = Pattern.compile("`([a-z.]+)`");

	private static JavaClasses classes;

	private static Map<String, Integer> layers;

	@BeforeAll
	static void importClasses() throws IOException {
		// The library's own classes only, not those of the modules on its test class path.
		classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
		layers = layers(Files.readString(MAP));
	}

	@Test
	void theMapNamesLayersInOrder() {
		assertThat(layers).as("layers read from " + MAP).hasSizeGreaterThan(10).containsKeys("event", "autoconfigure");
		assertThat(layers.get("event")).isLessThan(layers.get("consumer"));
	}

	@Test
	void everyPackageIsInTheMap() {
		Set<String> unmapped = new TreeSet<>();
		for (JavaClass type : classes) {
			String name = relative(type.getPackageName());
			if (!type.getSimpleName().equals("package-info") && !name.isEmpty() && !layers.containsKey(name)) {
				unmapped.add(name);
			}
		}
		assertThat(unmapped).as("packages missing from the layers table of " + MAP).isEmpty();
	}

	@Test
	void packagesUseOnlyLowerLayers() {
		// One example per pair of packages keeps the failure readable.
		Map<String, String> violations = new TreeMap<>();
		for (JavaClass type : classes) {
			String from = relative(type.getPackageName());
			Integer fromLayer = layers.get(from);
			if (fromLayer == null) {
				continue;
			}
			for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
				JavaClass target = dependency.getTargetClass();
				if (!target.getPackageName().startsWith(BASE)) {
					continue;
				}
				String to = relative(target.getPackageName());
				Integer toLayer = layers.get(to);
				if (!to.equals(from) && (toLayer == null || toLayer >= fromLayer)) {
					violations.putIfAbsent(from + " (layer " + fromLayer + ") -> " + to + " (layer " + toLayer + ")",
							dependency.getDescription());
				}
			}
		}
		assertThat(violations).as("dependencies on the same or a higher layer").isEmpty();
	}

	@Test
	void autoConfigurationsArePublicFinalWithPackagePrivateMembers() {
		List<String> violations = new ArrayList<>();
		for (JavaClass type : classes) {
			if (!type.isAnnotatedWith(AutoConfiguration.class)) {
				continue;
			}
			if (!type.getModifiers().containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.FINAL))) {
				violations.add(type.getName() + " is not public final");
			}
			for (JavaConstructor constructor : type.getConstructors()) {
				// The implicit constructor of a class without one is public, as in Spring Boot's own.
				boolean implicit = constructor.getRawParameterTypes().isEmpty();
				if (!implicit && constructor.getModifiers().contains(JavaModifier.PUBLIC)) {
					violations.add(constructor.getFullName() + " is public");
				}
			}
			for (JavaMethod method : type.getMethods()) {
				if (method.getModifiers().contains(JavaModifier.PUBLIC)) {
					violations.add(method.getFullName() + " is public");
				}
			}
			for (JavaClass nested : type.getAllSubclasses()) {
				violations.add(nested.getName() + " extends an auto-configuration");
			}
		}
		for (JavaClass type : classes) {
			if (type.isAnnotatedWith(Configuration.class) && !type.isAnnotatedWith(AutoConfiguration.class)
					&& type.getModifiers().contains(JavaModifier.PUBLIC)) {
				violations.add(type.getName() + " is a public @Configuration class");
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void conditionsAreNotPublic() {
		List<String> publicConditions = new ArrayList<>();
		for (JavaClass type : classes) {
			if (type.isAssignableTo(Condition.class) && type.getModifiers().contains(JavaModifier.PUBLIC)) {
				publicConditions.add(type.getName());
			}
		}
		assertThat(publicConditions).isEmpty();
	}

	@Test
	void postProcessorAndListenerFactoryBeanMethodsAreStatic() {
		List<String> violations = new ArrayList<>();
		for (JavaClass type : classes) {
			for (JavaMethod method : type.getMethods()) {
				JavaClass returned = method.getRawReturnType();
				boolean early = returned.isAssignableTo(BeanPostProcessor.class)
						|| returned.isAssignableTo(BeanFactoryPostProcessor.class)
						|| returned.isAssignableTo(EventListenerFactory.class);
				if (method.isAnnotatedWith(Bean.class) && early
						&& !method.getModifiers().contains(JavaModifier.STATIC)) {
					violations.add(method.getFullName());
				}
			}
		}
		assertThat(violations).as("bean methods that run before the other beans exist must be static").isEmpty();
	}

	@Test
	void publicTypesHaveJavadocWithSince() throws IOException {
		List<String> undocumented = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(SOURCES)) {
			for (Path source : sources.filter((file) -> file.toString().endsWith(".java")).toList()) {
				String name = source.getFileName().toString().replace(".java", "");
				String text = Files.readString(source);
				Matcher declaration = Pattern.compile("^public (?:final |abstract |sealed |non-sealed )*"
						+ "(?:class|interface|record|enum|@interface) " + name + "\\b", Pattern.MULTILINE)
					.matcher(text);
				if (!declaration.find()) {
					continue;
				}
				String before = text.substring(0, declaration.start());
				int end = before.lastIndexOf("*/");
				int javadoc = before.lastIndexOf("/**");
				// Only annotations (and their indented continuation lines) may stand between Javadoc and type.
				boolean adjacent = end > javadoc && javadoc >= 0
						&& before.substring(end + 2).lines().allMatch((line) -> line.isBlank() || line.startsWith("@")
								|| line.startsWith("\t") || line.startsWith(" "));
				if (!adjacent || !before.substring(javadoc, end).contains("@since")) {
					undocumented.add(SOURCES.relativize(source).toString());
				}
			}
		}
		assertThat(undocumented).as("public types without Javadoc and @since").isEmpty();
	}

	@Test
	void everyPackageHasANullMarkedPackageInfo() throws IOException {
		List<String> missing = new ArrayList<>();
		try (Stream<Path> directories = Files.walk(SOURCES)) {
			for (Path directory : directories.filter(Files::isDirectory).toList()) {
				boolean hasSources;
				try (Stream<Path> files = Files.list(directory)) {
					hasSources = files.anyMatch((file) -> file.toString().endsWith(".java"));
				}
				Path info = directory.resolve("package-info.java");
				if (hasSources && (!Files.exists(info) || !Files.readString(info).contains("@NullMarked"))) {
					missing.add(SOURCES.relativize(directory).toString());
				}
			}
		}
		assertThat(missing).as("packages without a @NullMarked package-info.java").isEmpty();
	}

	private static String relative(String packageName) {
		return packageName.equals(BASE) ? "" : packageName.substring(BASE.length() + 1);
	}

	private static Map<String, Integer> layers(String map) {
		Map<String, Integer> layers = new LinkedHashMap<>();
		Matcher row = LAYER_ROW.matcher(map);
		while (row.find()) {
			int layer = Integer.parseInt(row.group(1));
			Matcher name = PACKAGE.matcher(row.group(2));
			while (name.find()) {
				layers.put(name.group(1), layer);
			}
		}
		return layers;
	}

}
