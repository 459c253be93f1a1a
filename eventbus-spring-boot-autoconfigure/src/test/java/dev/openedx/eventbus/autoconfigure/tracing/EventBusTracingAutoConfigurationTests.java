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

package dev.openedx.eventbus.autoconfigure.tracing;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.observation.ObservingDispatchInterceptor;
import dev.openedx.eventbus.observation.SendObservationSupport;
import dev.openedx.eventbus.observation.TestTracing;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusTracingAutoConfigurationTests {

	private final ObservationRegistry observationRegistry = TestTracing.withoutTracer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
				EventBusTracingAutoConfiguration.class))
		.withBean(ObservationRegistry.class, () -> this.observationRegistry)
		.withBean(ObservedProducer.class, ObservedProducer::new);

	@Test
	void observesSendsAndListenerCallsWhenMicrometerTracingIsPresent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ObservingDispatchInterceptor.class);
			assertThat(context.getBean(ObservedProducer.class).registry).isSameAs(this.observationRegistry);
		});
	}

	@Test
	void backsOffWithoutMicrometerTracingUnlessEnabled() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservingDispatchInterceptor.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
			.withPropertyValues("eventbus.tracing.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ObservingDispatchInterceptor.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("eventbus.tracing.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ObservingDispatchInterceptor.class);
			assertThat(context.getBean(ObservedProducer.class).registry).isNull();
		});
	}

	@Test
	void backsOffWithoutAnObservationRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusTracingAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservingDispatchInterceptor.class));
	}

	@Test
	void backsOffWhenTheEventBusIsDisabled() {
		this.contextRunner.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ObservingDispatchInterceptor.class));
	}

	static final class ObservedProducer implements SendObservationSupport {

		@Nullable ObservationRegistry registry;

		@Override
		public void setObservationRegistry(ObservationRegistry registry) {
			this.registry = registry;
		}

		@Override
		public void setObservationConvention(
				dev.openedx.eventbus.observation.@Nullable EventBusSendObservationConvention convention) {
		}

	}

}
