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

import dev.openedx.eventbus.consumer.MessageDeferredException;

/**
 * The writer schema of a message could not be fetched because the schema registry is unreachable, refuses access or
 * fails (not because the id is unknown). Nothing is wrong with the message, so it is neither skipped nor dead-lettered:
 * the worker waits with backoff and decodes it again once the registry answers, without committing or counting it.
 *
 * @since 0.1.0
 */
public class SchemaUnavailableException extends MessageDeferredException {

	private static final long serialVersionUID = 1L;

	public SchemaUnavailableException(String message, SchemaRegistryException cause) {
		super(message, cause);
	}

}
