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

import java.util.List;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.EventCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeSuggestionsTests {

	private static final EventCatalog catalog = EventCatalog.of(OpenEdxCatalog.all());

	@Test
	void aTypoSuggestsTheTypeMeant() {
		assertThat(EventTypeSuggestions.didYouMean("org.openedx.learning.course.enrolment.created.v1", catalog))
			.isEqualTo(" Did you mean org.openedx.learning.course.enrollment.created.v1?");
	}

	@Test
	void anotherVersionSuggestsTheKnownOne() {
		assertThat(EventTypeSuggestions.closest("org.openedx.learning.course.enrollment.created.v2", catalog))
			.startsWith("org.openedx.learning.course.enrollment.created.v1");
	}

	@Test
	void aTypeWithoutItsOrgOpenedxStartSuggestsTheFullName() {
		assertThat(EventTypeSuggestions.closest("learning.course.enrollment.created.v1", catalog))
			.startsWith("org.openedx.learning.course.enrollment.created.v1");
	}

	@Test
	void atMostThreeSuggestionsClosestFirst() {
		List<String> closest = EventTypeSuggestions.closest("org.openedx.learning.course.enrollment.v1", catalog);
		assertThat(closest).hasSizeBetween(1, 3);
		assertThat(closest).allMatch((name) -> name.startsWith("org.openedx.learning.course.enrollment."));
	}

	@Test
	void nothingCloseSuggestsNothing() {
		assertThat(EventTypeSuggestions.didYouMean("org.acme.library.book.loaned.v1", catalog)).isEmpty();
	}

	@Test
	void distanceCountsInsertionsDeletionsAndSubstitutions() {
		assertThat(EventTypeSuggestions.distance("kitten", "sitting")).isEqualTo(3);
		assertThat(EventTypeSuggestions.distance("", "abc")).isEqualTo(3);
		assertThat(EventTypeSuggestions.distance("same", "same")).isZero();
	}

}
