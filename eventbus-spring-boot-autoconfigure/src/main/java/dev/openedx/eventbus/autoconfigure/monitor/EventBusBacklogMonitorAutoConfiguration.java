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
package dev.openedx.eventbus.autoconfigure.monitor;

import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.endpoint.EventBusEndpointAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.health.EventBusHealthContributorAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.metrics.EventBusMetricsAutoConfiguration;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BrokerProbe;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * Auto-configuration of the {@link BacklogMonitor}, which reads every worker's lag, pending entries and trim position
 * from the broker every {@code eventbus.monitoring.lag-interval}: one monitor for the meters, the {@code eventbus}
 * health contributor and the {@code eventbus} endpoint, declared when at least one of them is on.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { EventBusAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusRedisAutoConfiguration.class },
		before = { EventBusMetricsAutoConfiguration.class, EventBusHealthContributorAutoConfiguration.class,
				EventBusEndpointAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnBean({ EventBusConsumerRegistry.class, BrokerProbe.class })
@Conditional(EventBusBacklogMonitorAutoConfiguration.OnBacklogReaderCondition.class)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusBacklogMonitorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BacklogMonitor eventBusBacklogMonitor(EventBusConsumerRegistry eventBusConsumerRegistry, BrokerProbe brokerProbe,
			EventBusProperties properties, Environment environment) {
		EventBusProperties.Monitoring monitoring = properties.getMonitoring();
		BacklogMonitor monitor = new BacklogMonitor(eventBusConsumerRegistry, brokerProbe,
				monitoring.getLagInterval(), monitoring.getTimeout());
		if (Threading.VIRTUAL.isActive(environment)) {
			// spring.threads.virtual.enabled=true on Java 21+: the monitor reads on a virtual thread too.
			monitor.setThreadFactory(new VirtualThreadTaskExecutor("eventbus-").getVirtualThreadFactory());
		}
		return monitor;
	}

	/**
	 * Matches when something reads the monitor: a meter registry, the {@code eventbus} health contributor or the
	 * {@code eventbus} endpoint.
	 */
	static final class OnBacklogReaderCondition extends AnyNestedCondition {

		OnBacklogReaderCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnClass(MeterRegistry.class)
		@ConditionalOnBean(MeterRegistry.class)
		static final class Meters {

		}

		@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
		@ConditionalOnEnabledHealthIndicator("eventbus")
		static final class Health {

		}

		@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
		@ConditionalOnAvailableEndpoint(EventBusEndpoint.class)
		static final class Endpoint {

		}

	}

}
