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

import dev.openedx.eventbus.actuate.metrics.EventBusAfterCommitMetrics;
import dev.openedx.eventbus.actuate.metrics.EventBusConsumerMetrics;
import dev.openedx.eventbus.actuate.metrics.EventBusInboxMetrics;
import dev.openedx.eventbus.actuate.metrics.EventBusOutboxMetrics;
import dev.openedx.eventbus.actuate.metrics.EventBusProducerMetrics;
import dev.openedx.eventbus.actuate.metrics.EventBusWorkerMetrics;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.inbox.InboxDispatcher;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.publish.AfterCommitSendScheduler;
import dev.openedx.eventbus.publish.EventRoutes;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the event bus meters when Micrometer is present: producer meters for the routing table,
 * consumer meters fed by every worker, and lag, pending and state gauges of the configured workers (read by a
 * {@link BacklogMonitor} every {@code eventbus.monitoring.lag-interval}). The meters are listed in
 * {@code docs/observability.md}; percentiles and histograms of the handling timer come from Spring Boot's
 * {@code management.metrics.distribution.*} properties.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { EventBusAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusRedisAutoConfiguration.class },
		// By name: the outbox and inbox auto-configurations are peers in the package map.
		afterName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"dev.openedx.eventbus.autoconfigure.jdbc.EventBusOutboxAutoConfiguration",
				"dev.openedx.eventbus.autoconfigure.jdbc.EventBusInboxAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(EventRoutes.class)
	EventBusProducerMetrics eventBusProducerMetrics(MeterRegistry meterRegistry, EventRoutes eventRoutes,
			EventBusProperties properties) {
		return new EventBusProducerMetrics(meterRegistry, eventRoutes, properties.getTransport().id());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(OutboxRelay.class)
	EventBusOutboxMetrics eventBusOutboxMetrics(OutboxRelay eventBusOutboxRelay) {
		return new EventBusOutboxMetrics(eventBusOutboxRelay);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(InboxDispatcher.class)
	EventBusInboxMetrics eventBusInboxMetrics(MeterRegistry meterRegistry) {
		return new EventBusInboxMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(AfterCommitSendScheduler.class)
	EventBusAfterCommitMetrics eventBusAfterCommitMetrics(AfterCommitSendScheduler sendScheduler) {
		return new EventBusAfterCommitMetrics(sendScheduler);
	}

	@Bean
	@ConditionalOnMissingBean
	EventBusConsumerMetrics eventBusConsumerMetrics(MeterRegistry meterRegistry, EventCatalog eventCatalog) {
		return new EventBusConsumerMetrics(meterRegistry, eventCatalog);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(EventBusConsumerRegistry.class)
	EventBusWorkerMetrics eventBusWorkerMetrics(EventBusConsumerRegistry eventBusConsumerRegistry,
			ObjectProvider<BacklogMonitor> backlogMonitor) {
		return new EventBusWorkerMetrics(eventBusConsumerRegistry, backlogMonitor.getIfAvailable());
	}

}
