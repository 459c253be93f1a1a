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

import java.util.function.Function;

/**
 * Recently decoded opaque keys of one key class, by their text. Parsing a key the way Python's {@code from_string}
 * does costs more than decoding the rest of an event, and events repeat the same few keys (course keys above all),
 * so each key class keeps a small direct-mapped table: a hit costs a hash and an equals, a miss parses and replaces
 * the slot. Keys are immutable values, so sharing one instance between decoded events is safe; slots hold immutable
 * entries, so racing threads at worst parse a key twice. Bounded: {@value #SIZE} entries per key class.
 */
final class KeyCache {

	private static final int SIZE = 1024;

	private static final ClassValue<KeyCache> CACHES = new ClassValue<>() {

		@Override
		protected KeyCache computeValue(Class<?> keyClass) {
			return new KeyCache();
		}

	};

	private final Entry[] entries = new Entry[SIZE];

	private KeyCache() {
	}

	static KeyCache of(Class<?> keyClass) {
		return CACHES.get(keyClass);
	}

	/**
	 * The key for a text, parsed by the factory when it is not in the table; failures are not cached.
	 */
	Object get(String text, Function<String, Object> factory) {
		int hash = text.hashCode();
		int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
		Entry entry = this.entries[slot];
		if (entry != null && entry.text.equals(text)) {
			return entry.key;
		}
		Object key = factory.apply(text);
		if (key != null) {
			this.entries[slot] = new Entry(text, key);
		}
		return key;
	}

	private record Entry(String text, Object key) {
	}

}
