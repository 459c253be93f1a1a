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
