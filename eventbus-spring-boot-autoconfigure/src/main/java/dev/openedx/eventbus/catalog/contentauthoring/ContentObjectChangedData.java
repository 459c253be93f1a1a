package dev.openedx.eventbus.catalog.contentauthoring;

import java.util.List;

import dev.openedx.eventbus.event.DataCollections;

/**
 * Data related to a content object that has changed. Mirrors openedx-events
 * {@code content_authoring.ContentObjectChangedData}, fields of {@code ContentObjectData} first.
 *
 * @since 0.1.0
 */
public record ContentObjectChangedData(String objectId, List<String> changes) {

	public ContentObjectChangedData {
		changes = DataCollections.list(changes);
	}

	/**
	 * Create with the Python defaults for the other fields (empty: {@code changes}).
	 */
	public ContentObjectChangedData(String objectId) {
		this(objectId, List.of());
	}

}
