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

package dev.openedx.eventbus.actuate.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.SecretMasking;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Sanitizes the settings the endpoint shows through Spring Boot's {@link Sanitizer}, as the {@code env} and
 * {@code configprops} endpoints do: every value is masked unless {@code management.endpoint.eventbus.show-values}
 * lets them be shown, and then the application's {@link SanitizingFunction} beans apply, after this endpoint's own
 * {@link #SECRETS}. Each value is handed to them under its full property name ({@code spring.kafka.properties
 * .basic.auth.user.info}), not the last segment of a nested map.
 */
final class SettingsSanitizer {

	static final String MASK = SecretMasking.MASK;

	private static final List<String> SENSITIVE_WORDS = List.of("password", "passwd", "secret", "token", "credential",
			"jaas", "authinfo", "userinfo");

	/**
	 * The secrets this endpoint always masks, even when values are shown: the whole value of a key that names a
	 * credential (password, secret, token, credentials, JAAS configuration, user or auth information, keys such as
	 * {@code api-key}), and the password inside any URL ({@code redis://user:password@host}).
	 */
	static final SanitizingFunction SECRETS = (data) -> {
		if (isSensitive(data.getKey())) {
			return data.withSanitizedValue();
		}
		return (data.getValue() instanceof CharSequence text) ? data.withValue(SecretMasking.maskUrls(text.toString()))
				: data;
	};

	private final Sanitizer sanitizer;

	SettingsSanitizer(Iterable<SanitizingFunction> applicationFunctions) {
		List<SanitizingFunction> functions = new ArrayList<>();
		functions.add(SECRETS);
		applicationFunctions.forEach(functions::add);
		this.sanitizer = new Sanitizer(functions);
	}

	/**
	 * The settings with every value sanitized.
	 * @param settings nested maps of settings, by property name segment
	 * @param showUnsanitized whether values may be shown at all
	 * @return the sanitized copy
	 */
	Map<String, Object> sanitize(Map<String, ?> settings, boolean showUnsanitized) {
		return sanitize("", settings, showUnsanitized);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> sanitize(String prefix, Map<String, ?> settings, boolean showUnsanitized) {
		Map<String, Object> sanitized = new LinkedHashMap<>();
		settings.forEach((key, value) -> sanitized.put(key, sanitize(prefix + key, value, showUnsanitized)));
		return sanitized;
	}

	@SuppressWarnings("unchecked")
	private @Nullable Object sanitize(String name, @Nullable Object value, boolean showUnsanitized) {
		if (value instanceof Map<?, ?> map) {
			return sanitize(name + ".", (Map<String, ?>) map, showUnsanitized);
		}
		if (value instanceof List<?> list) {
			List<Object> sanitized = new ArrayList<>(list.size());
			list.forEach((item) -> sanitized.add(sanitize(name, item, showUnsanitized)));
			return sanitized;
		}
		return this.sanitizer.sanitize(new SanitizableData(null, name, value), showUnsanitized);
	}

	static boolean isSensitive(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		String joined = lower.replaceAll("[._\\-]", "");
		for (String word : SENSITIVE_WORDS) {
			if (joined.contains(word)) {
				return true;
			}
		}
		int dot = Math.max(lower.lastIndexOf('.'), lower.lastIndexOf('['));
		String last = (dot >= 0) ? lower.substring(dot + 1) : lower;
		return last.endsWith("key") || last.endsWith("key]");
	}

}
