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

package dev.openedx.eventbus.bench.redis;

import java.time.OffsetDateTime;

import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.key.CourseKey;

/**
 * The event the Redis benchmarks send: a course enrollment as in the shared vector, a typical mid-sized event.
 */
final class SampleEvents {

	static final EventType<CourseEnrollmentData> ENROLLMENT = LearningEvents.COURSE_ENROLLMENT_CREATED;

	private static final CourseEnrollmentData DATA = new CourseEnrollmentData(
			new UserData(1000, true, new UserPersonalData("learner00000", "learner00000@example.com", "Ada Lovelace")),
			new CourseData(CourseKey.of("course-v1:edX+DemoX0+2026_T1"), "Demonstration Course 0",
					OffsetDateTime.parse("2026-01-05T00:00:00+00:00"), OffsetDateTime.parse("2026-06-30T23:59:59+00:00")),
			"audit", true, OffsetDateTime.parse("2026-03-14T15:09:26.535897+00:00"),
			new UserData(91000, true, new UserPersonalData("learner90000", "learner90000@example.com", "Léa Müller")));

	private SampleEvents() {
	}

	static final EventOrigin ORIGIN = EventOrigin.forService("bench");

	/**
	 * A new event each time, stamped with fresh metadata (id, time) as the publisher does in a service before it
	 * hands the event to the producer.
	 */
	static OpenEdxEvent<CourseEnrollmentData> enrollmentEvent() {
		OpenEdxEvent<CourseEnrollmentData> event = ENROLLMENT.event(DATA);
		event.metadata(ORIGIN);
		return event;
	}

}
