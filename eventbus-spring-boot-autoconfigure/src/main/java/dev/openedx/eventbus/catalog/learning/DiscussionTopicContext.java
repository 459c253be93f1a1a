package dev.openedx.eventbus.catalog.learning;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.DataCollections;
import dev.openedx.eventbus.event.key.UsageKey;

/**
 * Data related to a discussion topic context. Mirrors openedx-events {@code learning.DiscussionTopicContext}.
 *
 * @since 0.1.0
 */
public record DiscussionTopicContext(String title, @Nullable UsageKey usageKey, @Nullable Long groupId,
		@Nullable String externalId, @Nullable Long ordering, Map<String, String> context) {

	public DiscussionTopicContext {
		context = DataCollections.sortedMap(context);
	}

	/**
	 * Create with the Python defaults for the other fields (null: {@code usageKey}, {@code groupId},
	 * {@code externalId}, {@code ordering}; empty: {@code context}).
	 */
	public DiscussionTopicContext(String title) {
		this(title, null, null, null, null, Map.of());
	}

}
