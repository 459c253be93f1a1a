package dev.openedx.eventbus.catalog.learning;

/**
 * Represents the event data when a user's grade is updated, indicates if current grade is enough for course passing.
 * Mirrors openedx-events {@code learning.CoursePassingStatusData}.
 *
 * @since 0.1.0
 */
public record CoursePassingStatusData(boolean isPassing, CourseData course, UserData user) {

}
