package dev.openedx.eventbus.catalog.contentauthoring;

/**
 * Data related to a content object. Mirrors openedx-events {@code content_authoring.ContentObjectData}.
 *
 * @since 0.1.0
 */
public record ContentObjectData(String objectId) {

}
