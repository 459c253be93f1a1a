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

import dev.openedx.eventbus.event.DataCollections;
import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a course discussion configuration object. Mirrors openedx-events
 * {@code learning.CourseDiscussionConfigurationData}.
 *
 * @since 0.1.0
 */
public record CourseDiscussionConfigurationData(CourseKey courseKey, String providerType, boolean enabled,
		boolean enableInContext, boolean enableGradedUnits, boolean unitLevelVisibility,
		Map<String, Boolean> pluginConfiguration, List<DiscussionTopicContext> contexts) {

	public CourseDiscussionConfigurationData {
		pluginConfiguration = DataCollections.sortedMap(pluginConfiguration);
		contexts = DataCollections.list(contexts);
	}

	/**
	 * Create with the Python defaults for the other fields (true: {@code enabled}, {@code enableInContext}; false:
	 * {@code enableGradedUnits}, {@code unitLevelVisibility}; empty: {@code pluginConfiguration}, {@code contexts}).
	 */
	public CourseDiscussionConfigurationData(CourseKey courseKey, String providerType) {
		this(courseKey, providerType, true, true, false, false, Map.of(), List.of());
	}

}
