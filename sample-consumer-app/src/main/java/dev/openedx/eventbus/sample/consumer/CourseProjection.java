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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the catalog knows of each course, built from events only: its catalog information and its enrollments.
 */
@Component
final class CourseProjection {

	private final Map<String, CourseState> courses = new ConcurrentHashMap<>();

	void enrolled(CourseEnrollmentData enrollment) {
		course(enrollment.course().courseKey().toString()).enroll(new Enrollment(enrollment.user().pii().username(),
				enrollment.user().pii().email(), enrollment.mode(), enrollment.creationDate()));
	}

	void catalogInfoChanged(CourseCatalogData data, Instant changedAt) {
		course(data.courseKey().toString()).catalogInfo(new CatalogInfo(data.name(), data.scheduleData().start(),
				data.scheduleData().end(), data.scheduleData().pacing(), data.hidden(), data.invitationOnly(),
				changedAt));
	}

	List<CourseView> courses() {
		return this.courses.entrySet()
			.stream()
			.map((entry) -> entry.getValue().view(entry.getKey()))
			.sorted(Comparator.comparing(CourseView::courseKey))
			.toList();
	}

	Optional<CourseView> find(String courseKey) {
		return Optional.ofNullable(this.courses.get(courseKey)).map((course) -> course.view(courseKey));
	}

	private CourseState course(String courseKey) {
		return this.courses.computeIfAbsent(courseKey, (key) -> new CourseState());
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

	private static final class CourseState {

		private final Map<String, Enrollment> enrollments = new TreeMap<>();

		private @Nullable CatalogInfo catalogInfo;

		synchronized void enroll(Enrollment enrollment) {
			this.enrollments.put(enrollment.username(), enrollment);
		}

		synchronized void catalogInfo(CatalogInfo info) {
			// The newest change wins, whatever order events arrive in.
			if (this.catalogInfo == null || !info.changedAt().isBefore(this.catalogInfo.changedAt())) {
				this.catalogInfo = info;
			}
		}

		synchronized CourseView view(String courseKey) {
			Map<String, Integer> byMode = new TreeMap<>();
			this.enrollments.values().forEach((enrollment) -> byMode.merge(enrollment.mode(), 1, Integer::sum));
			return new CourseView(courseKey, this.catalogInfo, this.enrollments.size(), byMode,
					List.copyOf(this.enrollments.values()));
		}

	}

}
