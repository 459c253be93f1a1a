package dev.openedx.eventbus.catalog.learning;

/**
 * Attributes defined for cohort membership object. Mirrors openedx-events {@code learning.CohortData}.
 *
 * @since 0.1.0
 */
public record CohortData(UserData user, CourseData course, String name) {

}
