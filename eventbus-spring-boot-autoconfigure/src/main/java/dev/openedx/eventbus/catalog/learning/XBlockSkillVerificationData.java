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

import dev.openedx.eventbus.event.DataCollections;
import dev.openedx.eventbus.event.key.UsageKey;

/**
 * Data needed to update verification count of tags/skills for an XBlock. Mirrors openedx-events
 * {@code learning.XBlockSkillVerificationData}.
 *
 * @since 0.1.0
 */
public record XBlockSkillVerificationData(UsageKey usageKey, List<Long> verifiedSkills, List<Long> ignoredSkills) {

	public XBlockSkillVerificationData {
		verifiedSkills = DataCollections.list(verifiedSkills);
		ignoredSkills = DataCollections.list(ignoredSkills);
	}

	/**
	 * Create with the Python defaults for the other fields (empty: {@code verifiedSkills}, {@code ignoredSkills}).
	 */
	public XBlockSkillVerificationData(UsageKey usageKey) {
		this(usageKey, List.of(), List.of());
	}

}
