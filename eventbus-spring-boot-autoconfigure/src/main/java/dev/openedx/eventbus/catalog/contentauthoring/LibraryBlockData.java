package dev.openedx.eventbus.catalog.contentauthoring;

import dev.openedx.eventbus.event.key.LibraryLocatorV2;
import dev.openedx.eventbus.event.key.LibraryUsageLocatorV2;

/**
 * Data related to a library block that has changed. Mirrors openedx-events {@code content_authoring.LibraryBlockData}.
 *
 * @since 0.1.0
 */
public record LibraryBlockData(LibraryLocatorV2 libraryKey, LibraryUsageLocatorV2 usageKey) {

}
