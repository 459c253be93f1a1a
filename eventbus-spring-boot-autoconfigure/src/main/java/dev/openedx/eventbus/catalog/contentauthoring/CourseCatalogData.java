package dev.openedx.eventbus.catalog.contentauthoring;

import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a course catalog entry. Mirrors openedx-events {@code content_authoring.CourseCatalogData}.
 *
 * @since 0.1.0
 */
public record CourseCatalogData(CourseKey courseKey, String name, CourseScheduleData scheduleData, boolean hidden,
		boolean invitationOnly) {

	/**
	 * Create with the Python defaults for the other fields (false: {@code hidden}, {@code invitationOnly}).
	 */
	public CourseCatalogData(CourseKey courseKey, String name, CourseScheduleData scheduleData) {
		this(courseKey, name, scheduleData, false, false);
	}

}
