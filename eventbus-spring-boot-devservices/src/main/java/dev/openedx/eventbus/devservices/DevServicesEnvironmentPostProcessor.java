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

package dev.openedx.eventbus.devservices;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.log.LogAccessor;

/**
 * Starts (or joins) the development broker and registry before the application context is built, when
 * {@link DevServicesActivation} says so, and points {@code spring.kafka.bootstrap-servers} and
 * {@code eventbus.kafka.schema-registry.url} at them. Runs after the configuration files are loaded so that profiles
 * and properties from {@code application.yml} count.
 *
 * @since 0.1.0
 */
public final class DevServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the connection properties of the development services. */
	public static final String PROPERTY_SOURCE_NAME = "eventbusDevServices";

	private static final LogAccessor logger = new LogAccessor(DevServicesEnvironmentPostProcessor.class);

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		DevServicesProperties settings = Binder.get(environment)
			.bind("eventbus.dev-services", DevServicesProperties.class)
			.orElseGet(DevServicesProperties::new);
		DevServicesActivation activation = DevServicesActivation.decide(environment, settings);
		if (!activation.active()) {
			logger.debug(() -> "Event bus dev services off: " + activation.reason());
			return;
		}
		logger.info(() -> "Event bus dev services on: " + activation.reason());
		DevServices services = DevServices.startOrJoin(Path.of(settings.getStateFile()), settings.getPartitions());
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", services.bootstrapServers());
		if (!environment.containsProperty("eventbus.kafka.schema-registry.url")) {
			properties.put("eventbus.kafka.schema-registry.url", services.registryUrl());
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		if (services.ownsAny()) {
			AtomicBoolean closedByContext = new AtomicBoolean();
			// Registered before any bean, so destroyed after all of them: the application's workers stop and commit,
			// and its clients close, while the broker still runs (a ContextClosedEvent comes before all that).
			application.addInitializers((context) -> {
				if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
					registry.registerDisposableBean("eventBusDevServices", services::close);
					closedByContext.set(true);
				}
			});
			// Only for an application that never got as far as a context; otherwise this would race with the
			// context's own shutdown hook.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				if (!closedByContext.get()) {
					services.close();
				}
			}, "eventbus-dev-services-shutdown"));
		}
	}

}
