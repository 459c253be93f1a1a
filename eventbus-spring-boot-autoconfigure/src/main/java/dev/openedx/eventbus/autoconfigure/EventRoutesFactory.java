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

package dev.openedx.eventbus.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.TopicNames;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Builds the routing table from {@code eventbus.producer.events} and refuses, naming the property, whatever Python's
 * {@code OpenedxEventsConfig.ready()} refuses and more: an unknown event type, a type that cannot travel on the bus, a
 * missing key field (Kafka), and a key field that does not reach a primitive value of the event's schema.
 */
final class EventRoutesFactory {

	private static final String PREFIX = "eventbus.producer.events";

	private EventRoutesFactory() {
	}

	/**
	 * Build and check the routing table.
	 * @param properties the properties
	 * @param catalog the known event types
	 * @param keyFieldCheck throws an {@link EventBusException} explaining why a key path does not work for a type
	 * @return the routing table
	 */
	static EventRoutes create(EventBusProperties properties, EventCatalog catalog,
			BiConsumer<EventType<?>, String> keyFieldCheck) {
		boolean keyRequired = properties.getTransport() == EventBusProperties.Transport.KAFKA;
		List<EventRoute> routes = new ArrayList<>();
		for (Map.Entry<String, Map<String, EventBusProperties.Route>> byType : properties.getProducer()
			.getEvents()
			.entrySet()) {
			String typeName = byType.getKey();
			String typeProperty = PropertyNames.key(PREFIX, typeName);
			EventType<?> type = catalog.find(typeName)
				.orElseThrow(() -> new InvalidConfigurationPropertyValueException(typeProperty, typeName,
						"Unknown event type: it is neither in the Open edX catalog nor declared by the application "
								+ "as an EventType bean." + EventTypeSuggestions.didYouMean(typeName, catalog)));
			if (!type.busCapable()) {
				throw new InvalidConfigurationPropertyValueException(typeProperty, typeName,
						"This event type cannot be sent on the event bus: " + type.unserializableReason());
			}
			Map<String, EventBusProperties.Route> topics = (byType.getValue() != null) ? byType.getValue() : Map.of();
			for (Map.Entry<String, EventBusProperties.Route> byTopic : topics.entrySet()) {
				String topic = byTopic.getKey();
				EventBusProperties.Route route = byTopic.getValue();
				String keyProperty = PropertyNames.key(typeProperty, topic) + ".event-key-field";
				if (!StringUtils.hasText(topic)) {
					throw new InvalidConfigurationPropertyValueException(typeProperty, topic, "A topic name is empty.");
				}
				String keyField = (route != null) ? route.getEventKeyField() : null;
				if (!StringUtils.hasText(keyField)) {
					if (keyRequired) {
						throw new InvalidConfigurationPropertyValueException(keyProperty, keyField,
								"The Kafka transport needs the dotted path of the message key inside the event data, "
										+ "for example enrollment.course.course_key.");
					}
					keyField = null;
				}
				else {
					try {
						keyFieldCheck.accept(type, keyField);
					}
					catch (EventBusException ex) {
						throw new InvalidConfigurationPropertyValueException(keyProperty, keyField, ex.getMessage());
					}
				}
				routes.add(new EventRoute(type, topic, TopicNames.fullName(properties.getTopicPrefix(), topic), keyField,
						route == null || route.isEnabled()));
			}
		}
		return new EventRoutes(routes, properties.getTopicPrefix());
	}

}
