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

package dev.openedx.eventbus.autoconfigure;

import java.time.Duration;

import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.kafka.SchemaRegistryException;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema registry connection comes from {@code eventbus.kafka.schema-registry.*} unless a
 * {@link SchemaRegistryConnectionDetails} bean (what Testcontainers' {@code @ServiceConnection} and Docker Compose
 * provide) gives it, against a real in-process registry that checks the credentials.
 */
class SchemaRegistryConnectionDetailsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9");

	@Test
	void theConnectionComesFromThePropertiesByDefault() {
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry(0, "key", "secret")) {
			this.contextRunner
				.withPropertyValues("eventbus.kafka.schema-registry.url=" + registry.url(),
						"eventbus.kafka.schema-registry.api-key=key", "eventbus.kafka.schema-registry.api-secret=secret")
				.run((context) -> {
					assertThat(context).hasSingleBean(PropertiesSchemaRegistryConnectionDetails.class);
					SchemaRegistryClient client = context.getBean(SchemaRegistryClient.class);
					assertThat(client.url()).isEqualTo(registry.url());
					client.ping(Duration.ofSeconds(5));
				});
		}
	}

	@Test
	void aConnectionDetailsBeanWinsOverTheProperties() {
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry(0, "container-user", "container-password")) {
			this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.url=http://not-this-one:8081")
				.withBean(SchemaRegistryConnectionDetails.class, () -> new SchemaRegistryConnectionDetails() {

					@Override
					public String getUrl() {
						return registry.url();
					}

					@Override
					public String getUsername() {
						return "container-user";
					}

					@Override
					public String getPassword() {
						return "container-password";
					}

				})
				.run((context) -> {
					assertThat(context).doesNotHaveBean(PropertiesSchemaRegistryConnectionDetails.class);
					SchemaRegistryClient client = context.getBean(SchemaRegistryClient.class);
					assertThat(client.url()).isEqualTo(registry.url());
					client.ping(Duration.ofSeconds(5));
				});
		}
	}

	@Test
	void wrongCredentialsAreRefusedByTheRegistry() {
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry(0, "key", "secret")) {
			this.contextRunner
				.withPropertyValues("eventbus.kafka.schema-registry.url=" + registry.url(),
						"eventbus.kafka.schema-registry.api-key=key", "eventbus.kafka.schema-registry.api-secret=wrong")
				.run((context) -> assertThatExceptionOfType(SchemaRegistryException.class)
					.isThrownBy(() -> context.getBean(SchemaRegistryClient.class).ping(Duration.ofSeconds(5)))
					.withMessageContaining("refused the credentials"));
		}
	}

	@Test
	void withoutAnyConnectionTheUrlPropertyIsNamed() {
		this.contextRunner.run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("eventbus.kafka.schema-registry.url"));
	}

}
