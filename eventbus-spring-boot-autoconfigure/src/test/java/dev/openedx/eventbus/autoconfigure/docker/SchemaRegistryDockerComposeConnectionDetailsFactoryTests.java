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

package dev.openedx.eventbus.autoconfigure.docker;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.autoconfigure.SchemaRegistryConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema registry of a compose service running Confluent's image, as Spring Boot's Docker Compose support hands
 * it over (a running service is a unit seam here: this machine has no Docker to run one).
 */
class SchemaRegistryDockerComposeConnectionDetailsFactoryTests {

	private final SchemaRegistryDockerComposeConnectionDetailsFactory factory =
			new SchemaRegistryDockerComposeConnectionDetailsFactory();

	@Test
	void aConfluentSchemaRegistryServiceGivesItsMappedUrl() throws Exception {
		SchemaRegistryConnectionDetails details = this.factory
			.getConnectionDetails(source(service("confluentinc/cp-schema-registry:7.9.0", 38081)));

		assertThat(details).isNotNull();
		assertThat(details.getUrl()).isEqualTo("http://127.0.0.1:38081");
		assertThat(details.getUsername()).isNull();
	}

	@Test
	void anotherImageIsNotTakenForARegistry() throws Exception {
		assertThat(this.factory.getConnectionDetails(source(service("confluentinc/cp-kafka:7.9.0", 39092)))).isNull();
	}

	private static DockerComposeConnectionSource source(RunningService service) throws Exception {
		Constructor<DockerComposeConnectionSource> constructor = DockerComposeConnectionSource.class
			.getDeclaredConstructor(RunningService.class, org.springframework.core.env.Environment.class);
		constructor.setAccessible(true);
		return constructor.newInstance(service, new MockEnvironment());
	}

	private static RunningService service(String image, int mappedPort) {
		return new RunningService() {

			@Override
			public String name() {
				return "schema-registry";
			}

			@Override
			public ImageReference image() {
				return ImageReference.of(image);
			}

			@Override
			public String host() {
				return "127.0.0.1";
			}

			@Override
			public ConnectionPorts ports() {
				return new ConnectionPorts() {

					@Override
					public int get(int containerPort) {
						return (containerPort == 8081) ? mappedPort : -1;
					}

					@Override
					public List<Integer> getAll() {
						return List.of(mappedPort);
					}

					@Override
					public List<Integer> getAll(String protocol) {
						return List.of(mappedPort);
					}

				};
			}

			@Override
			public Map<String, String> env() {
				return Map.of();
			}

			@Override
			public Map<String, String> labels() {
				return Map.of();
			}

		};
	}

}
