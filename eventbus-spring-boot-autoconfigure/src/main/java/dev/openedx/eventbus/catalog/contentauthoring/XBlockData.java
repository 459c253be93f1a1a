package dev.openedx.eventbus.catalog.contentauthoring;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.UsageKey;

/**
 * Data related to an XBlock object. Mirrors openedx-events {@code content_authoring.XBlockData}.
 *
 * @since 0.1.0
 */
public record XBlockData(UsageKey usageKey, String blockType, @Nullable UsageKey version) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code version}).
	 */
	public XBlockData(UsageKey usageKey, String blockType) {
		this(usageKey, blockType, null);
	}

}
