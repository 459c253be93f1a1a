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

package dev.openedx.eventbus.kafka;

import java.util.List;

import dev.openedx.eventbus.event.EventBusException;

/**
 * The schema this service would register under a subject is incompatible with the latest one the registry holds
 * there, at the subject's compatibility level: the registry would refuse every send. Raised at startup by the wire
 * self-check, with the differences in readable form.
 *
 * @since 0.1.0
 */
public class IncompatibleSchemaException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String subject;

	private final List<String> differences;

	/**
	 * Create the exception.
	 * @param subject the subject
	 * @param message the whole explanation
	 * @param differences one line per incompatibility
	 */
	public IncompatibleSchemaException(String subject, String message, List<String> differences) {
		super(message);
		this.subject = subject;
		this.differences = List.copyOf(differences);
	}

	/**
	 * The subject whose latest schema ours does not match.
	 * @return the subject
	 */
	public String subject() {
		return this.subject;
	}

	/**
	 * The incompatibilities, one readable line each.
	 * @return the differences
	 */
	public List<String> differences() {
		return this.differences;
	}

}
