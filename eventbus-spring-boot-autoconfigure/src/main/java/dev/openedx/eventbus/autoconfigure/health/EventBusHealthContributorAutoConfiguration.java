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

package dev.openedx.eventbus.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.openedx.eventbus.actuate.health.OutboxHealthIndicator;
import dev.openedx.eventbus.actuate.health.ReachabilityHealthIndicator;
import dev.openedx.eventbus.actuate.health.RoutesHealthIndicator;
import dev.openedx.eventbus.actuate.health.WorkerHealthIndicator;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.publish.EventRoutes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code eventbus} health contributor ({@code management.health.eventbus.enabled}): a
 * composite of {@code broker} (Kafka {@code describeCluster} or Redis {@code PING} within
 * {@code eventbus.monitoring.timeout}), {@code schemaRegistry} (Kafka), {@code routes} (each route ON or OFF),
 * {@code outbox} (with the transactional outbox: DOWN when an event waits longer than
 * {@code eventbus.producer.outbox.unsent-threshold}) and
 * {@code workers}, one indicator per configured worker. It is meant for its own health group, not for liveness or
 * readiness: see {@code docs/observability.md}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { EventBusAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
		EventBusRedisAutoConfiguration.class },
		afterName = "dev.openedx.eventbus.autoconfigure.jdbc.EventBusOutboxAutoConfiguration")
@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnEnabledHealthIndicator("eventbus")
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnBean(BrokerProbe.class)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "eventbusHealthContributor")
	CompositeHealthContributor eventbusHealthContributor(BrokerProbe brokerProbe,
			ObjectProvider<SchemaRegistryClient> schemaRegistryClient,
			ObjectProvider<EventBusConsumerRegistry> eventBusConsumerRegistry,
			ObjectProvider<BacklogMonitor> backlogMonitor, ObjectProvider<OutboxRelay> outboxRelay,
			ObjectProvider<EventRoutes> eventRoutes,
			EventBusProperties properties) {
		EventBusProperties.Monitoring monitoring = properties.getMonitoring();
		Map<String, HealthContributor> contributors = new LinkedHashMap<>();
		Map<String, Object> brokerDetails = new LinkedHashMap<>();
		brokerDetails.put("transport", brokerProbe.transport());
		brokerDetails.putAll(brokerProbe.details());
		contributors.put("broker", new ReachabilityHealthIndicator(brokerDetails, brokerProbe::ping,
				monitoring.getTimeout()));
		SchemaRegistryClient registry = schemaRegistryClient.getIfAvailable();
		if (registry != null) {
			contributors.put("schemaRegistry", new ReachabilityHealthIndicator(Map.of(), (timeout) -> {
				registry.ping(timeout);
				return "answered";
			}, monitoring.getTimeout()));
		}
		EventRoutes routes = eventRoutes.getIfAvailable();
		if (routes != null && !routes.all().isEmpty()) {
			contributors.put("routes", new RoutesHealthIndicator(routes));
		}
		OutboxRelay relay = outboxRelay.getIfAvailable();
		if (relay != null) {
			contributors.put("outbox", new OutboxHealthIndicator(relay,
					properties.getProducer().getOutbox().getUnsentThreshold()));
		}
		HealthContributor workers = workers(eventBusConsumerRegistry.getIfAvailable(),
				backlogMonitor.getIfAvailable(), monitoring);
		if (workers != null) {
			contributors.put("workers", workers);
		}
		return CompositeHealthContributor.fromMap(contributors);
	}

	private static @Nullable HealthContributor workers(@Nullable EventBusConsumerRegistry registry,
			@Nullable BacklogMonitor monitor, EventBusProperties.Monitoring monitoring) {
		if (registry == null || registry.getConsumers().isEmpty()) {
			return null;
		}
		Map<String, HealthContributor> workers = new LinkedHashMap<>();
		for (EventBusConsumer consumer : registry.getConsumers()) {
			workers.put(consumer.name(), new WorkerHealthIndicator(consumer.name(), registry, monitor,
					monitoring.getStuckAfter(), monitoring.getTrimRiskMargin()));
		}
		return CompositeHealthContributor.fromMap(workers);
	}

}
