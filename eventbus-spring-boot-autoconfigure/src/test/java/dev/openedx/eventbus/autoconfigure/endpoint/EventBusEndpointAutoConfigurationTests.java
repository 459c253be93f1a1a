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

package dev.openedx.eventbus.autoconfigure.endpoint;

import java.security.Principal;
import java.util.Map;

import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.monitor.EventBusBacklogMonitorAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, EventBusAutoConfiguration.class,
				EventBusBacklogMonitorAutoConfiguration.class,
				EventBusEndpointAutoConfiguration.class))
		.withBean(EventType.class, () -> TestEvents.BOOK_LOANED)
		.withBean(EventBusProducer.class, RecordingProducer::new)
		.withPropertyValues("eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE
				+ "].loans.event-key-field=book.isbn",
				"eventbus.kafka.schema-registry.api-secret=never-shown",
				"spring.kafka.properties[sasl.jaas.config]=PlainLoginModule required username=\"u\" password=\"p4ss\";");

	@Test
	void exposedEndpointShowsTheRoutesAndEffectiveSettingsWithSecretsMasked() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=eventbus",
				"management.endpoint.eventbus.show-values=always",
				"spring.kafka.properties.basic.auth.user.info=registry-key:registry-secret").run((context) -> {
			EventBusEndpoint.EventBusDescriptor descriptor = context.getBean(EventBusEndpoint.class)
				.eventBus(SecurityContext.NONE);
			assertThat(descriptor.routes()).singleElement()
				.satisfies((route) -> assertThat(route.topic()).isEqualTo("loans"));
			@SuppressWarnings("unchecked")
			Map<String, Object> eventbus = (Map<String, Object>) descriptor.settings().get("eventbus");
			assertThat(eventbus).containsEntry("transport", "kafka").containsKey("monitoring");
			assertThat(descriptor.settings().toString()).contains("api-secret=******")
				.contains("sasl.jaas.config=******")
				.doesNotContain("never-shown")
				.doesNotContain("p4ss")
				.doesNotContain("registry-secret");
		});
	}

	@Test
	void valuesAreMaskedByDefaultAsInSpringBootsEnvironmentEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=eventbus").run((context) -> {
			EventBusEndpoint.EventBusDescriptor descriptor = context.getBean(EventBusEndpoint.class)
				.eventBus(SecurityContext.NONE);
			assertThat(descriptor.routes()).singleElement()
				.satisfies((route) -> assertThat(route.topic()).isEqualTo("loans"));
			@SuppressWarnings("unchecked")
			Map<String, Object> eventbus = (Map<String, Object>) descriptor.settings().get("eventbus");
			assertThat(eventbus).containsEntry("transport", "******");
		});
	}

	@Test
	void whenAuthorizedValuesAreShownToTheRolesOnly() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=eventbus",
					"management.endpoint.eventbus.show-values=when-authorized", "management.endpoint.eventbus.roles=ops")
			.run((context) -> {
				EventBusEndpoint endpoint = context.getBean(EventBusEndpoint.class);
				assertThat(endpoint.eventBus(caller("ops")).settings().toString()).contains("transport=kafka");
				assertThat(endpoint.eventBus(caller("dev")).settings().toString()).contains("transport=******");
				assertThat(endpoint.eventBus(SecurityContext.NONE).settings().toString())
					.contains("transport=******");
			});
	}

	@Test
	void theApplicationsSanitizingFunctionsApply() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=eventbus",
					"management.endpoint.eventbus.show-values=always", "eventbus.topic-prefix=stage")
			.withBean(SanitizingFunction.class,
					() -> (data) -> data.getKey().endsWith("topic-prefix") ? data.withSanitizedValue() : data)
			.run((context) -> assertThat(context.getBean(EventBusEndpoint.class)
				.eventBus(SecurityContext.NONE)
				.settings()
				.toString()).contains("topic-prefix=******").contains("transport=kafka").doesNotContain("stage"));
	}

	private static SecurityContext caller(String role) {
		return new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return () -> "someone";
			}

			@Override
			public boolean isUserInRole(String name) {
				return name.equals(role);
			}

		};
	}

	@Test
	void backsOffWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(EventBusEndpoint.class));
	}

	@Test
	void backsOffWithoutTheActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=eventbus")
			.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusEndpoint.class));
	}

	@Test
	void backsOffWhenTheEventBusIsDisabled() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=eventbus", "eventbus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusEndpoint.class));
	}

}
