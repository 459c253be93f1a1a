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

package dev.openedx.eventbus.sample.consumer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the catalog knows of each course, built from events only: its catalog information and its enrollments, in
 * the database. The listeners write here in the transaction the inbox opens, so an event's changes and its inbox
 * row commit together, and a redelivered event changes nothing.
 */
@Component
final class CourseProjection {

	private final JdbcTemplate jdbc;

	CourseProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void enrolled(CourseEnrollmentData enrollment) {
		String courseKey = enrollment.course().courseKey().toString();
		String username = enrollment.user().pii().username();
		// Delete then insert: an upsert every database understands.
		this.jdbc.update("DELETE FROM course_enrollment WHERE course_key = ? AND username = ?", courseKey, username);
		this.jdbc.update("INSERT INTO course_enrollment (course_key, username, email, mode, enrolled_at) "
				+ "VALUES (?, ?, ?, ?, ?)", courseKey, username, enrollment.user().pii().email(), enrollment.mode(),
				enrollment.creationDate().toString());
	}

	void catalogInfoChanged(CourseCatalogData data, Instant changedAt) {
		String courseKey = data.courseKey().toString();
		List<String> previous = this.jdbc.queryForList(
				"SELECT changed_at FROM course_catalog_info WHERE course_key = ?", String.class, courseKey);
		// The newest change wins, whatever order events arrive in.
		if (!previous.isEmpty() && changedAt.isBefore(Instant.parse(previous.get(0)))) {
			return;
		}
		this.jdbc.update("DELETE FROM course_catalog_info WHERE course_key = ?", courseKey);
		OffsetDateTime end = data.scheduleData().end();
		this.jdbc.update("INSERT INTO course_catalog_info (course_key, name, course_start, course_end, pacing, "
				+ "hidden, invitation_only, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", courseKey, data.name(),
				data.scheduleData().start().toString(), (end != null) ? end.toString() : null,
				data.scheduleData().pacing(), data.hidden(), data.invitationOnly(), changedAt.toString());
	}

	List<CourseView> courses() {
		Set<String> keys = new TreeSet<>(this.jdbc.queryForList("SELECT course_key FROM course_enrollment",
				String.class));
		keys.addAll(this.jdbc.queryForList("SELECT course_key FROM course_catalog_info", String.class));
		return keys.stream().map(this::view).toList();
	}

	Optional<CourseView> find(String courseKey) {
		CourseView view = view(courseKey);
		return (view.catalogInfo() == null && view.enrollments().isEmpty()) ? Optional.empty() : Optional.of(view);
	}

	private CourseView view(String courseKey) {
		List<Enrollment> enrollments = this.jdbc.query("SELECT username, email, mode, enrolled_at FROM "
				+ "course_enrollment WHERE course_key = ? ORDER BY username", (rs, row) -> new Enrollment(
						rs.getString(1), rs.getString(2), rs.getString(3), OffsetDateTime.parse(rs.getString(4))),
				courseKey);
		List<CatalogInfo> info = this.jdbc.query("SELECT name, course_start, course_end, pacing, hidden, "
				+ "invitation_only, changed_at FROM course_catalog_info WHERE course_key = ?", (rs, row) -> {
					String end = rs.getString(3);
					return new CatalogInfo(rs.getString(1), OffsetDateTime.parse(rs.getString(2)),
							(end != null) ? OffsetDateTime.parse(end) : null, rs.getString(4), rs.getBoolean(5),
							rs.getBoolean(6), Instant.parse(rs.getString(7)));
				}, courseKey);
		Map<String, Integer> byMode = new TreeMap<>();
		enrollments.forEach((enrollment) -> byMode.merge(enrollment.mode(), 1, Integer::sum));
		return new CourseView(courseKey, info.isEmpty() ? null : info.get(0), enrollments.size(), byMode,
				enrollments);
	}

	/**
	 * One course as served by {@code GET /courses}.
	 *
	 * @param courseKey the course key
	 * @param catalogInfo the latest catalog information, or {@code null} before the first change
	 * @param enrollmentCount how many learners are enrolled
	 * @param enrollmentsByMode the enrollment count of each mode
	 * @param enrollments the enrollments, by user name
	 */
	record CourseView(String courseKey, @Nullable CatalogInfo catalogInfo, int enrollmentCount,
			Map<String, Integer> enrollmentsByMode, List<Enrollment> enrollments) {
	}

	/**
	 * A learner's enrollment.
	 *
	 * @param username the user name
	 * @param email the email address
	 * @param mode the mode, for example {@code audit}
	 * @param enrolledAt when the learner enrolled
	 */
	record Enrollment(String username, String email, String mode, OffsetDateTime enrolledAt) {
	}

	/**
	 * What the catalog shows of a course.
	 *
	 * @param name the display name
	 * @param start when the course starts
	 * @param end when it ends, or {@code null}
	 * @param pacing {@code instructor} or {@code self}
	 * @param hidden whether it is hidden from the catalog
	 * @param invitationOnly whether enrollment needs an invitation
	 * @param changedAt when the change happened (the event's time)
	 */
	record CatalogInfo(String name, OffsetDateTime start, @Nullable OffsetDateTime end, String pacing, boolean hidden,
			boolean invitationOnly, Instant changedAt) {
	}

}
