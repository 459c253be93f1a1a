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

package dev.openedx.eventbus.catalog.contentauthoring;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Data related to a course schedule. Mirrors openedx-events {@code content_authoring.CourseScheduleData}.
 *
 * @since 0.1.0
 */
public record CourseScheduleData(OffsetDateTime start, String pacing, @Nullable OffsetDateTime end,
		@Nullable OffsetDateTime enrollmentStart, @Nullable OffsetDateTime enrollmentEnd) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code end}, {@code enrollmentStart},
	 * {@code enrollmentEnd}).
	 */
	public CourseScheduleData(OffsetDateTime start, String pacing) {
		this(start, pacing, null, null, null);
	}

}
