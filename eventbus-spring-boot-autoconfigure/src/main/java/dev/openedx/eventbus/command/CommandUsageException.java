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

package dev.openedx.eventbus.command;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown when a command line is wrong: an unknown option, a missing or malformed value, an {@code --extra} key the
 * transport does not accept. The command exits with status 2 and prints the message and its usage.
 *
 * @since 0.1.0
 */
class CommandUsageException extends EventBusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the option
	 */
	CommandUsageException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the option
	 * @param cause the underlying problem
	 */
	CommandUsageException(String message, Throwable cause) {
		super(message, cause);
	}

}
