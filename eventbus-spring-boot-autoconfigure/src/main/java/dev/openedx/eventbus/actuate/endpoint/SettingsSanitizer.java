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

/**
 * Masks secrets in the settings the endpoint shows: the whole value of a key that names a credential (password,
 * secret, token, credentials, JAAS configuration, keys such as {@code api-key}), and the password inside any URL
 * ({@code redis://user:password@host}). Hand-written rather than Spring Boot's {@code Sanitizer}, which masks every
 * value unless told otherwise and would hide the non-secret settings this endpoint exists to show.
 */
final class SettingsSanitizer {

	static final String MASK = "******";

	private static final List<String> SENSITIVE_WORDS = List.of("password", "passwd", "secret", "token", "credential",
			"jaas", "auth-info", "user-info", "userinfo");

	private SettingsSanitizer() {
	}

	static Map<String, Object> sanitize(Map<String, ?> settings) {
		Map<String, Object> sanitized = new LinkedHashMap<>();
		settings.forEach((key, value) -> sanitized.put(key, sanitize(key, value)));
		return sanitized;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Object sanitize(String key, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (isSensitive(key)) {
			return MASK;
		}
		if (value instanceof Map<?, ?> map) {
			return sanitize((Map<String, ?>) map);
		}
		if (value instanceof List<?> list) {
			List<Object> sanitized = new ArrayList<>(list.size());
			list.forEach((item) -> sanitized.add(sanitize(key, item)));
			return sanitized;
		}
		return (value instanceof CharSequence text) ? maskUrlPasswords(text.toString()) : value;
	}

	static boolean isSensitive(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		int dot = Math.max(lower.lastIndexOf('.'), lower.lastIndexOf('['));
		String last = (dot >= 0) ? lower.substring(dot + 1) : lower;
		for (String word : SENSITIVE_WORDS) {
			if (lower.contains(word)) {
				return true;
			}
		}
		return last.endsWith("key") || last.endsWith("key]");
	}

	/**
	 * Replace the password of every {@code scheme://user:password@} in a text, which may hold several URLs.
	 */
	static String maskUrlPasswords(String text) {
		int scheme = text.indexOf("://");
		if (scheme < 0) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		int from = 0;
		while (scheme >= 0) {
			int start = scheme + 3;
			int end = start;
			while (end < text.length() && "/,; ?#".indexOf(text.charAt(end)) < 0) {
				end++;
			}
			String authority = text.substring(start, end);
			int at = authority.lastIndexOf('@');
			masked.append(text, from, start);
			if (at >= 0) {
				String userInfo = authority.substring(0, at);
				int colon = userInfo.indexOf(':');
				masked.append((colon >= 0) ? userInfo.substring(0, colon + 1) + MASK : MASK)
					.append(authority.substring(at));
			}
			else {
				masked.append(authority);
			}
			from = end;
			scheme = text.indexOf("://", end);
		}
		masked.append(text.substring(from));
		return masked.toString();
	}

}
