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

package dev.openedx.eventbus.test;

import java.util.Objects;

import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

/**
 * One event the application sent to the bus, in the order of sending: where it went, with which key, and the event
 * as a consumer decodes it from the wire (unless the test opted out of the codec, then the event as sent).
 *
 * @param <D> the event data type
 * @param sequence the position among all sends since the last {@link PublishedEvents#clear()}, from 0
 * @param topic the full topic or stream name sent to (the topic prefix applied)
 * @param eventKeyField the route's key field, or {@code null}
 * @param key the message key as text (Kafka: the value at the key field), or {@code null} on Redis
 * @param event the event, decoded from its wire form
 * @since 0.1.0
 */
public record PublishedEvent<D>(long sequence, String topic, @Nullable String eventKeyField, @Nullable String key,
		OpenEdxEvent<D> event) {

	public PublishedEvent {
		Objects.requireNonNull(topic, "topic must not be null");
		Objects.requireNonNull(event, "event must not be null");
	}

	/**
	 * The event type.
	 * @return the type
	 */
	public EventType<D> type() {
		return this.event.type();
	}

	/**
	 * The event data.
	 * @return the data
	 */
	public D data() {
		return this.event.data();
	}

	/**
	 * The event metadata (id, source, time, ...).
	 * @return the metadata
	 */
	public EventsMetadata metadata() {
		return this.event.metadata();
	}

	@Override
	public String toString() {
		return "#" + this.sequence + " " + this.event.type().type() + " id=" + this.event.metadata().id() + " to "
				+ this.topic + ((this.key != null) ? " key=" + this.key : "");
	}

}
