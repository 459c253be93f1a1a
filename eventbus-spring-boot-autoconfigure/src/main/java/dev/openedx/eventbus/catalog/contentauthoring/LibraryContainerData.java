package dev.openedx.eventbus.catalog.contentauthoring;

import dev.openedx.eventbus.event.key.LibraryContainerLocator;

/**
 * Data related to a library container that has changed. Mirrors openedx-events
 * {@code content_authoring.LibraryContainerData}.
 *
 * @since 0.1.0
 */
public record LibraryContainerData(LibraryContainerLocator containerKey, boolean background) {

	/**
	 * Create with the Python defaults for the other fields (false: {@code background}).
	 */
	public LibraryContainerData(LibraryContainerLocator containerKey) {
		this(containerKey, false);
	}

}
