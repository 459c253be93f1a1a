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

package dev.openedx.eventbus.consumer;

import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Turns a transport message into an event: reads the metadata headers or fields, finds the event type, decodes the
 * data. Throws a {@link ConsumeFailureException} of the matching {@link FailureKind} when the message is unusable, or
 * a {@link MessageDeferredException} when the message is fine but cannot be decoded right now.
 *
 * @param <M> the transport's message type
 * @since 0.1.0
 */
@FunctionalInterface
public interface MessageDecoder<M extends InboundMessage> {

	/**
	 * Decode one message.
	 * @param message the message
	 * @return the event, marked as received from the bus
	 * @throws ConsumeFailureException when the message is unusable
	 * @throws MessageDeferredException when something the message needs is unavailable for now
	 */
	OpenEdxEvent<?> decode(M message) throws ConsumeFailureException;

}
