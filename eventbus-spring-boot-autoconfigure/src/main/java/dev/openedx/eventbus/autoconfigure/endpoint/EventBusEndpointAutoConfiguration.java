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

import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpointWebExtension;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.publish.EventRoutes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@code eventbus} actuator endpoint, when it is available (exposed and not switched off
 * with {@code management.endpoint.eventbus.access=none}). Its settings go through Spring Boot's {@code Sanitizer}
 * with the application's {@link SanitizingFunction} beans, and {@code management.endpoint.eventbus.show-values}
 * ({@code never} by default, as for {@code env}) and {@code roles} say who sees their values.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { EventBusAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
		EventBusRedisAutoConfiguration.class },
		afterName = "dev.openedx.eventbus.autoconfigure.jdbc.EventBusOutboxAutoConfiguration")
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(EventBusEndpoint.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ EventBusProperties.class, EventBusEndpointProperties.class })
public final class EventBusEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventBusEndpoint eventBusEndpoint(EventBusProperties properties, EventBusEndpointProperties endpointProperties,
			Environment environment, ObjectProvider<EventRoutes> eventRoutes,
			ObjectProvider<EventBusConsumerRegistry> eventBusConsumerRegistry,
			ObjectProvider<BacklogMonitor> backlogMonitor, ObjectProvider<SanitizingFunction> sanitizingFunctions,
			ObjectProvider<OutboxRelay> outboxRelay, ObjectProvider<DeadLetterReplayer> deadLetterReplayer) {
		return new EventBusEndpoint(properties.getTransport().id(), eventRoutes.getIfAvailable(),
				eventBusConsumerRegistry.getIfAvailable(), backlogMonitor.getIfAvailable(),
				EventBusSettings.describe(properties, environment), sanitizingFunctions.orderedStream().toList(),
				endpointProperties.getShowValues(), endpointProperties.getRoles(), outboxRelay.getIfAvailable(),
				deadLetterReplayer.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(EventBusEndpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = EventBusEndpoint.class, exposure = EndpointExposure.WEB)
	EventBusEndpointWebExtension eventBusEndpointWebExtension(EventBusEndpoint eventBusEndpoint) {
		return new EventBusEndpointWebExtension(eventBusEndpoint);
	}

}
