package dev.openedx.eventbus.catalog.contentauthoring;

import dev.openedx.eventbus.event.key.LibraryCollectionLocator;

/**
 * Data related to a library collection that has changed. Mirrors openedx-events
 * {@code content_authoring.LibraryCollectionData}.
 *
 * @since 0.1.0
 */
public record LibraryCollectionData(LibraryCollectionLocator collectionKey, boolean background) {

	/**
	 * Create with the Python defaults for the other fields (false: {@code background}).
	 */
	public LibraryCollectionData(LibraryCollectionLocator collectionKey) {
		this(collectionKey, false);
	}

}
