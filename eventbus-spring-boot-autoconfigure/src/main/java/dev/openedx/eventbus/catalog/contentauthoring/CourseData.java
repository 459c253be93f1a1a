package dev.openedx.eventbus.catalog.contentauthoring;

import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a course object. Mirrors openedx-events {@code content_authoring.CourseData}.
 *
 * @since 0.1.0
 */
public record CourseData(CourseKey courseKey) {

}
