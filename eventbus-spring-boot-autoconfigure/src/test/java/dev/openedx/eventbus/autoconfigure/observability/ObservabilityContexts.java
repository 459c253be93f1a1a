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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.monitor.EventBusBacklogMonitorAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.endpoint.EventBusEndpointAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.health.EventBusHealthContributorAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.metrics.EventBusMetricsAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the observability integration tests of both transports share: the auto-configurations of an application with
 * actuator and Micrometer, a library event type and a listener that fails on demand.
 */
final class ObservabilityContexts {

	static final String BAD_ISBN = "isbn-bad";

	private ObservabilityContexts() {
	}

	static ApplicationContextRunner withActuator(ApplicationContextRunner runner) {
		return runner
			.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusBacklogMonitorAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					EventBusMetricsAutoConfiguration.class, EndpointAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, EventBusHealthContributorAutoConfiguration.class,
					EventBusEndpointAutoConfiguration.class))
			.withUserConfiguration(LibraryEvents.class, BookListener.class)
			.withPropertyValues("management.endpoints.web.exposure.include=health,eventbus",
					"management.endpoint.eventbus.show-values=always",
					"management.endpoint.health.show-details=always",
					"management.endpoint.health.show-components=always", "eventbus.consumer.shutdown-timeout=10s",
					"eventbus.monitoring.lag-interval=200ms", "eventbus.monitoring.timeout=2s",
					"eventbus.consumer.failure-policy=log-and-skip");
	}

	static String[] worker(String topic, String group) {
		return new String[] { "eventbus.consumer.workers.books.topic=" + topic,
				"eventbus.consumer.workers.books.group-id=" + group,
				"eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE + "]." + topic
						+ ".event-key-field=book.isbn" };
	}

	static Status health(ApplicationContext context, String... path) {
		HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath(path);
		return (health != null) ? health.getStatus() : Status.UNKNOWN;
	}

	static Map<String, Object> details(ApplicationContext context, String... path) {
		HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath(path);
		return (health instanceof IndicatedHealthDescriptor indicated) ? indicated.getDetails() : Map.of();
	}

	static Map<String, HealthDescriptor> components(ApplicationContext context, String... path) {
		HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath(path);
		return (health instanceof CompositeHealthDescriptor composite) ? composite.getComponents() : Map.of();
	}

	static double gauge(ApplicationContext context, String name, String... tags) {
		return context.getBean(MeterRegistry.class).get(name).tags(tags).gauge().value();
	}

	static double counter(ApplicationContext context, String name, String... tags) {
		return context.getBean(MeterRegistry.class).get(name).tags(tags).counter().count();
	}

	static String endpointJson(ApplicationContext context) throws Exception {
		return new ObjectMapper().writeValueAsString(context.getBean(EventBusEndpoint.class)
			.eventBus(SecurityContext.NONE));
	}

	@Configuration(proxyBeanMethods = false)
	static class LibraryEvents {

		@Bean
		EventType<BookData> bookLoaned() {
			return TestEvents.BOOK_LOANED;
		}

	}

	static class BookListener {

		final List<BookData> received = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener
		void on(BookData book) {
			if (BAD_ISBN.equals(book.isbn())) {
				throw new IllegalStateException("shelf is full for " + book.isbn());
			}
			this.received.add(book);
		}

	}

}
