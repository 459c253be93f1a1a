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

package dev.openedx.eventbus.sample.producer;

import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.event.OpenEdxEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stands in for the LMS enrollment table: one row per enrollment, written in the request's transaction.
 */
@Component
final class Enrollments {

	private final JdbcTemplate jdbc;

	Enrollments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void save(OpenEdxEvent<CourseEnrollmentData> event) {
		CourseEnrollmentData enrollment = event.data();
		this.jdbc.update("INSERT INTO enrollment (event_id, username, course_key, mode, created_at) "
				+ "VALUES (?, ?, ?, ?, ?)", event.metadata().id().toString(), enrollment.user().pii().username(),
				enrollment.course().courseKey().toString(), enrollment.mode(), event.metadata().timeText());
	}

	long count() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM enrollment", Long.class);
		return (count != null) ? count : 0;
	}

}
