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

package dev.openedx.eventbus.publish;

import java.util.Objects;

import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;

import org.springframework.core.Ordered;

/**
 * Stamps every published {@link OpenEdxEvent} that has no metadata yet with this service's {@link EventOrigin},
 * before any other listener sees it, so every listener and every topic sees the same id and time. It is the one
 * component that stamps the origin ({@code source}, {@code sourcehost}, {@code sourcelib}): the
 * {@link EventBusPublisher} stamps through it the events it is handed directly, and the transports take the metadata
 * as given.
 *
 * @since 0.1.0
 */
public final class EventMetadataStamper extends OpenEdxEventApplicationListener {

	/** Runs before every other listener. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	private final EventOrigin origin;

	/**
	 * Create a stamper.
	 * @param origin this service's origin, must not be {@code null}
	 */
	public EventMetadataStamper(EventOrigin origin) {
		this.origin = Objects.requireNonNull(origin, "origin must not be null");
	}

	@Override
	void onOpenEdxEvent(OpenEdxEvent<?> event) {
		stamp(event);
	}

	/**
	 * Stamp an event with this service's origin unless it has metadata already.
	 * @param event the event, must not be {@code null}
	 * @return the event's metadata, never {@code null}
	 */
	public EventsMetadata stamp(OpenEdxEvent<?> event) {
		return event.metadata(this.origin);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
