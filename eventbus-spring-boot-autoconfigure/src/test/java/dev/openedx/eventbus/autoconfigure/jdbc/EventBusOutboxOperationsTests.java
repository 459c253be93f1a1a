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

package dev.openedx.eventbus.autoconfigure.jdbc;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpointWebExtension;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.endpoint.EventBusEndpointAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.health.EventBusHealthContributorAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.metrics.EventBusMetricsAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.FixedBrokerProbe;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.publish.EventBusPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators see of the outbox: its meters, its part of the eventbus health, and the eventbus endpoint listing
 * and resubmitting its entries.
 */
class EventBusOutboxOperationsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, EventBusAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, MetricsAutoConfiguration.class,
				EventBusMetricsAutoConfiguration.class,
				EventBusHealthContributorAutoConfiguration.class, EventBusEndpointAutoConfiguration.class))
		.withBean(EventBusProducer.class, RecordingProducer::new)
		.withBean(BrokerProbe.class, FixedBrokerProbe::new)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean("bookLoaned", EventType.class, () -> TestEvents.BOOK_LOANED)
		.withPropertyValues(
				"eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE + "].books.event-key-field=book.isbn",
				"eventbus.producer.outbox.enabled=true", "eventbus.producer.outbox.unsent-threshold=1ms",
				"management.endpoints.web.exposure.include=eventbus");

	@Test
	void metersHealthAndEndpointShowWhatWaitsAndAFailedEventCanBeResubmitted() {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:outbox-ops;DB_CLOSE_DELAY=-1")
			.run((context) -> {
				RecordingProducer producer = (RecordingProducer) context.getBean(EventBusProducer.class);
				producer.failTopic("books", "broker unreachable");
				EventBusPublisher publisher = context.getBean(EventBusPublisher.class);
				new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(
						(status) -> publisher
							.publish(TestEvents.BOOK_LOANED.event(new TestEvents.BookData("1", "t", 1))));
				OutboxRelay relay = context.getBean(OutboxRelay.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> relay.getRetriedCount() > 0);
				relay.refreshStatistics();

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("eventbus.outbox.pending").gauge().value()).isEqualTo(1);
				assertThat(meters.get("eventbus.outbox.oldest.age").timeGauge().value()).isPositive();
				HealthIndicator outbox = (HealthIndicator) context
					.getBean("eventbusHealthContributor", CompositeHealthContributor.class)
					.getContributor("outbox");
				assertThat(outbox.health().getStatus()).isEqualTo(Status.DOWN);
				assertThat(outbox.health().getDetails()).containsEntry("pending", 1L);

				EventBusEndpoint endpoint = context.getBean(EventBusEndpoint.class);
				assertThat(endpoint.eventBus(SecurityContext.NONE).outbox())
					.satisfies((descriptor) -> assertThat(descriptor.pending()).isEqualTo(1));
				EventBusEndpoint.OutboxDescriptor listed = (EventBusEndpoint.OutboxDescriptor) endpoint.part("outbox");
				assertThat(listed.pendingEntries()).singleElement()
					.satisfies((entry) -> assertThat(entry.destination()).isEqualTo("books"));

				producer.heal("books");
				new JdbcTemplate(context.getBean(DataSource.class))
					.update("UPDATE eventbus_outbox SET status = 'FAILED', last_error = 'broken'");
				EventBusEndpoint.OutboxDescriptor resubmitted = (EventBusEndpoint.OutboxDescriptor) endpoint
					.act("outbox", "resubmit", null, SecurityContext.NONE);
				assertThat(resubmitted.resubmitted()).isEqualTo(1);
				// Over HTTP the web extension answers the same write.
				assertThat(new EventBusEndpointWebExtension(endpoint).worker("outbox", "resubmit", List.of(-1L), SecurityContext.NONE)
					.getStatus()).isEqualTo(200);

				await().atMost(Duration.ofSeconds(10)).until(() -> relay.getSentCount() == 1);
				relay.refreshStatistics();
				assertThat(outbox.health().getStatus()).isEqualTo(Status.UP);
				assertThat(meters.get("eventbus.outbox.sends").tag("outcome", "success").functionCounter().count())
					.isEqualTo(1);
				assertThat(endpoint.part("outbox")).isInstanceOf(EventBusEndpoint.OutboxDescriptor.class);
				assertThat(List.of(meters.get("eventbus.outbox.failed").gauge().value())).containsExactly(0.0);
			});
	}

}
