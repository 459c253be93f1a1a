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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.log.LogAccessor;

/**
 * Starts (or joins) the development broker and registry before the application context is built, when
 * {@link DevServicesActivation} says so, and points {@code spring.kafka.bootstrap-servers} and
 * {@code eventbus.kafka.schema-registry.url} at them, creates the topics the service routes to and consumes, and
 * quiets the broker's loggers (WARN unless the application says otherwise). Says what it did in one INFO line. Runs
 * after the configuration files are loaded so that profiles and properties from {@code application.yml} count.
 *
 * @since 0.1.0
 */
public final class DevServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the connection properties of the development services. */
	public static final String PROPERTY_SOURCE_NAME = "eventbusDevServices";

	/**
	 * Defaults for the loggers of the in-process broker (and the Kafka clients) where the application sets none: its
	 * INFO lines are of no use to the service's developer.
	 */
	private static final Map<String, Object> QUIET_BROKER = Map.of("logging.level.kafka", "WARN",
			"logging.level.org.apache.kafka", "WARN", "logging.level.state.change.logger", "WARN");

	private static final String NETWORK_LOGGER = "org.apache.kafka.clients.NetworkClient";

	/** For what is said once logging is set up. */
	private static final LogAccessor logger = new LogAccessor(DevServicesEnvironmentPostProcessor.class);

	/** For what is said before: Spring Boot replays it once logging is set up (a plain logger would lose it). */
	private final Log earlyLogger;

	/**
	 * Create the post-processor.
	 * @param logs the factory of logs that Spring Boot replays once logging is set up
	 */
	public DevServicesEnvironmentPostProcessor(DeferredLogFactory logs) {
		this.earlyLogger = logs.getLog(DevServicesEnvironmentPostProcessor.class);
	}

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
			this.earlyLogger.debug("Event bus dev services off: " + activation.reason());
			return;
		}
		DevServices services = DevServices.startOrJoin(Path.of(settings.getStateFile()), settings.getPartitions());
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", services.bootstrapServers());
		if (!environment.containsProperty("eventbus.kafka.schema-registry.url")) {
			properties.put("eventbus.kafka.schema-registry.url", services.registryUrl());
		}
		QUIET_BROKER.forEach((name, level) -> {
			if (!environment.containsProperty(name)) {
				properties.put(name, level);
			}
		});
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		Set<String> topics = DevTopics.of(Binder.get(environment));
		AtomicBoolean closedByContext = new AtomicBoolean();
		application.addInitializers((context) -> {
			// Once logging is set up (after this post-processor, before any bean): the broker's work on new topics
			// would otherwise log at INFO in the moment between Spring Boot's logging set-up and its log levels.
			try {
				List<String> created = DevTopics.create(services.bootstrapServers(), topics, settings.getPartitions());
				logger.info(() -> "Event bus dev services (" + activation.reason() + "): " + services.describe()
						+ (created.isEmpty() ? "" : "; created the topics " + String.join(", ", created)));
			}
			catch (RuntimeException ex) {
				services.close();
				throw ex;
			}
			// Registered before any bean, so destroyed after all of them: the application's workers stop and commit,
			// and its clients close, while the broker still runs (a ContextClosedEvent comes before all that).
			if (services.ownsAny() && context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean("eventBusDevServices", () -> quietly(context, services::close));
				closedByContext.set(true);
			}
		});
		if (services.ownsAny()) {
			// Only for an application that never got as far as a context; otherwise this would race with the
			// context's own shutdown hook.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				if (!closedByContext.get()) {
					services.close();
				}
			}, "eventbus-dev-services-shutdown"));
		}
	}

	/**
	 * A stopping KRaft broker closes its controller channel twice and says so at WARN from the Kafka clients' network
	 * logger. When the broker stops, the application's own clients are closed already (it is destroyed last), so
	 * that logger has nothing else left to say.
	 */
	private static void quietly(ConfigurableApplicationContext context, Runnable stop) {
		if (!context.getBeanFactory().containsSingleton(LoggingApplicationListener.LOGGING_SYSTEM_BEAN_NAME)) {
			stop.run();
			return;
		}
		LoggingSystem loggingSystem = context.getBeanFactory()
			.getBean(LoggingApplicationListener.LOGGING_SYSTEM_BEAN_NAME, LoggingSystem.class);
		LoggerConfiguration before = loggingSystem.getLoggerConfiguration(NETWORK_LOGGER);
		loggingSystem.setLogLevel(NETWORK_LOGGER, LogLevel.ERROR);
		try {
			stop.run();
		}
		finally {
			// The JVM may go on (tests, a restarted context): leave the logger as the application had it.
			loggingSystem.setLogLevel(NETWORK_LOGGER, (before != null) ? before.getConfiguredLevel() : null);
		}
	}

}
