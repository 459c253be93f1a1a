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

import org.jspecify.annotations.Nullable;

/**
 * A message as the shared engine sees it: where it came from and the few raw values worth logging. Transports wrap
 * their own record type (a Kafka {@code ConsumerRecord}, a Redis stream entry) in an implementation.
 *
 * @since 0.1.0
 */
public interface InboundMessage {

	/**
	 * Where the message is: {@code topic-partition@offset} on Kafka, {@code stream@entry-id} on Redis.
	 * @return the coordinates, never {@code null}
	 */
	String coordinates();

	/**
	 * The message key as printable text, for logs; never the payload.
	 * @return the key, or {@code null} when the message has none
	 */
	@Nullable String key();

	/**
	 * The raw event id ({@code ce_id} / {@code id}) if present, for logs.
	 * @return the id text, or {@code null}
	 */
	@Nullable String eventId();

	/**
	 * The raw event type ({@code ce_type} / {@code type}) if present, for logs and metric tags.
	 * @return the type text, or {@code null}
	 */
	@Nullable String eventType();

	/**
	 * A transport header (Kafka) or stream field (Redis) as text, for the trace context a producer may have added
	 * ({@code traceparent}); never used for event metadata.
	 * @param name the header or field name
	 * @return the last value with that name as UTF-8 text, or {@code null} when there is none
	 */
	default @Nullable String header(String name) {
		return null;
	}

}
