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

package dev.openedx.eventbus.listener;

import java.lang.reflect.Method;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown at startup when an {@code @OpenEdxEventListener} method cannot be used: wrong parameters, an unknown event
 * type, event types whose data its parameter cannot take, or no way to tell which events it wants. The message names
 * the method.
 *
 * @since 0.1.0
 */
public class InvalidOpenEdxEventListenerException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String method;

	private final String reason;

	/**
	 * Create an exception.
	 * @param method the listener method
	 * @param reason what is wrong, one sentence
	 */
	public InvalidOpenEdxEventListenerException(Method method, String reason) {
		super("@OpenEdxEventListener method " + describe(method) + " is invalid: " + reason);
		this.method = describe(method);
		this.reason = reason;
	}

	/**
	 * The method, as {@code com.example.Listeners.onEnrollment(CourseEnrollmentData, EventsMetadata)}.
	 * @return the method description, never {@code null}
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * What is wrong with it.
	 * @return the reason, never {@code null}
	 */
	public String getReason() {
		return this.reason;
	}

	static String describe(Method method) {
		StringBuilder sb = new StringBuilder(method.getDeclaringClass().getName()).append('.')
			.append(method.getName())
			.append('(');
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			sb.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return sb.append(')').toString();
	}

}
