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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import dev.openedx.eventbus.testing.KafkaBroker;
import dev.openedx.eventbus.testing.SchemaRegistry;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot's Kafka client metrics ({@code KafkaMetricsAutoConfiguration}) cover the event bus's own producer and
 * worker consumers, on a real broker: their {@code kafka.producer.*} and {@code kafka.consumer.*} meters appear.
 */
class EventBusKafkaClientMetricsTests {

	@KafkaBroker
	private static EmbeddedKafkaBroker broker;

	@SchemaRegistry
	private static InMemorySchemaRegistry registry;

	@Test
	void theEventBusClientsHaveSpringBootsKafkaClientMeters() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					KafkaAutoConfiguration.class, KafkaMetricsAutoConfiguration.class,
					EventBusKafkaAutoConfiguration.class, EventBusAutoConfiguration.class))
			.withUserConfiguration(Loans.class)
			.withPropertyValues("spring.application.name=metrics-svc",
					"spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"eventbus.kafka.schema-registry.url=" + registry.url(), "eventbus.consumer.shutdown-timeout=10s",
					"eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE + "].metrics-loans.event-key-field="
							+ "book.isbn",
					"eventbus.consumer.workers.loans.topic=metrics-loans",
					"eventbus.consumer.workers.loans.group-id=metrics-group")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.publishEvent(TestEvents.BOOK_LOANED.event(new BookData("1", "Emma", 1)));
				Loans loans = context.getBean(Loans.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> !loans.received.isEmpty());
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					// The event bus's producer is the only one with the service name as client id.
					assertThat(clientIds(meters, "kafka.producer.")).anyMatch((id) -> id.startsWith("metrics-svc"));
					// Kafka names a consumer without client.id after its group: the worker's.
					assertThat(clientIds(meters, "kafka.consumer.")).anyMatch((id) -> id.contains("metrics-group"));
				});
			});
	}

	private static List<String> clientIds(MeterRegistry meters, String prefix) {
		return meters.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith(prefix))
			.map((meter) -> String.valueOf(meter.getId().getTag("client.id")))
			.distinct()
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class Loans {

		final List<BookData> received = new CopyOnWriteArrayList<>();

		@Bean
		EventType<BookData> bookLoaned() {
			return TestEvents.BOOK_LOANED;
		}

		@OpenEdxEventListener(TestEvents.BOOK_LOANED_TYPE)
		void on(BookData book) {
			this.received.add(book);
		}

	}

}
