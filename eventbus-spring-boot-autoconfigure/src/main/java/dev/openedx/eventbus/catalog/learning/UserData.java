package dev.openedx.eventbus.catalog.learning;

/**
 * Data related to a user object, including personal information and non-personal information. Mirrors openedx-events
 * {@code learning.UserData}, fields of {@code UserNonPersonalData} first.
 *
 * @since 0.1.0
 */
public record UserData(long id, boolean isActive, UserPersonalData pii) {

}
