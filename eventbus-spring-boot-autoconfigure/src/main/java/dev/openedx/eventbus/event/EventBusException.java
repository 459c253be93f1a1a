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

package dev.openedx.eventbus.event;

/**
 * Root of every exception this library throws on purpose. Messages always name what went wrong and where (event
 * type, field, property, topic or stream coordinates).
 *
 * @since 0.1.0
 */
public class EventBusException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the message, saying what failed and where
	 */
	public EventBusException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message the message, saying what failed and where
	 * @param cause the underlying failure
	 */
	public EventBusException(String message, Throwable cause) {
		super(message, cause);
	}

}
