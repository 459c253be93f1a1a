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

import java.time.Duration;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.endpoint.EventBusEndpointAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.health.EventBusHealthContributorAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.metrics.EventBusMetricsAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.FixedBrokerProbe;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BrokerProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusBacklogMonitorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, EventBusAutoConfiguration.class,
				EventBusBacklogMonitorAutoConfiguration.class, EventBusMetricsAutoConfiguration.class,
				EventBusHealthContributorAutoConfiguration.class, EventBusEndpointAutoConfiguration.class))
		.withBean(EventBusConsumerFactory.class, InMemoryConsumerFactory::new)
		.withBean(BrokerProbe.class, FixedBrokerProbe::new)
		.withPropertyValues("eventbus.consumer.workers.loans.topic=loans", "eventbus.consumer.workers.loans.group-id=g");

	@Test
	void oneMonitorServesTheMetersTheHealthContributorAndTheEndpoint() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("management.endpoints.web.exposure.include=eventbus")
			.run((context) -> assertThat(context).hasSingleBean(BacklogMonitor.class));
	}

	@Test
	void theHealthContributorAloneGetsAMonitor() {
		this.contextRunner.withPropertyValues("management.endpoint.eventbus.access=NONE")
			.run((context) -> assertThat(context).hasSingleBean(BacklogMonitor.class));
	}

	@Test
	void noMonitorWhenNothingReadsIt() {
		this.contextRunner
			.withPropertyValues("management.health.eventbus.enabled=false", "management.endpoint.eventbus.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(BacklogMonitor.class));
	}

	@Test
	void noMonitorWithoutWorkers() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusBacklogMonitorAutoConfiguration.class))
			.withBean(BrokerProbe.class, FixedBrokerProbe::new)
			.run((context) -> assertThat(context).doesNotHaveBean(BacklogMonitor.class));
	}

	@Test
	void aMonitorOfTheApplicationReplacesOurs() {
		this.contextRunner.withUserConfiguration(OwnMonitor.class)
			.run((context) -> assertThat(context).hasSingleBean(BacklogMonitor.class).hasBean("ownMonitor"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMonitor {

		@Bean
		BacklogMonitor ownMonitor(EventBusConsumerRegistry registry, BrokerProbe probe) {
			return new BacklogMonitor(registry, probe, Duration.ofMinutes(1), Duration.ofSeconds(1));
		}

	}

}
