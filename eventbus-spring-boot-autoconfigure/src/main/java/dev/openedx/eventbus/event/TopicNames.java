package dev.openedx.eventbus.event;

import org.jspecify.annotations.Nullable;

/**
 * The topic naming rule shared by both transports and by producers and consumers alike:
 * {@code <prefix>-<topic>} when a prefix is set and not empty, else the bare topic. Group names are never prefixed.
 *
 * @since 0.1.0
 */
public final class TopicNames {

	private TopicNames() {
	}

	/**
	 * The full topic or stream name.
	 * @param prefix the prefix ({@code eventbus.topic-prefix}), may be {@code null} or empty
	 * @param topic the base topic
	 * @return for example {@code stage-user-logins}
	 */
	public static String fullName(@Nullable String prefix, String topic) {
		return (prefix == null || prefix.isEmpty()) ? topic : prefix + "-" + topic;
	}

}
