package dev.openedx.eventbus.event;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Transport SPI: sends one event to one topic (Kafka) or stream (Redis). Implementations apply the topic prefix,
 * encode, frame and send; they never swallow a failure: it completes the returned future exceptionally (and is
 * logged with the topic and event id).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EventBusProducer {

	/**
	 * Send an event.
	 * @param topic the topic or stream name without prefix
	 * @param eventKeyField the dotted path of the key inside the data (for example
	 * {@code enrollment.course.course_key}); required by Kafka, unused by Redis
	 * @param event the event, whose metadata is stamped if it was not yet
	 * @return a future completed when the broker acknowledged the event, never {@code null}
	 */
	CompletableFuture<SendReceipt> send(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event);

}
