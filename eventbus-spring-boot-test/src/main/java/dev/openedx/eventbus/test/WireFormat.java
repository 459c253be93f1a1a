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
 * How the in-memory transport carries an event: the Kafka form (headers, Confluent-framed key and value), the Redis
 * form (stream fields) or, when a test opts out of the codec, the event object itself. Each form decodes with the
 * transport's real decoder, so an event fails in a test where it would fail on the wire.
 */
interface WireFormat {

	/**
	 * The transport this form is the wire of.
	 * @return {@code kafka}, {@code redis} or {@code memory}
	 */
	String transport();

	/**
	 * Put an event in this form, failing where the transport's producer would.
	 * @param topic the full topic or stream name
	 * @param offset the position on the topic
	 * @param eventKeyField the route's key field, or {@code null}
	 * @param event the event
	 * @return the message and its key
	 */
	Encoded encode(String topic, long offset, @Nullable String eventKeyField, OpenEdxEvent<?> event);

	/**
	 * Decode a message of this form with the transport's decoder.
	 * @param message the message
	 * @return the event
	 */
	OpenEdxEvent<?> decode(InboundMessage message);

	/**
	 * Where the dead-letter policy puts a failed message of a topic, as the transport names it.
	 * @param topic the full topic name
	 * @return the dead-letter topic or stream
	 */
	String deadLetterTopic(String topic);

	/**
	 * A message in its wire form and the printable message key, if the form has keys.
	 * @param message the message
	 * @param key the key as text, or {@code null}
	 */
	record Encoded(InboundMessage message, @Nullable String key) {
	}

}
