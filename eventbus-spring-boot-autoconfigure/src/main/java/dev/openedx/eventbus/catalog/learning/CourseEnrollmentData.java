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

package dev.openedx.eventbus.catalog.learning;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Data related to a course enrollment object. Mirrors openedx-events {@code learning.CourseEnrollmentData}.
 *
 * @since 0.1.0
 */
public record CourseEnrollmentData(UserData user, CourseData course, String mode, boolean isActive,
		OffsetDateTime creationDate, @Nullable UserData createdBy) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code createdBy}).
	 */
	public CourseEnrollmentData(UserData user, CourseData course, String mode, boolean isActive,
			OffsetDateTime creationDate) {
		this(user, course, mode, isActive, creationDate, null);
	}

}
