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

import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * What the service answers once it published an event: the event's identity, as the consumers will see it.
 *
 * @param id the event id ({@code ce_id} / {@code id} on the wire)
 * @param type the event type
 * @param source the source, {@code openedx/lms/web}
 * @param time when the event happened, as Python's {@code isoformat()} writes it
 * @since 0.1.0
 */
record PublishedEvent(String id, String type, String source, String time) {

	static PublishedEvent of(OpenEdxEvent<?> event) {
		EventsMetadata metadata = event.metadata();
		return new PublishedEvent(metadata.id().toString(), metadata.eventType(), metadata.source(),
				metadata.timeText());
	}

}
