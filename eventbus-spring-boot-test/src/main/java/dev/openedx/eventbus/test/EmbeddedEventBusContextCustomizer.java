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

package dev.openedx.eventbus.test;

import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the broker and the registry before the context refreshes, points the application at them with a property
 * source that comes first, and stops them when the context closes. Equal for equal attributes, so Spring's context
 * cache shares a context (and its broker) between test classes configured alike.
 */
record EmbeddedEventBusContextCustomizer(int partitions, List<String> topics) implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "eventbusEmbedded";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(this.partitions,
				Map.of("auto.create.topics.enable", "true"), this.topics.toArray(String[]::new));
		InMemorySchemaRegistry registry;
		try {
			registry = new InMemorySchemaRegistry();
		}
		catch (RuntimeException ex) {
			broker.close();
			throw ex;
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
				Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers(),
						"eventbus.kafka.schema-registry.url", registry.url())));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton("eventBusEmbeddedKafkaBroker", broker);
		beanFactory.registerSingleton("eventBusEmbeddedSchemaRegistry", registry);
		if (beanFactory instanceof DefaultListableBeanFactory registryFactory) {
			// Destroyed last (registered first): the application's clients close before their broker goes.
			registryFactory.registerDisposableBean("eventBusEmbeddedKafkaBroker", broker::close);
			registryFactory.registerDisposableBean("eventBusEmbeddedSchemaRegistry", registry::close);
		}
		else {
			context.addApplicationListener((org.springframework.context.event.ContextClosedEvent event) -> {
				registry.close();
				broker.close();
			});
		}
	}

}
