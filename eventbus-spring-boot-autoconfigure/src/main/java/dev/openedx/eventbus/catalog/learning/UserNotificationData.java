package dev.openedx.eventbus.catalog.learning;

import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.event.DataCollections;
import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a user notification object. Mirrors openedx-events {@code learning.UserNotificationData}.
 *
 * @since 0.1.0
 */
public record UserNotificationData(List<Long> userIds, String notificationType, String contentUrl, String appName,
		CourseKey courseKey, Map<String, String> context) {

	public UserNotificationData {
		userIds = DataCollections.list(userIds);
		context = DataCollections.sortedMap(context);
	}

	/**
	 * Create with the Python defaults for the other fields (empty: {@code context}).
	 */
	public UserNotificationData(List<Long> userIds, String notificationType, String contentUrl, String appName,
			CourseKey courseKey) {
		this(userIds, notificationType, contentUrl, appName, courseKey, Map.of());
	}

}
