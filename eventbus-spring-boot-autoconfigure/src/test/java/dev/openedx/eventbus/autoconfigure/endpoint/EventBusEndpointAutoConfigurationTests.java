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
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=eventbus").run((context) -> {
			EventBusEndpoint.EventBusDescriptor descriptor = context.getBean(EventBusEndpoint.class).eventBus();
			assertThat(descriptor.routes()).singleElement()
				.satisfies((route) -> assertThat(route.topic()).isEqualTo("loans"));
			@SuppressWarnings("unchecked")
			Map<String, Object> eventbus = (Map<String, Object>) descriptor.settings().get("eventbus");
			assertThat(eventbus).containsEntry("transport", "kafka").containsKey("monitoring");
			assertThat(descriptor.settings().toString()).contains("api-secret=******")
				.contains("sasl.jaas.config=******")
				.doesNotContain("never-shown")
				.doesNotContain("p4ss");
		});
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
