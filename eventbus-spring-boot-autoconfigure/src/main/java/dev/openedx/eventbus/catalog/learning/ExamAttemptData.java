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

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.event.key.UsageKey;

/**
 * Data for the Open edX Exam downstream effects. Mirrors openedx-events {@code learning.ExamAttemptData}.
 *
 * @since 0.1.0
 */
public record ExamAttemptData(UserData studentUser, CourseKey courseKey, UsageKey usageKey, String examType,
		@Nullable UserData requestingUser) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code requestingUser}).
	 */
	public ExamAttemptData(UserData studentUser, CourseKey courseKey, UsageKey usageKey, String examType) {
		this(studentUser, courseKey, usageKey, examType, null);
	}

}
