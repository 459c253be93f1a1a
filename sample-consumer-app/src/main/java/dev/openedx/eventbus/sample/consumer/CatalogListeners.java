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

import dev.openedx.eventbus.catalog.contentauthoring.ContentAuthoringEvents;
import dev.openedx.eventbus.catalog.contentauthoring.CourseCatalogData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEventListener;

import org.springframework.stereotype.Component;

/**
 * The event handlers of the catalog: each one updates the {@link CourseProjection}. Delivery is at least once, yet
 * a handler needs no duplicate check of its own: the inbox ({@code eventbus.consumer.inbox.enabled}) runs it in a
 * transaction that records the event id, and does not call it again for an event already applied. A handler that
 * throws rolls that transaction back and hands the event to the worker's failure policy (dead letter, see
 * {@code application.yml}).
 */
@Component
final class CatalogListeners {

	private final CourseProjection projection;

	private final ReceivedEvents received;

	CatalogListeners(CourseProjection projection, ReceivedEvents received) {
		this.projection = projection;
		this.received = received;
	}

	// tag::listen[]
	@OpenEdxEventListener(LearningEvents.Types.COURSE_ENROLLMENT_CREATED)
	void onEnrollmentCreated(CourseEnrollmentData enrollment, EventsMetadata metadata) {
		Instant receivedAt = Instant.now();
		this.projection.enrolled(enrollment);
		this.received.recordOnCommit(metadata, receivedAt);
	}
	// end::listen[]

	@OpenEdxEventListener(ContentAuthoringEvents.Types.COURSE_CATALOG_INFO_CHANGED)
	void onCatalogInfoChanged(CourseCatalogData catalogInfo, EventsMetadata metadata) {
		Instant receivedAt = Instant.now();
		this.projection.catalogInfoChanged(catalogInfo, metadata.time());
		this.received.recordOnCommit(metadata, receivedAt);
	}

}
