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
