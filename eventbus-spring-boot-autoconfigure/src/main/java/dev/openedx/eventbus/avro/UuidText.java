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

package dev.openedx.eventbus.avro;

import java.util.UUID;

/**
 * UUID text as Python's {@code str(uuid)} writes it and {@code uuid.UUID(text)} reads it.
 */
final class UuidText {

	private UuidText() {
	}

	/**
	 * Parse like {@code uuid.UUID(text)}: the usual hyphenated form, and also what Python tolerates
	 * ({@code urn:uuid:} prefix, braces, no hyphens). {@link UUID#fromString} alone would accept shapes Python
	 * rejects ({@code 1-2-3-4-5}).
	 * @throws IllegalArgumentException when Python would reject the text
	 */
	static UUID parse(String text) {
		if (text.length() == 36 && text.charAt(8) == '-' && text.charAt(13) == '-' && text.charAt(18) == '-'
				&& text.charAt(23) == '-') {
			return UUID.fromString(text);
		}
		String hex = text.replace("urn:", "").replace("uuid:", "");
		int from = 0;
		int to = hex.length();
		while (from < to && (hex.charAt(from) == '{' || hex.charAt(from) == '}')) {
			from++;
		}
		while (to > from && (hex.charAt(to - 1) == '{' || hex.charAt(to - 1) == '}')) {
			to--;
		}
		hex = hex.substring(from, to).replace("-", "");
		if (hex.length() != 32) {
			throw new IllegalArgumentException("badly formed hexadecimal UUID string");
		}
		for (int i = 0; i < 32; i++) {
			if (Character.digit(hex.charAt(i), 16) < 0) {
				throw new IllegalArgumentException("badly formed hexadecimal UUID string");
			}
		}
		return new UUID(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
	}

}
