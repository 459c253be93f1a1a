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
