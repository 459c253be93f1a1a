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

import java.util.Objects;

import dev.openedx.eventbus.event.EventOrigin;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link KafkaEventBusProducer} beyond the Kafka client's own.
 *
 * @param topicPrefix prepended to every topic as {@code <prefix>-<topic>} (Python's {@code EVENT_BUS_TOPIC_PREFIX}),
 * or {@code null} or empty for none
 * @param origin stamps the metadata of events published without any (source, host, library version)
 * @since 0.1.0
 */
public record KafkaProducerSettings(@Nullable String topicPrefix, EventOrigin origin) {

	public KafkaProducerSettings {
		Objects.requireNonNull(origin, "origin must not be null");
	}

	/**
	 * No topic prefix, {@link EventOrigin#local()} metadata defaults.
	 * @return the settings
	 */
	public static KafkaProducerSettings defaults() {
		return new KafkaProducerSettings(null, EventOrigin.local());
	}

	public KafkaProducerSettings withTopicPrefix(@Nullable String topicPrefix) {
		return new KafkaProducerSettings(topicPrefix, this.origin);
	}

	public KafkaProducerSettings withOrigin(EventOrigin origin) {
		return new KafkaProducerSettings(this.topicPrefix, origin);
	}

}
