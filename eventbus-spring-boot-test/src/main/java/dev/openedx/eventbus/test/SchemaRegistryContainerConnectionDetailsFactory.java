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

package dev.openedx.eventbus.test;

import dev.openedx.eventbus.autoconfigure.SchemaRegistryConnectionDetails;
import org.testcontainers.containers.Container;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Gives the event bus the schema registry of a {@code @ServiceConnection} container running Confluent's image
 * ({@code confluentinc/cp-schema-registry}): {@code http://<host>:<port mapped to 8081>}. Registered in
 * {@code META-INF/spring.factories}.
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static GenericContainer&lt;?&gt; registry = new GenericContainer&lt;&gt;("confluentinc/cp-schema-registry:7.9.0")
 *     .withExposedPorts(8081)...;
 * </pre>
 */
class SchemaRegistryContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, SchemaRegistryConnectionDetails> {

	static final int REGISTRY_PORT = 8081;

	SchemaRegistryContainerConnectionDetailsFactory() {
		super("confluentinc/cp-schema-registry");
	}

	@Override
	protected SchemaRegistryConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<Container<?>> source) {
		return new ContainerSchemaRegistryConnectionDetails(source);
	}

	static final class ContainerSchemaRegistryConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements SchemaRegistryConnectionDetails {

		ContainerSchemaRegistryConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public String getUrl() {
			Container<?> container = getContainer();
			return "http://" + container.getHost() + ":" + container.getMappedPort(REGISTRY_PORT);
		}

	}

}
