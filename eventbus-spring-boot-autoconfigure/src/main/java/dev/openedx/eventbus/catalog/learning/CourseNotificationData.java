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

package dev.openedx.eventbus.catalog.learning;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.openedx.eventbus.event.DataCollections;
import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a course notification object. Mirrors openedx-events {@code learning.CourseNotificationData}.
 *
 * @since 0.1.0
 */
public record CourseNotificationData(CourseKey courseKey, String appName, String notificationType, String contentUrl,
		Map<String, String> contentContext, Map<String, List<String>> audienceFilters) {

	public CourseNotificationData {
		contentContext = DataCollections.sortedMap(contentContext);
		if (audienceFilters != null) {
			Map<String, List<String>> copy = new TreeMap<>();
			audienceFilters.forEach((key, value) -> copy.put(key, DataCollections.list(value)));
			audienceFilters = copy;
		}
		audienceFilters = DataCollections.sortedMap(audienceFilters);
	}

	/**
	 * Create with the Python defaults for the other fields (empty: {@code contentContext}, {@code audienceFilters}).
	 */
	public CourseNotificationData(CourseKey courseKey, String appName, String notificationType, String contentUrl) {
		this(courseKey, appName, notificationType, contentUrl, Map.of(), Map.of());
	}

}
