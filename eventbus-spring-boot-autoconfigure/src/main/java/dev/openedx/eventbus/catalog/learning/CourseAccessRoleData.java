package dev.openedx.eventbus.catalog.learning;

import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a user's access role in a course. Mirrors openedx-events {@code learning.CourseAccessRoleData}.
 *
 * @since 0.1.0
 */
public record CourseAccessRoleData(UserData user, String orgKey, CourseKey courseKey, String role) {

}
