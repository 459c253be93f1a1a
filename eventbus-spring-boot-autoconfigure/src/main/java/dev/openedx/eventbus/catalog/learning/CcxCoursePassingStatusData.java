package dev.openedx.eventbus.catalog.learning;

/**
 * Extends CoursePassingStatusData for CCX courses, specifying CCX course data. Mirrors openedx-events
 * {@code learning.CcxCoursePassingStatusData}, fields of {@code CoursePassingStatusData} first (its own {@code course}
 * field comes after the inherited ones).
 *
 * @since 0.1.0
 */
public record CcxCoursePassingStatusData(boolean isPassing, UserData user, CcxCourseData course) {

}
