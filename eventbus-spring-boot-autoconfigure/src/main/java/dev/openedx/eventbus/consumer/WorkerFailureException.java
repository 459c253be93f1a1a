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

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown on the consume path (by a {@link MessageSource}, a {@link MessageDecoder} or a {@link FailureRecoverer}) when
 * the worker cannot go on, whatever the message: authentication failed, a permission is missing. The worker ends in
 * the failed state with this message as its reason; nothing is acknowledged or dead-lettered, so a credentials
 * problem never turns every message into a dead letter. The message should name the setting to fix.
 *
 * @since 0.2.0
 * @see FailureClass#FATAL
 */
public class WorkerFailureException extends EventBusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what failed and which setting to check
	 * @param cause the transport's exception, if any
	 */
	public WorkerFailureException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
