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

import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

/**
 * No wire at all, for a test that opts out of the codec ({@code encode = false}): the event object itself travels,
 * received as the consumer's decoder would mark it.
 */
final class ObjectWireFormat implements WireFormat {

	static final String TRANSPORT = "memory";

	@Override
	public String transport() {
		return TRANSPORT;
	}

	@Override
	public Encoded encode(String topic, long offset, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		return new Encoded(new EventMessage(topic + "@" + offset, event), null);
	}

	@Override
	public OpenEdxEvent<?> decode(InboundMessage message) {
		OpenEdxEvent<?> event = ((EventMessage) message).event();
		return received(event);
	}

	private static <D> OpenEdxEvent<D> received(OpenEdxEvent<D> event) {
		return OpenEdxEvent.received(event.type(), event.data(), event.metadata());
	}

	@Override
	public String deadLetterTopic(String topic) {
		return topic + "-dlt";
	}

	record EventMessage(String coordinates, OpenEdxEvent<?> event) implements InboundMessage {

		@Override
		public @Nullable String key() {
			return null;
		}

		@Override
		public String eventId() {
			return this.event.metadata().id().toString();
		}

		@Override
		public String eventType() {
			return this.event.type().type();
		}

	}

}
