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

package dev.openedx.eventbus.redis;

/**
 * What a Redis consumer does with an entry it could not handle (after retries, if any). Either way the failure is
 * logged with {@code stream@entry-id}, counted by kind, and the entry is acknowledged afterwards.
 *
 * @since 0.1.0
 */
public enum RedisFailurePolicy {

	/**
	 * Log and acknowledge, as edx-event-bus-redis does; the entry stays in the stream until trimmed and can be
	 * replayed with {@code last-read-message-id}.
	 */
	LOG_AND_SKIP,

	/**
	 * Copy the entry to the dead-letter stream {@code <stream>-dlq} (original fields, then the error fields) before
	 * acknowledging it; when that copy fails the worker stops without acknowledging, so the entry is delivered again.
	 */
	DEAD_LETTER

}
