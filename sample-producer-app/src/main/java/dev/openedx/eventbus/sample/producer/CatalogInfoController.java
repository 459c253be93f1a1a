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

import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.contentauthoring.CourseScheduleData;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.key.CourseKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /courses/{courseKey}/catalog-info}: changes what the catalog shows of a course and publishes
 * {@code COURSE_CATALOG_INFO_CHANGED}, the event course-discovery consumes to keep its catalog in sync.
 */
@RestController
class CatalogInfoController {

	private final ApplicationEventPublisher publisher;

	CatalogInfoController(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@PostMapping("/courses/{courseKey}/catalog-info")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Transactional
	PublishedEvent changeCatalogInfo(@PathVariable String courseKey, @RequestBody CatalogInfoRequest request) {
		CourseCatalogData catalogInfo = new CourseCatalogData(CourseKey.of(courseKey), request.name(),
				new CourseScheduleData(request.start(), request.pacing(), request.end(), null, null),
				Boolean.TRUE.equals(request.hidden()), Boolean.TRUE.equals(request.invitationOnly()));
		OpenEdxEvent<CourseCatalogData> event = ContentAuthoringEvents.COURSE_CATALOG_INFO_CHANGED.event(catalogInfo);
		this.publisher.publishEvent(event);
		return PublishedEvent.of(event);
	}

}
