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
 * Where a consumer group that has no position yet starts reading. A group that has a position always resumes from
 * it (unless a replay is asked for).
 *
 * @since 0.1.0
 */
public enum StartPosition {

	/**
	 * Start at the oldest retained message, so nothing produced before the group's first run is missed.
	 */
	EARLIEST,

	/**
	 * Start after the newest message (librdkafka's default, so a Python Kafka consumer's behaviour): messages produced
	 * before the group's first run are never delivered to it.
	 */
	LATEST

}
