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
