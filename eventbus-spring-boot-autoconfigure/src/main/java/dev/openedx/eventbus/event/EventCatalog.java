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

package dev.openedx.eventbus.event;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event types a service knows: the Open edX catalog plus any the application declares. Consumers look the
 * {@code ce_type} / {@code type} of every message up here.
 *
 * @since 0.1.0
 */
public interface EventCatalog {

	/**
	 * Find an event type by its type string.
	 * @param type the event type string
	 * @return the descriptor, or empty when unknown
	 */
	Optional<EventType<?>> find(String type);

	/**
	 * All known event types, in declaration order.
	 * @return the event types, never {@code null}
	 */
	Collection<EventType<?>> all();

	/**
	 * Get an event type by its type string.
	 * @param type the event type string
	 * @return the descriptor, never {@code null}
	 * @throws UnknownEventTypeException when the type is unknown
	 */
	default EventType<?> get(String type) {
		return find(type).orElseThrow(() -> new UnknownEventTypeException(type));
	}

	/**
	 * A catalog of the given event types.
	 * @param types the event types; their type strings must be unique
	 * @return the catalog, never {@code null}
	 * @throws IllegalArgumentException when two descriptors share a type string
	 */
	static EventCatalog of(Collection<? extends EventType<?>> types) {
		Map<String, EventType<?>> byType = new LinkedHashMap<>();
		for (EventType<?> type : types) {
			EventType<?> previous = byType.putIfAbsent(type.type(), type);
			if (previous != null && !previous.equals(type)) {
				throw new IllegalArgumentException("Event type " + type.type() + " is declared twice, with data "
						+ previous.dataType().getName() + " and " + type.dataType().getName());
			}
		}
		Map<String, EventType<?>> frozen = Map.copyOf(byType);
		List<EventType<?>> ordered = List.copyOf(byType.values());
		return new EventCatalog() {

			@Override
			public Optional<EventType<?>> find(String type) {
				return Optional.ofNullable(frozen.get(type));
			}

			@Override
			public Collection<EventType<?>> all() {
				return ordered;
			}

		};
	}

}
