/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
