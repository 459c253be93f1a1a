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

import java.time.OffsetDateTime;

import dev.openedx.eventbus.catalog.learning.BadgeData;
import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CoursePassingStatusData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.test.AutoConfigureInMemoryEventBus;
import dev.openedx.eventbus.test.DeliveryOutcome;
import dev.openedx.eventbus.test.InboundEvents;
import dev.openedx.eventbus.test.PublishedEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// tag::in-memory[]
@SpringBootTest
@AutoConfigureInMemoryEventBus
class BadgeAwarderTests {

	@Autowired
	InboundEvents inbound;

	@Autowired
	PublishedEvents published;

	@Autowired
	AwardedBadges badges;
	// end::in-memory[]

	// tag::round-trip[]
	@Test
	void aLearnerWhoPassesACourseGetsABadgeAnnouncedOnTheBus() {
		OpenEdxEvent<CoursePassingStatusData> passed = passingStatus("ada", "course-v1:edX+DemoX+2026_T1", true);

		DeliveryOutcome outcome = this.inbound.deliver("learning-badges-lifecycle", passed).awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(this.published).ofType(LearningEvents.BADGE_AWARDED)
			.singleEvent()
			.hasTopic("learning-badges-lifecycle")
			.hasSource("openedx/badges/web")
			.hasDataSatisfying(BadgeData.class, (badge) -> {
				assertThat(badge.user().pii().username()).isEqualTo("ada");
				assertThat(badge.template().uuid()).isEqualTo("course-course-v1:edX+DemoX+2026_T1");
			});
	}
	// end::round-trip[]

	// tag::at-least-once[]
	@Test
	void aStatusDeliveredTwiceAwardsOneBadge() {
		OpenEdxEvent<CoursePassingStatusData> passed = passingStatus("grace", "course-v1:edX+DemoX+2026_T1", true);

		this.inbound.deliver("learning-badges-lifecycle", passed).awaitOutcome();
		this.inbound.deliver("learning-badges-lifecycle", passed).awaitOutcome();

		assertThat(this.published).ofType(LearningEvents.BADGE_AWARDED).hasSize(1);
	}
	// end::at-least-once[]

	@Test
	void aLearnerWhoDoesNotPassGetsNothing() {
		this.inbound.deliver("learning-badges-lifecycle", passingStatus("alan", "course-v1:edX+DemoX+2026_T1", false))
			.awaitOutcome();

		assertThat(this.published).isEmpty();
		assertThat(this.badges.find("alan", "course-v1:edX+DemoX+2026_T1")).isEmpty();
	}

	// tag::failure[]
	@Test
	void aListenerThatKeepsFailingIsRetriedThenDeadLettered() {
		DeliveryOutcome outcome = this.inbound
			.deliver("learning-badges-lifecycle", passingStatus("edsger", "course-v1:edX+Retired+2019", true))
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DEAD_LETTERED);
		assertThat(outcome.failureKind()).isEqualTo(FailureKind.HANDLER_ERROR);
		assertThat(outcome.attempts()).isEqualTo(3);
		assertThat(this.published).isEmpty();
	}
	// end::failure[]

	static OpenEdxEvent<CoursePassingStatusData> passingStatus(String username, String courseKey, boolean passing) {
		UserData user = new UserData(Math.abs(username.hashCode()), true,
				new UserPersonalData(username, username + "@example.com", username));
		CourseData course = new CourseData(CourseKey.of(courseKey), "Demo", OffsetDateTime.parse(
				"2026-01-05T00:00:00Z"), null);
		return LearningEvents.COURSE_PASSING_STATUS_UPDATED.event(new CoursePassingStatusData(passing, course, user));
	}

}
