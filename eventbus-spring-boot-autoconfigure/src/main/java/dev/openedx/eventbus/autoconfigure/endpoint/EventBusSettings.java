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

package dev.openedx.eventbus.autoconfigure.endpoint;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings the {@code eventbus} endpoint shows: every {@code eventbus.*} property with its effective value
 * (defaults included), and the connection properties of the transport in use as configured
 * ({@code spring.kafka.*} or {@code spring.data.redis.*}). The endpoint masks the secrets among them.
 */
final class EventBusSettings {

	private EventBusSettings() {
	}

	static Map<String, Object> describe(EventBusProperties properties, Environment environment) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("eventbus", bean(properties));
		String connection = (properties.getTransport() == EventBusProperties.Transport.REDIS) ? "spring.data.redis"
				: "spring.kafka";
		Binder.get(environment)
			.bind(connection, Bindable.mapOf(String.class, Object.class))
			.ifBound((configured) -> settings.put(connection, configured));
		return settings;
	}

	private static Map<String, Object> bean(Object bean) {
		Map<String, Object> values = new LinkedHashMap<>();
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(bean);
		for (PropertyDescriptor property : wrapper.getPropertyDescriptors()) {
			if (property.getReadMethod() == null || "class".equals(property.getName())) {
				continue;
			}
			values.put(kebab(property.getName()), value(wrapper.getPropertyValue(property.getName())));
		}
		return values;
	}

	private static @Nullable Object value(@Nullable Object value) {
		if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Duration || value instanceof Temporal) {
			return (value instanceof Duration || value instanceof Temporal) ? value.toString() : value;
		}
		if (value instanceof Enum<?> constant) {
			return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> values = new LinkedHashMap<>();
			map.forEach((key, item) -> values.put(String.valueOf(key), value(item)));
			return values;
		}
		if (value instanceof Collection<?> collection) {
			return new ArrayList<>(collection.stream().map(EventBusSettings::value).toList());
		}
		if (value.getClass().getName().startsWith(EventBusProperties.class.getName())) {
			return bean(value);
		}
		return value.toString();
	}

	private static String kebab(String name) {
		StringBuilder kebab = new StringBuilder(name.length() + 4);
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

}
