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

package dev.openedx.eventbus.demo.examples;

import java.time.OffsetDateTime;

import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.event.key.CourseKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing inside a transaction ({@code docs/producing.md}, send modes).
 */
// tag::after-commit[]
public class EnrollmentService {

	private final ApplicationEventPublisher publisher;

	public EnrollmentService(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Transactional
	public void enroll(long userId, String username, String email, CourseKey course) {
		// ... insert the enrollment row ...
		CourseEnrollmentData enrollment = new CourseEnrollmentData(
				new UserData(userId, true, new UserPersonalData(username, email)), new CourseData(course), "audit",
				true, OffsetDateTime.now());
		// With eventbus.producer.send-mode=after-commit the event is sent once the transaction commits,
		// and never if it rolls back. Local listeners still run right away.
		this.publisher.publishEvent(LearningEvents.COURSE_ENROLLMENT_CREATED.event(enrollment));
	}

}
// end::after-commit[]
