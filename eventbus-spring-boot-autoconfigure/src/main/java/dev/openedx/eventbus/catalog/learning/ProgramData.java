package dev.openedx.eventbus.catalog.learning;

/**
 * Data related to a program object. Mirrors openedx-events {@code learning.ProgramData}.
 *
 * @since 0.1.0
 */
public record ProgramData(String uuid, String title, String programType) {

}
