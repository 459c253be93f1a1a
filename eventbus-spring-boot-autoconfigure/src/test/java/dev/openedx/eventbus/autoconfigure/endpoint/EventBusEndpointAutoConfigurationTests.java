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
import java.time.Duration;
import java.util.Map;

import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpointWebExtension;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.metrics.EventBusMetricsAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.monitor.EventBusBacklogMonitorAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
	void aWorkerRestartedThroughTheEndpointCountsAgainFromZeroWhileItsMetersKeepCounting() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					EventBusMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withUserConfiguration(BookListener.class)
			.withPropertyValues("management.endpoints.web.exposure.include=eventbus", "spring.application.name=library",
					"eventbus.consumer.workers.books.topic=books")
			.run((context) -> {
				InMemoryConsumerFactory bus = context.getBean(InMemoryConsumerFactory.class);
				EventBusEndpoint endpoint = context.getBean(EventBusEndpoint.class);
				deliver(bus, 2);
				await().atMost(Duration.ofSeconds(10)).until(() -> handled(endpoint) == 2);

				assertThat(endpoint.worker("books", "stop", SecurityContext.NONE).state()).isEqualTo("STOPPED");
				endpoint.worker("books", "start", SecurityContext.NONE);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> endpoint.eventBus(SecurityContext.NONE).workers().get(0).state().equals("RUNNING"));
				assertThat(handled(endpoint)).isZero();
				deliver(bus, 1);
				await().atMost(Duration.ofSeconds(10)).until(() -> handled(endpoint) == 1);

				assertThat(context.getBean(MeterRegistry.class)
					.get("eventbus.consumer.events")
					.tags("topic", "books", "outcome", "success")
					.counter()
					.count()).isEqualTo(3);
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
	void aWriteThatCannotBeDoneIsAnsweredOverHttpWithTheReason() {
		this.contextRunner.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
			.withPropertyValues("management.endpoints.web.exposure.include=eventbus", "spring.application.name=library",
					"eventbus.consumer.workers.books.topic=books")
			.run((context) -> {
				EventBusEndpointWebExtension web = context.getBean(EventBusEndpointWebExtension.class);
				WebEndpointResponse<?> unknownWorker = web.worker("bookz", "stop");
				assertThat(unknownWorker.getStatus()).isEqualTo(404);
				assertThat(unknownWorker.getBody()).isEqualTo(new EventBusEndpointWebExtension.Refusal(
						"No worker named 'bookz'; the workers of this service are books"));
				WebEndpointResponse<?> unknownRoute = web.route(TestEvents.BOOK_LOANED_TYPE, "loanz", false,
						SecurityContext.NONE);
				assertThat(unknownRoute.getStatus()).isEqualTo(404);
				assertThat(unknownRoute.getBody().toString()).contains("loanz");
				WebEndpointResponse<?> unknownAction = web.worker("books", "pause");
				assertThat(unknownAction.getStatus()).isEqualTo(400);
				assertThat(unknownAction.getBody().toString()).contains("Unknown action 'pause'");
				assertThat(web.worker("books", "stop").getStatus()).isEqualTo(200);
			});
	}

	@Test
	void noWebExtensionWhenTheEndpointIsNotExposedOverHttp() {
		this.contextRunner.withPropertyValues("management.endpoints.jmx.exposure.include=eventbus",
				"spring.jmx.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(EventBusEndpoint.class)
				.doesNotHaveBean(EventBusEndpointWebExtension.class));
	}

	private static void deliver(InMemoryConsumerFactory bus, int count) {
		for (int i = 0; i < count; i++) {
			EventsMetadata metadata = EventOrigin.forService("lms").newMetadata(TestEvents.BOOK_LOANED);
			bus.deliver("books", OpenEdxEvent.received(TestEvents.BOOK_LOANED, new BookData("isbn-" + i, "Dune", 1),
					metadata));
		}
	}

	private static long handled(EventBusEndpoint endpoint) {
		return endpoint.eventBus(SecurityContext.NONE).workers().get(0).handled();
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

	static class BookListener {

		@OpenEdxEventListener
		void on(BookData book) {
		}

	}

}
