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
 * What a worker does with a message that failed for good (after any retries).
 *
 * @since 0.1.0
 */
public enum FailurePolicy {

	/**
	 * Log the failure with the message coordinates and acknowledge the message: the behaviour of the Python
	 * consumers, whose logs are the only record.
	 */
	LOG_AND_SKIP,

	/**
	 * Copy the message, with headers or fields naming its original coordinates and the error, to a dead-letter topic
	 * ({@code <topic>-dlt}) or stream ({@code <stream>-dlq}), then acknowledge it.
	 */
	DEAD_LETTER

}
