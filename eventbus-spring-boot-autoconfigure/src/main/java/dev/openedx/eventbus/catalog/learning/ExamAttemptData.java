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
