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
 * Settings of a {@link RedisEventBusProducer}.
 * <pre class="code">
 * RedisProducerSettings settings = RedisProducerSettings.defaults().withStreamMaxLength(100_000);
 * </pre>
 *
 * @param streamMaxLength the approximate stream length kept by {@code XADD MAXLEN ~}
 * ({@code EVENT_BUS_REDIS_STREAM_MAX_LEN}), at least 1
 * @since 0.1.0
 */
public record RedisProducerSettings(long streamMaxLength) {

	/** Python's default {@code EVENT_BUS_REDIS_STREAM_MAX_LEN}. */
	public static final long DEFAULT_STREAM_MAX_LENGTH = 10_000;

	/**
	 * Check the settings.
	 * @throws IllegalArgumentException when the length is below 1
	 */
	public RedisProducerSettings {
		if (streamMaxLength < 1) {
			// redis-py refuses it too; every XADD would fail.
			throw new IllegalArgumentException("streamMaxLength must be at least 1, was " + streamMaxLength);
		}
	}

	/**
	 * {@value #DEFAULT_STREAM_MAX_LENGTH} entries.
	 * @return the settings, never {@code null}
	 */
	public static RedisProducerSettings defaults() {
		return new RedisProducerSettings(DEFAULT_STREAM_MAX_LENGTH);
	}

	/**
	 * A copy with another stream length.
	 * @param streamMaxLength the approximate stream length, at least 1
	 * @return the copy
	 */
	public RedisProducerSettings withStreamMaxLength(long streamMaxLength) {
		return new RedisProducerSettings(streamMaxLength);
	}

}
