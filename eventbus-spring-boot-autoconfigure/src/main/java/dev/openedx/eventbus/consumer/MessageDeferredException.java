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

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown by a {@link MessageDecoder} when a message cannot be handled right now for a reason outside the message, for
 * example the schema registry is unreachable and the message's writer schema is not cached yet. Nothing is wrong with
 * the message, so it must be neither skipped nor dead-lettered: the worker neither counts nor acknowledges it, waits
 * with the poll-failure backoff and decodes the same message again, until it succeeds or the worker is stopped (then
 * the message is delivered again later).
 *
 * @since 0.1.0
 */
public class MessageDeferredException extends EventBusException {

	private static final long serialVersionUID = 1L;

	public MessageDeferredException(String message, Throwable cause) {
		super(message, cause);
	}

}
