package dev.openedx.eventbus.catalog.learning;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.CcxLocator;
import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Represents data for a CCX (Custom Courses for edX) course. Mirrors openedx-events {@code learning.CcxCourseData}.
 *
 * @since 0.1.0
 */
public record CcxCourseData(CcxLocator ccxCourseKey, CourseKey masterCourseKey, String displayName,
		String coachEmail, @Nullable String start, @Nullable String end, @Nullable Long maxStudentsAllowed) {

	/**
	 * Create with the Python defaults for the other fields (empty: {@code displayName}, {@code coachEmail}; null:
	 * {@code start}, {@code end}, {@code maxStudentsAllowed}).
	 */
	public CcxCourseData(CcxLocator ccxCourseKey, CourseKey masterCourseKey) {
		this(ccxCourseKey, masterCourseKey, "", "", null, null, null);
	}

}
