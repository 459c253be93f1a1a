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

package dev.openedx.eventbus.actuate.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The routing table in health: each route ({@code <event type> -> <topic>}) {@code ON} or {@code OFF}, so that a
 * route switched off through the {@code eventbus} endpoint, which drops every event of its type for its topic, shows
 * where operators look. UP either way: a route switched off is a decision, not a fault (the drops are logged at WARN
 * and counted as {@code eventbus.producer.events{outcome=dropped}}).
 * <pre class="code">
 * HealthIndicator routes = new RoutesHealthIndicator(eventRoutes);
 * </pre>
 *
 * @since 0.1.0
 */
public final class RoutesHealthIndicator implements HealthIndicator {

	private final EventRoutes routes;

	/**
	 * Create an indicator.
	 * @param routes the routing table
	 */
	public RoutesHealthIndicator(EventRoutes routes) {
		this.routes = Objects.requireNonNull(routes, "routes must not be null");
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		int off = 0;
		for (EventRoute route : this.routes.all()) {
			details.put(route.eventType().type() + " -> " + route.destination(), route.isEnabled() ? "ON" : "OFF");
			off += route.isEnabled() ? 0 : 1;
		}
		return Health.up().withDetail("off", off).withDetails(details).build();
	}

}
