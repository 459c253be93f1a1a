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

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.key.CourseKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /enrollments}: enrolls a learner and publishes {@code COURSE_ENROLLMENT_CREATED}, as the LMS does, in
 * one transaction: the enrollment row and the event (in the transactional outbox) commit together, and the event is
 * sent once they did. An answer 2xx means the event will reach the topic, even if the service dies right after.
 */
@RestController
class EnrollmentController {

	private final ApplicationEventPublisher publisher;

	private final Learners learners;

	private final Enrollments enrollments;

	private final Clock clock = Clock.system(ZoneOffset.UTC);

	EnrollmentController(ApplicationEventPublisher publisher, Learners learners, Enrollments enrollments) {
		this.publisher = publisher;
		this.learners = learners;
		this.enrollments = enrollments;
	}

	@PostMapping("/enrollments")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Transactional
	PublishedEvent enroll(@RequestBody EnrollmentRequest request) {
		// tag::publish[]
		CourseEnrollmentData enrollment = new CourseEnrollmentData(
				new UserData(this.learners.idOf(request.username()), true,
						new UserPersonalData(request.username(), request.email())),
				new CourseData(CourseKey.of(request.courseKey())), request.mode(), true,
				OffsetDateTime.now(this.clock));
		OpenEdxEvent<CourseEnrollmentData> event = LearningEvents.COURSE_ENROLLMENT_CREATED.event(enrollment);
		// Local listeners run, and the event goes to every topic application.yml routes it to.
		this.publisher.publishEvent(event);
		// end::publish[]
		this.enrollments.save(event);
		return PublishedEvent.of(event);
	}

}
