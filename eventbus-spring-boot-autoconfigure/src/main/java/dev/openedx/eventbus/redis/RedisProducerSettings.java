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

import java.util.Objects;

import dev.openedx.eventbus.event.EventOrigin;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link RedisEventBusProducer}.
 * <pre class="code">
 * RedisProducerSettings settings = RedisProducerSettings.defaults()
 *         .withTopicPrefix("stage")                 // stream "stage-&lt;topic&gt;"
 *         .withOrigin(EventOrigin.forService("discovery"));
 * </pre>
 *
 * @param topicPrefix the topic prefix ({@code EVENT_BUS_TOPIC_PREFIX}); {@code null} or empty for none
 * @param streamMaxLength the approximate stream length kept by {@code XADD MAXLEN ~}
 * ({@code EVENT_BUS_REDIS_STREAM_MAX_LEN}), at least 1
 * @param origin stamps events that have no metadata yet
 * @since 0.1.0
 */
public record RedisProducerSettings(@Nullable String topicPrefix, long streamMaxLength, EventOrigin origin) {

	/** Python's default {@code EVENT_BUS_REDIS_STREAM_MAX_LEN}. */
	public static final long DEFAULT_STREAM_MAX_LENGTH = 10_000;

	public RedisProducerSettings {
		Objects.requireNonNull(origin, "origin must not be null");
		if (streamMaxLength < 1) {
			// redis-py refuses it too; every XADD would fail.
			throw new IllegalArgumentException("streamMaxLength must be at least 1, was " + streamMaxLength);
		}
	}

	/**
	 * No prefix, {@value #DEFAULT_STREAM_MAX_LENGTH} entries, {@link EventOrigin#local()}.
	 * @return the settings, never {@code null}
	 */
	public static RedisProducerSettings defaults() {
		return new RedisProducerSettings(null, DEFAULT_STREAM_MAX_LENGTH, EventOrigin.local());
	}

	public RedisProducerSettings withTopicPrefix(@Nullable String topicPrefix) {
		return new RedisProducerSettings(topicPrefix, this.streamMaxLength, this.origin);
	}

	public RedisProducerSettings withStreamMaxLength(long streamMaxLength) {
		return new RedisProducerSettings(this.topicPrefix, streamMaxLength, this.origin);
	}

	public RedisProducerSettings withOrigin(EventOrigin origin) {
		return new RedisProducerSettings(this.topicPrefix, this.streamMaxLength, origin);
	}

}
