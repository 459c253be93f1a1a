package dev.openedx.eventbus.catalog.learning;

import java.util.Map;

import dev.openedx.eventbus.event.DataCollections;

/**
 * Data required for a successful LTI launch. Mirrors openedx-events {@code learning.LtiProviderLaunchParamsData}.
 *
 * @since 0.1.0
 */
public record LtiProviderLaunchParamsData(String roles, String contextId, String userId,
		Map<String, String> extraParams) {

	public LtiProviderLaunchParamsData {
		extraParams = DataCollections.sortedMap(extraParams);
	}

	/**
	 * Create with the Python defaults for the other fields (empty: {@code extraParams}).
	 */
	public LtiProviderLaunchParamsData(String roles, String contextId, String userId) {
		this(roles, contextId, userId, Map.of());
	}

}
