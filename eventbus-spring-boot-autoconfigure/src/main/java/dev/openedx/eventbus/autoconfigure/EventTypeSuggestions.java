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

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;

/**
 * "Did you mean" for an event type that is not in the catalog: the known types closest to it by edit distance (a
 * typo, another version), and those it is the end of (the type without its {@code org.openedx.} start).
 * Hand-written: an edit distance is a dozen lines, not worth a dependency of every service using the starter.
 */
final class EventTypeSuggestions {

	private static final int MAX_SUGGESTIONS = 3;

	private EventTypeSuggestions() {
	}

	/**
	 * The sentence to append to an error about an unknown type.
	 * @param type the unknown type
	 * @param catalog the known types
	 * @return for example {@code " Did you mean org.openedx.learning.course.enrollment.created.v1?"}, or an empty
	 * string when nothing is close
	 */
	static String didYouMean(String type, EventCatalog catalog) {
		List<String> closest = closest(type, catalog);
		return closest.isEmpty() ? "" : " Did you mean " + String.join(" or ", closest) + "?";
	}

	static List<String> closest(String type, EventCatalog catalog) {
		String wanted = type.toLowerCase(Locale.ROOT);
		int limit = Math.max(3, wanted.length() / 4);
		record Candidate(String name, int distance) {
		}
		List<Candidate> candidates = catalog.all()
			.stream()
			.map(EventType::type)
			.map((name) -> {
				String known = name.toLowerCase(Locale.ROOT);
				int distance = known.endsWith("." + wanted) ? 0 : distance(wanted, known);
				return new Candidate(name, distance);
			})
			.filter((candidate) -> candidate.distance() <= limit)
			.sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
			.toList();
		if (candidates.isEmpty()) {
			return List.of();
		}
		// Only those about as close as the closest: a one-letter typo should not also suggest its siblings.
		int best = candidates.get(0).distance();
		int cutoff = best + Math.max(1, best / 2);
		return candidates.stream()
			.filter((candidate) -> candidate.distance() <= cutoff)
			.limit(MAX_SUGGESTIONS)
			.map(Candidate::name)
			.toList();
	}

	/** Levenshtein distance: insertions, deletions and substitutions that turn one text into the other. */
	static int distance(String left, String right) {
		int[] previous = new int[right.length() + 1];
		int[] current = new int[right.length() + 1];
		for (int j = 0; j <= right.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= left.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= right.length(); j++) {
				int substitution = previous[j - 1] + ((left.charAt(i - 1) == right.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[right.length()];
	}

}
