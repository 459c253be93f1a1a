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

package dev.openedx.eventbus.sample.producer;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /courses/{courseKey}/catalog-info}.
 *
 * @param name the course's display name
 * @param start when the course starts
 * @param pacing {@code instructor} or {@code self}
 * @param end when the course ends, if it does
 * @param hidden whether the course is hidden from the catalog (default false)
 * @param invitationOnly whether enrollment needs an invitation (default false)
 * @since 0.1.0
 */
record CatalogInfoRequest(String name, OffsetDateTime start, String pacing, @Nullable OffsetDateTime end,
		@Nullable Boolean hidden, @Nullable Boolean invitationOnly) {

	CatalogInfoRequest {
		Requests.requireText(name, "name");
		if (start == null) {
			throw new IllegalArgumentException("start is required");
		}
		Requests.requireText(pacing, "pacing");
	}

}
