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

package dev.openedx.eventbus.testing;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Differences between what a test sent and what came out, small enough to read in a failed assertion when thousands
 * of events were sent.
 */
public final class Outcomes {

	private Outcomes() {
	}

	/**
	 * The elements of one set that the other lacks.
	 * @param <T> the element type
	 * @param expected the elements that should all be there
	 * @param actual the elements that are there
	 * @return the missing ones, sorted
	 */
	public static <T extends Comparable<T>> Set<T> missing(Set<T> expected, Set<T> actual) {
		Set<T> missing = new TreeSet<>(expected);
		missing.removeAll(actual);
		return missing;
	}

	/**
	 * The keys whose values differ between two maps, each with both values.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param expected the expected map
	 * @param actual the actual map
	 * @return for each differing key, {@code "expected X, was Y"} (absent values shown as {@code none}), sorted by key
	 */
	public static <K, V> Map<String, String> mismatches(Map<K, V> expected, Map<K, V> actual) {
		Map<String, String> mismatches = new TreeMap<>();
		Set<K> keys = new HashSet<>(expected.keySet());
		keys.addAll(actual.keySet());
		for (K key : keys) {
			V want = expected.get(key);
			V got = actual.get(key);
			if (!Objects.equals(want, got)) {
				mismatches.put(String.valueOf(key), "expected " + ((want != null) ? want : "none") + ", was "
						+ ((got != null) ? got : "none"));
			}
		}
		return mismatches;
	}

}
