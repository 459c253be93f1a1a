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

import dev.openedx.eventbus.autoconfigure.SchemaRegistryConnectionDetails;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * Gives the event bus the schema registry of a Docker Compose service running Confluent's image
 * ({@code confluentinc/cp-schema-registry}), as Spring Boot gives its Kafka support the broker of a {@code kafka}
 * service: {@code http://<host>:<port mapped to 8081>}. Registered in {@code META-INF/spring.factories}.
 */
class SchemaRegistryDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<SchemaRegistryConnectionDetails> {

	static final int REGISTRY_PORT = 8081;

	SchemaRegistryDockerComposeConnectionDetailsFactory() {
		super("confluentinc/cp-schema-registry");
	}

	@Override
	protected SchemaRegistryConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new DockerComposeSchemaRegistryConnectionDetails(source.getRunningService());
	}

	static final class DockerComposeSchemaRegistryConnectionDetails extends DockerComposeConnectionDetails
			implements SchemaRegistryConnectionDetails {

		private final String url;

		DockerComposeSchemaRegistryConnectionDetails(RunningService service) {
			super(service);
			this.url = "http://" + service.host() + ":" + service.ports().get(REGISTRY_PORT);
		}

		@Override
		public String getUrl() {
			return this.url;
		}

	}

}
