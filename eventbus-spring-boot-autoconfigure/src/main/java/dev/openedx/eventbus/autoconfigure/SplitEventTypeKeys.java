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
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import dev.openedx.eventbus.event.EventCatalog;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Finds event-type keys that lost their brackets. Spring Boot's binder splits a map key at its dots unless it is
 * written in brackets, so {@code org.openedx.learning.course.enrollment.created.v1:} under
 * {@code eventbus.producer.events} binds to nothing and the route silently disappears, and an event type written as a
 * key under {@code eventbus.consumer.workers.*.event-types} leaves the worker with no filter at all. The bound
 * properties cannot tell (the split keys are simply gone), so this looks at the property names as they were written.
 */
final class SplitEventTypeKeys {

	private static final ConfigurationPropertyName ROUTES = ConfigurationPropertyName.of("eventbus.producer.events");

	private static final ConfigurationPropertyName WORKERS = ConfigurationPropertyName.of("eventbus.consumer.workers");

	/** A route is {@code eventbus.producer.events.<type>.<topic>.<event-key-field|enabled>}. */
	private static final int ROUTE_ELEMENTS = ROUTES.getNumberOfElements() + 3;

	/** {@code eventbus.consumer.workers.<name>.event-types}, then at most an index. */
	private static final int EVENT_TYPES_ELEMENTS = WORKERS.getNumberOfElements() + 2;

	private SplitEventTypeKeys() {
	}

	/**
	 * Refuse the first key under {@code eventbus.producer.events} that Spring Boot split at its dots.
	 * @param sources the property sources, for example {@code ConfigurationPropertySources.get(environment)}
	 * @param catalog the known event types, to tell which event type the key was
	 * @throws InvalidConfigurationPropertyValueException naming the property as written
	 */
	static void checkRoutes(Iterable<ConfigurationPropertySource> sources, EventCatalog catalog) {
		forEachName(sources, ROUTES, (name, source) -> checkRoute(name, source, catalog));
	}

	/**
	 * Refuse the first key under {@code eventbus.consumer.workers.*.event-types} that is not a list item.
	 * @param sources the property sources, for example {@code ConfigurationPropertySources.get(environment)}
	 * @param catalog the known event types, to tell which event type the key was
	 * @throws InvalidConfigurationPropertyValueException naming the property as written
	 */
	static void checkWorkers(Iterable<ConfigurationPropertySource> sources, EventCatalog catalog) {
		forEachName(sources, WORKERS, (name, source) -> checkEventTypes(name, source, catalog));
	}

	private static void forEachName(Iterable<ConfigurationPropertySource> sources, ConfigurationPropertyName prefix,
			BiConsumer<ConfigurationPropertyName, ConfigurationPropertySource> check) {
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				try (Stream<ConfigurationPropertyName> names = iterable.stream()) {
					names.filter(prefix::isAncestorOf).forEach((name) -> check.accept(name, iterable));
				}
			}
		}
	}

	private static void checkRoute(ConfigurationPropertyName name, ConfigurationPropertySource source,
			EventCatalog catalog) {
		int first = ROUTES.getNumberOfElements();
		if (name.getNumberOfElements() <= ROUTE_ELEMENTS) {
			return;
		}
		String type = name.getElement(first, Form.ORIGINAL);
		if (type.contains(".")) {
			// Only a key in brackets keeps its dots: the event type is whole, the topic was split.
			throw invalid(name, source, "The topic of this route lost its brackets, so Spring Boot split it at its "
					+ "dots and the route was dropped. Write a topic name that contains dots in brackets too: "
					+ ROUTES + "[" + type + "][" + join(name, first + 1, name.getNumberOfElements() - 1) + "]"
					+ "." + last(name) + ".");
		}
		// The last two elements are the topic and the route's setting; the event type is split over the rest.
		int typeEnd = name.getNumberOfElements() - 2;
		type = matchingType(name, first, typeEnd, catalog).orElse(join(name, first, typeEnd));
		String known = catalog.find(type).isPresent() ? "" : " It is not a known event type either: it is neither in "
				+ "the Open edX catalog nor declared by the application as an EventType bean."
				+ EventTypeSuggestions.didYouMean(type, catalog);
		throw invalid(name, source, "The event type key " + type + " lost its brackets, so Spring Boot split it at "
				+ "its dots and the route was dropped. Event types contain dots; write the key in brackets: in YAML "
				+ "\"[" + type + "]\": (quoted), in a properties file " + ROUTES + "[" + type + "]." + known);
	}

	private static void checkEventTypes(ConfigurationPropertyName name, ConfigurationPropertySource source,
			EventCatalog catalog) {
		int first = EVENT_TYPES_ELEMENTS;
		if (name.getNumberOfElements() <= first
				|| !name.getElement(first - 1, Form.UNIFORM).equals("eventtypes")
				|| (name.getNumberOfElements() == first + 1 && name.isNumericIndex(first))) {
			return;
		}
		String type = matchingType(name, first, name.getNumberOfElements(), catalog)
			.orElse(join(name, first, name.getNumberOfElements()));
		ConfigurationPropertyName list = name.chop(first);
		throw invalid(name, source, "event-types is a list, so this key binds to nothing and the worker would "
				+ "receive every event type of its topic. Write the event type as a list item: in YAML \"- " + type
				+ "\" under " + list.getLastElement(Form.ORIGINAL) + ":, in a properties file " + list + "[0]=" + type
				+ "." + (catalog.find(type).isPresent() ? "" : EventTypeSuggestions.didYouMean(type, catalog)));
	}

	/** The longest run of elements from {@code from} that, joined with dots, is a known event type. */
	private static Optional<String> matchingType(ConfigurationPropertyName name, int from, int to,
			EventCatalog catalog) {
		for (int end = to; end > from + 1; end--) {
			String candidate = join(name, from, end);
			if (catalog.find(candidate).isPresent()) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static String join(ConfigurationPropertyName name, int from, int to) {
		List<String> parts = new ArrayList<>();
		for (int i = from; i < to; i++) {
			parts.add(name.getElement(i, Form.ORIGINAL));
		}
		return String.join(".", parts);
	}

	private static String last(ConfigurationPropertyName name) {
		return name.getLastElement(Form.ORIGINAL);
	}

	private static InvalidConfigurationPropertyValueException invalid(ConfigurationPropertyName name,
			ConfigurationPropertySource source, String reason) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		Object value = (property != null) ? property.getValue() : null;
		return new InvalidConfigurationPropertyValueException(name.toString(), value, reason);
	}

}
