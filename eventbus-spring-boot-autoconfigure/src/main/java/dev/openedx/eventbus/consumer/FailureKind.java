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

/**
 * Why a received message could not be handled. Every kind is counted and logged with the message coordinates; only
 * {@link #HANDLER_ERROR} is ever retried, since decoding the same bytes again gives the same result.
 *
 * @since 0.1.0
 */
public enum FailureKind {

	/** The value is not a decodable event of its type (garbage, truncated, wrong framing, unknown schema id). */
	UNDECODABLE_VALUE("undecodable_value"),

	/** The event type is missing from the catalog of this service. */
	UNKNOWN_EVENT_TYPE("unknown_event_type"),

	/** A required metadata header or field ({@code ce_type}, {@code ce_id}, {@code type}) is missing. */
	MISSING_METADATA("missing_metadata"),

	/** A metadata header occurs more than once. */
	DUPLICATE_METADATA("duplicate_metadata"),

	/** A metadata value does not parse (non-UTC time, malformed id, non-integer sourcelib or minor version). */
	INVALID_METADATA("invalid_metadata"),

	/** A listener threw (an exception, or an {@code Error} that is not a {@code VirtualMachineError}). */
	HANDLER_ERROR("handler_error"),

	/** The value is larger than {@code eventbus.consumer.max-message-size}: dead-lettered by size, never decoded. */
	MESSAGE_TOO_LARGE("message_too_large"),

	/** Redis: the entry was delivered {@code eventbus.consumer.redis.max-deliveries} times without being handled. */
	DELIVERY_LIMIT("delivery_limit"),

	/**
	 * Something the message needs (the schema registry, say) stayed unavailable for longer than
	 * {@code eventbus.consumer.max-transient-wait}.
	 */
	DEPENDENCY_UNAVAILABLE("dependency_unavailable");

	private final String tag;

	FailureKind(String tag) {
		this.tag = tag;
	}

	/**
	 * Low-cardinality name for metric tags, logs and dead-letter headers.
	 * @return for example {@code undecodable_value}
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Whether a failure of this kind may succeed when tried again.
	 * @return {@code true} only for {@link #HANDLER_ERROR}
	 */
	public boolean retryable() {
		return this == HANDLER_ERROR;
	}

}
