package dev.openedx.eventbus.catalog.learning;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a course object. Mirrors openedx-events {@code learning.CourseData}.
 *
 * @since 0.1.0
 */
public record CourseData(CourseKey courseKey, String displayName, @Nullable OffsetDateTime start,
		@Nullable OffsetDateTime end) {

	/**
	 * Create with the Python defaults for the other fields (empty: {@code displayName}; null: {@code start},
	 * {@code end}).
	 */
	public CourseData(CourseKey courseKey) {
		this(courseKey, "", null, null);
	}

}
