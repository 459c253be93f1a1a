package dev.openedx.eventbus.catalog.contentauthoring;

import dev.openedx.eventbus.event.key.LibraryLocatorV2;

/**
 * Data related to a content library that has changed. Mirrors openedx-events
 * {@code content_authoring.ContentLibraryData}.
 *
 * @since 0.1.0
 */
public record ContentLibraryData(LibraryLocatorV2 libraryKey, boolean updateBlocks) {

	/**
	 * Create with the Python defaults for the other fields (false: {@code updateBlocks}).
	 */
	public ContentLibraryData(LibraryLocatorV2 libraryKey) {
		this(libraryKey, false);
	}

}
