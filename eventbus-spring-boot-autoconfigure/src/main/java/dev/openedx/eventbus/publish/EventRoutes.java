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

package dev.openedx.eventbus.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.TopicNames;
import org.jspecify.annotations.Nullable;

/**
 * The routing table: for each event type, the topics it is sent to (Python's {@code EVENT_BUS_PRODUCER_CONFIG}). The
 * table is fixed at startup; only each route's enabled flag changes at run time, through
 * {@link #setEnabled(String, String, boolean)}. The table knows the topic prefix its routes' destinations were built
 * with, so that a route outside the table ({@link #route}, what the {@code produce-event} command sends on) gets the
 * same destination rule.
 * <pre class="code">
 * routes.setEnabled("org.openedx.learning.course.enrollment.created.v1", "enrollments", false);
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventRoutes {

	private final List<EventRoute> all;

	private final Map<String, List<EventRoute>> byType;

	private final @Nullable String topicPrefix;

	/**
	 * Create a routing table without topic prefix.
	 * @param routes the routes; an event type and topic pair may occur once only
	 * @throws IllegalArgumentException when a pair occurs twice
	 */
	public EventRoutes(List<EventRoute> routes) {
		this(routes, null);
	}

	/**
	 * Create a routing table.
	 * @param routes the routes, whose destinations carry the topic prefix; an event type and topic pair may occur once
	 * only
	 * @param topicPrefix the topic prefix ({@code eventbus.topic-prefix}), {@code null} or empty for none
	 * @throws IllegalArgumentException when a pair occurs twice
	 */
	public EventRoutes(List<EventRoute> routes, @Nullable String topicPrefix) {
		this.topicPrefix = topicPrefix;
		Map<String, List<EventRoute>> grouped = new HashMap<>();
		Set<String> pairs = new LinkedHashSet<>();
		for (EventRoute route : routes) {
			if (!pairs.add(route.eventType().type() + " " + route.topic())) {
				throw new IllegalArgumentException("Event type " + route.eventType().type() + " is routed to topic '"
						+ route.topic() + "' twice");
			}
			grouped.computeIfAbsent(route.eventType().type(), (type) -> new ArrayList<>()).add(route);
		}
		Map<String, List<EventRoute>> frozen = new HashMap<>();
		grouped.forEach((type, list) -> frozen.put(type, List.copyOf(list)));
		this.all = List.copyOf(routes);
		this.byType = Map.copyOf(frozen);
	}

	/**
	 * An empty table: nothing is sent.
	 * @return the table, never {@code null}
	 */
	public static EventRoutes none() {
		return new EventRoutes(List.of());
	}

	/**
	 * The routes of an event type, enabled or not.
	 * @param eventType the event type
	 * @return the routes in configuration order, possibly empty, never {@code null}
	 */
	public List<EventRoute> routesOf(EventType<?> eventType) {
		return this.byType.getOrDefault(eventType.type(), List.of());
	}

	/**
	 * An enabled route outside the table, whose destination is the topic under this table's topic prefix.
	 * @param eventType the event type, must not be {@code null}
	 * @param topic the topic or stream name without prefix, must not be {@code null}
	 * @param eventKeyField the dotted path of the key inside the data, or {@code null} (Redis only)
	 * @return the route, never {@code null}
	 */
	public EventRoute route(EventType<?> eventType, String topic, @Nullable String eventKeyField) {
		return new EventRoute(eventType, topic, TopicNames.fullName(this.topicPrefix, topic), eventKeyField, true);
	}

	/**
	 * Every route, in configuration order.
	 * @return the routes, never {@code null}
	 */
	public List<EventRoute> all() {
		return this.all;
	}

	/**
	 * Switch one route on or off; takes effect for the next event published.
	 * @param eventType the event type string
	 * @param topic the topic without prefix
	 * @param enabled whether events are sent
	 * @return whether the route was enabled before
	 * @throws IllegalArgumentException when there is no such route
	 */
	public boolean setEnabled(String eventType, String topic, boolean enabled) {
		for (EventRoute route : this.byType.getOrDefault(eventType, List.of())) {
			if (route.topic().equals(topic)) {
				boolean previous = route.isEnabled();
				route.setEnabled(enabled);
				return previous;
			}
		}
		throw new IllegalArgumentException("No route sends " + eventType + " to topic '" + topic
				+ "'; routes are configured under eventbus.producer.events");
	}

}
