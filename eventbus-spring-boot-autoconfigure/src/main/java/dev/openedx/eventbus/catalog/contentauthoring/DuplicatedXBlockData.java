package dev.openedx.eventbus.catalog.contentauthoring;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.UsageKey;

/**
 * Data related to an XBlock object that has been duplicated. Mirrors openedx-events
 * {@code content_authoring.DuplicatedXBlockData}, fields of {@code XBlockData} first.
 *
 * @since 0.1.0
 */
public record DuplicatedXBlockData(UsageKey usageKey, String blockType, @Nullable UsageKey version,
		UsageKey sourceUsageKey) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code version}).
	 */
	public DuplicatedXBlockData(UsageKey usageKey, String blockType, UsageKey sourceUsageKey) {
		this(usageKey, blockType, null, sourceUsageKey);
	}

}
