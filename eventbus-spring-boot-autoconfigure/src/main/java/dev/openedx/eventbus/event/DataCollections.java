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

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Defensive copies for the collection components of event data records. Maps are kept sorted by key because
 * openedx-events writes map entries in sorted key order, so a sorted map is encoded without sorting per event.
 * A {@code null} stays {@code null}: the codec reports a missing required field with its event type and path.
 * <pre class="code">
 * public record ContentObjectChangedData(String objectId, List&lt;String&gt; changes) {
 *     public ContentObjectChangedData {
 *         changes = DataCollections.list(changes);
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class DataCollections {

	private DataCollections() {
	}

	/**
	 * An unmodifiable copy of a list.
	 * @param <T> the element type
	 * @param list the list, may be {@code null}
	 * @return the copy, or {@code null}
	 * @throws NullPointerException when an element is {@code null}
	 */
	public static <T> @Nullable List<T> list(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : null;
	}

	/**
	 * An unmodifiable copy of a map, sorted by key.
	 * @param <V> the value type
	 * @param map the map, may be {@code null}
	 * @return the sorted copy, or {@code null}
	 * @throws NullPointerException when a key or value is {@code null}
	 */
	public static <V> @Nullable Map<String, V> sortedMap(@Nullable Map<String, V> map) {
		if (map == null) {
			return null;
		}
		if (map instanceof SortedMap<?, ?> && isUnmodifiable(map)) {
			return map;
		}
		TreeMap<String, V> copy = new TreeMap<>();
		map.forEach((key, value) -> {
			if (key == null || value == null) {
				throw new NullPointerException("Map entries must not be null: " + key + "=" + value);
			}
			copy.put(key, value);
		});
		return Collections.unmodifiableSortedMap(copy);
	}

	private static boolean isUnmodifiable(Map<?, ?> map) {
		return map.getClass().getName().startsWith("java.util.Collections$Unmodifiable");
	}

}
