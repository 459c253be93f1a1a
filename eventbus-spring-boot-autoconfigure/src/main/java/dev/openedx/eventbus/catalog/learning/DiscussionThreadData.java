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

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.DataCollections;
import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to a discussion thread object, used to represent Forum events such as comments, responses, and threads.
 * Mirrors openedx-events {@code learning.DiscussionThreadData}.
 *
 * @since 0.1.0
 */
public record DiscussionThreadData(String body, String commentableId, String id, boolean truncated, String url,
		UserData user, CourseKey courseId, @Nullable String threadType, @Nullable Boolean anonymous,
		@Nullable Boolean anonymousToPeers, @Nullable String title, @Nullable Boolean titleTruncated,
		@Nullable Long groupId, @Nullable Long teamId, @Nullable Long categoryId, @Nullable String categoryName,
		@Nullable Map<String, String> discussion, List<String> userCourseRoles, List<String> userForumsRoles,
		Map<String, Boolean> options) {

	public DiscussionThreadData {
		discussion = DataCollections.sortedMap(discussion);
		userCourseRoles = DataCollections.list(userCourseRoles);
		userForumsRoles = DataCollections.list(userForumsRoles);
		options = DataCollections.sortedMap(options);
	}

	/**
	 * Create with the Python defaults for the other fields (null: {@code threadType}, {@code anonymous},
	 * {@code anonymousToPeers}, {@code title}, {@code titleTruncated}, {@code groupId}, {@code teamId},
	 * {@code categoryId}, {@code categoryName}, {@code discussion}; empty: {@code userCourseRoles},
	 * {@code userForumsRoles}, {@code options}).
	 */
	public DiscussionThreadData(String body, String commentableId, String id, boolean truncated, String url,
			UserData user, CourseKey courseId) {
		this(body, commentableId, id, truncated, url, user, courseId, null, null, null, null, null, null, null, null,
				null, null, List.of(), List.of(), Map.of());
	}

}
