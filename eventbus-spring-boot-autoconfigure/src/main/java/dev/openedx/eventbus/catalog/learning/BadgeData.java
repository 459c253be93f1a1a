package dev.openedx.eventbus.catalog.learning;

/**
 * Data related to a badge object. Mirrors openedx-events {@code learning.BadgeData}.
 *
 * @since 0.1.0
 */
public record BadgeData(String uuid, UserData user, BadgeTemplateData template) {

}
