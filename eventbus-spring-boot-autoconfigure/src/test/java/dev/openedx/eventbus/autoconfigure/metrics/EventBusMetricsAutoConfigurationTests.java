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

package dev.openedx.eventbus.autoconfigure.metrics;

import java.util.List;
import java.util.concurrent.CompletionException;

import dev.openedx.eventbus.actuate.metrics.EventBusConsumerMetrics;
import dev.openedx.eventbus.actuate.metrics.EventBusProducerMetrics;
import dev.openedx.eventbus.actuate.metrics.EventBusWorkerMetrics;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.monitor.EventBusBacklogMonitorAutoConfiguration;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.autoconfigure.testing.FixedBrokerProbe;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.publish.EventBusPublisher;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
				EventBusBacklogMonitorAutoConfiguration.class, MetricsAutoConfiguration.class,
				EventBusMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(EventType.class, () -> TestEvents.BOOK_LOANED)
		.withBean(EventBusProducer.class, RecordingProducer::new)
		.withBean(EventBusConsumerFactory.class, InMemoryConsumerFactory::new)
		.withBean(BrokerProbe.class, FixedBrokerProbe::new)
		.withPropertyValues("eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE
				+ "].loans.event-key-field=book.isbn",
				"eventbus.consumer.workers.loans.topic=loans", "eventbus.consumer.workers.loans.group-id=reports");

	@Test
	void registersProducerConsumerAndWorkerMetersWithAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(EventBusProducerMetrics.class)
				.hasSingleBean(EventBusConsumerMetrics.class)
				.hasSingleBean(EventBusWorkerMetrics.class)
				.hasSingleBean(BacklogMonitor.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("eventbus.producer.events").tag("topic", "loans").counters()).hasSize(2);
			assertThat(registry.get("eventbus.consumer.running").tag("worker", "loans").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void everySendIsTimedByOutcomeWithoutTracing() {
		this.contextRunner.withPropertyValues("eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE
				+ "].loans-audit.event-key-field=book.isbn").run((context) -> {
			context.getBean(RecordingProducer.class).failTopic("loans-audit", "broker said no");
			EventBusPublisher publisher = context.getBean(EventBusPublisher.class);
			for (String isbn : List.of("isbn-1", "isbn-2")) {
				OpenEdxEvent<BookData> event = TestEvents.BOOK_LOANED.event(new BookData(isbn, "Dune", 1));
				try {
					publisher.publish(event).join();
				}
				catch (CompletionException ex) {
					// the audit route fails on purpose
				}
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer success = registry.get("eventbus.producer.send")
				.tags("topic", "loans", "event.type", TestEvents.BOOK_LOANED_TYPE, "outcome", "success")
				.timer();
			Timer failure = registry.get("eventbus.producer.send")
				.tags("topic", "loans-audit", "outcome", "failure")
				.timer();
			assertThat(success.count()).isEqualTo(2);
			assertThat(failure.count()).isEqualTo(2);
			assertThat(registry.get("eventbus.producer.send").tags("topic", "loans-audit", "outcome", "success")
				.timer()
				.count()).isZero();
			assertThat(context).doesNotHaveBean(ObservationRegistry.class);
		});
	}

	@Test
	void topicTagsCarryTheTopicPrefix() {
		this.contextRunner.withPropertyValues("eventbus.topic-prefix=stage")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class)
				.get("eventbus.producer.time.since.last.event")
				.tag("topic", "stage-loans")
				.timeGauge()).isNotNull());
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusProducerMetrics.class)
				.doesNotHaveBean(EventBusConsumerMetrics.class)
				.doesNotHaveBean(EventBusWorkerMetrics.class));
	}

	@Test
	void backsOffWithoutAMeterRegistryBean() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusBacklogMonitorAutoConfiguration.class,
					EventBusMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusConsumerMetrics.class));
	}

	@Test
	void backsOffWhenTheEventBusIsDisabled() {
		this.contextRunner.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusConsumerMetrics.class)
				.doesNotHaveBean(EventBusProducerMetrics.class));
	}

}
