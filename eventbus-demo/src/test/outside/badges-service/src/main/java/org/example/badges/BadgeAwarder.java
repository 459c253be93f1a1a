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

import java.util.UUID;

import dev.openedx.eventbus.catalog.learning.BadgeData;
import dev.openedx.eventbus.catalog.learning.BadgeTemplateData;
import dev.openedx.eventbus.catalog.learning.CoursePassingStatusData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.OpenEdxEventListener;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Awards a course badge to a learner who passes a course, once, and announces it.
 */
@Component
public class BadgeAwarder {

	private final AwardedBadges badges;

	private final ApplicationEventPublisher publisher;

	public BadgeAwarder(AwardedBadges badges, ApplicationEventPublisher publisher) {
		this.badges = badges;
		this.publisher = publisher;
	}

	// tag::listener[]
	@OpenEdxEventListener(LearningEvents.Types.COURSE_PASSING_STATUS_UPDATED)
	void onPassingStatus(CoursePassingStatusData status) {
		if (!status.isPassing()) {
			return;
		}
		String courseKey = status.course().courseKey().toString();
		if (courseKey.contains("Retired")) {
			throw new IllegalStateException("No badge template for retired course " + courseKey);
		}
		BadgeData badge = new BadgeData(UUID.randomUUID().toString(), status.user(),
				new BadgeTemplateData("course-" + courseKey, "openedx", "Passed " + courseKey, null, null));
		if (this.badges.record(status.user().pii().username(), courseKey, badge)) {
			// Routed to learning-badges-lifecycle by application.yml, keyed by badge.uuid.
			this.publisher.publishEvent(LearningEvents.BADGE_AWARDED.event(badge));
		}
	}
	// end::listener[]

}
