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
