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

package org.example.badges;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.openedx.eventbus.catalog.learning.BadgeData;

import org.springframework.stereotype.Component;

/**
 * The badges awarded so far, one per learner and course.
 */
@Component
public class AwardedBadges {

	private final Map<String, BadgeData> badges = new ConcurrentHashMap<>();

	/**
	 * Record a badge unless the learner has one for the course already.
	 * @param username the learner
	 * @param courseKey the course
	 * @param badge the badge to record
	 * @return whether it was recorded
	 */
	public boolean record(String username, String courseKey, BadgeData badge) {
		return this.badges.putIfAbsent(username + " " + courseKey, badge) == null;
	}

	public Optional<BadgeData> find(String username, String courseKey) {
		return Optional.ofNullable(this.badges.get(username + " " + courseKey));
	}

	public int count() {
		return this.badges.size();
	}

}
