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

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.monitor.EventBusBacklogMonitorAutoConfiguration;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.autoconfigure.testing.FixedBrokerProbe;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.monitor.BrokerProbe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusBacklogMonitorAutoConfiguration.class,
				EventBusHealthContributorAutoConfiguration.class))
		.withBean(EventBusConsumerFactory.class, InMemoryConsumerFactory::new)
		.withBean(BrokerProbe.class, FixedBrokerProbe::new)
		.withPropertyValues("eventbus.consumer.workers.loans.topic=loans",
				"eventbus.consumer.workers.loans.group-id=reports");

	@Test
	void contributesBrokerAndOneIndicatorPerWorkerUnderTheNameEventbus() {
		this.contextRunner.run((context) -> {
			CompositeHealthContributor eventbus = context.getBean("eventbusHealthContributor",
					CompositeHealthContributor.class);
			assertThat(((HealthIndicator) eventbus.getContributor("broker")).health().getStatus())
				.isEqualTo(Status.UP);
			HealthContributor workers = eventbus.getContributor("workers");
			HealthIndicator loans = (HealthIndicator) ((CompositeHealthContributor) workers).getContributor("loans");
			assertThat(loans.health().getStatus()).isEqualTo(Status.UP);
			assertThat(loans.health().getDetails()).containsEntry("topic", "loans").containsEntry("group", "reports");
			assertThat(eventbus.getContributor("schemaRegistry")).isNull();
		});
	}

	@Test
	void backsOffWhenTheIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.eventbus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("eventbusHealthContributor"));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).doesNotHaveBean("eventbusHealthContributor"));
	}

	@Test
	void backsOffWithoutABrokerProbe() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusBacklogMonitorAutoConfiguration.class,
					EventBusHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("eventbusHealthContributor"));
	}

	@Test
	void backsOffWhenTheEventBusIsDisabled() {
		this.contextRunner.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("eventbusHealthContributor"));
	}

}
