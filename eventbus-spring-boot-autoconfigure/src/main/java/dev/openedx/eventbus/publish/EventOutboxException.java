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

import dev.openedx.eventbus.event.EventBusException;

/**
 * An event could not be stored in the transactional outbox. It is thrown to the publishing code (unlike a failed
 * send), so that the transaction that published the event does not commit without it.
 *
 * @since 0.1.0
 */
public class EventOutboxException extends EventBusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what could not be stored and why
	 * @param cause the cause
	 */
	public EventOutboxException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create an exception.
	 * @param message what could not be stored and why
	 */
	public EventOutboxException(String message) {
		super(message);
	}

}
