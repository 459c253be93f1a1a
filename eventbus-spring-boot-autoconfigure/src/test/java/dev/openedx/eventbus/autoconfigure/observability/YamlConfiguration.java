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

package dev.openedx.eventbus.autoconfigure.observability;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Loads an {@code application.yml} of this package into a test's context, as Spring Boot would, so that a test runs
 * exactly the configuration the documentation shows (its placeholders filled by the test's own properties).
 */
final class YamlConfiguration {

	private YamlConfiguration() {
	}

	static ApplicationContextInitializer<ConfigurableApplicationContext> of(String name) {
		return (context) -> {
			try {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load(name,
						new ClassPathResource(name, YamlConfiguration.class))) {
					context.getEnvironment().getPropertySources().addLast(source);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + name, ex);
			}
		};
	}

}
