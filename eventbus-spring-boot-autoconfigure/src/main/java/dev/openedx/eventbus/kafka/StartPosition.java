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

/**
 * Where a consumer group that has no committed offset yet starts reading a partition (Kafka's
 * {@code auto.offset.reset}).
 *
 * @since 0.1.0
 */
public enum StartPosition {

	/**
	 * From the oldest record still on the topic: a new group sees everything published before it first ran. The
	 * default, since it loses nothing.
	 */
	EARLIEST("earliest"),

	/**
	 * From the end: a new group sees only what is published after it joined. What the Python consumer does
	 * (librdkafka's default {@code largest}), which silently skips the topic's history on the first run.
	 */
	LATEST("latest");

	private final String configValue;

	StartPosition(String configValue) {
		this.configValue = configValue;
	}

	/**
	 * The value of the Kafka consumer setting {@code auto.offset.reset}.
	 * @return {@code earliest} or {@code latest}
	 */
	public String configValue() {
		return this.configValue;
	}

}
