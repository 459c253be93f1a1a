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

import java.util.Objects;

import dev.openedx.eventbus.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the routing table: events of a type go to a topic, keyed by a field of their data, while the route is
 * enabled. The entry of {@code EVENT_BUS_PRODUCER_CONFIG[event_type][topic]}; the enabled flag can change at run time
 * (the rollout toggle of the Open edX how-to). The route carries both the topic as configured and its
 * {@linkplain #destination() destination}, the name on the broker with the topic prefix applied, computed once when
 * the routing table is built: producers, meters and the endpoint take the destination as given.
 *
 * @since 0.1.0
 */
public final class EventRoute {

	private final EventType<?> eventType;

	private final String topic;

	private final String destination;

	private final @Nullable String eventKeyField;

	private volatile boolean enabled;

	/**
	 * Create a route.
	 * @param eventType the event type, must not be {@code null}
	 * @param topic the topic or stream name as configured, without prefix, must not be {@code null}
	 * @param destination the topic or stream name on the broker, prefix applied
	 * ({@link dev.openedx.eventbus.event.TopicNames#fullName}), must not be {@code null}
	 * @param eventKeyField the dotted path of the key inside the data, or {@code null} (Redis only)
	 * @param enabled whether events are sent
	 */
	public EventRoute(EventType<?> eventType, String topic, String destination, @Nullable String eventKeyField,
			boolean enabled) {
		this.eventType = Objects.requireNonNull(eventType, "eventType must not be null");
		this.topic = Objects.requireNonNull(topic, "topic must not be null");
		this.destination = Objects.requireNonNull(destination, "destination must not be null");
		this.eventKeyField = eventKeyField;
		this.enabled = enabled;
	}

	/**
	 * Create a route without topic prefix: its destination is its topic.
	 * @param eventType the event type, must not be {@code null}
	 * @param topic the topic or stream name, must not be {@code null}
	 * @param eventKeyField the dotted path of the key inside the data, or {@code null} (Redis only)
	 * @param enabled whether events are sent
	 */
	public EventRoute(EventType<?> eventType, String topic, @Nullable String eventKeyField, boolean enabled) {
		this(eventType, topic, topic, eventKeyField, enabled);
	}

	public EventType<?> eventType() {
		return this.eventType;
	}

	/**
	 * The topic or stream name as configured, without prefix.
	 * @return the topic, never {@code null}
	 */
	public String topic() {
		return this.topic;
	}

	/**
	 * The topic or stream name on the broker: the {@link #topic()} with the topic prefix applied.
	 * @return the destination, never {@code null}
	 */
	public String destination() {
		return this.destination;
	}

	/**
	 * The dotted path of the message key inside the event data, for example {@code enrollment.course.course_key}.
	 * @return the path, or {@code null} when none is configured (allowed with Redis only)
	 */
	public @Nullable String eventKeyField() {
		return this.eventKeyField;
	}

	/**
	 * Whether events are sent on this route now.
	 * @return the current flag
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public String toString() {
		return this.eventType.type() + " -> " + this.destination + " (key " + this.eventKeyField + ", "
				+ (this.enabled ? "enabled" : "disabled") + ")";
	}

}
