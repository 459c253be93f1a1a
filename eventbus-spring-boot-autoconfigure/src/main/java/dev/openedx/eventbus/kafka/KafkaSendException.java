package dev.openedx.eventbus.kafka;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Completes the future of a Kafka send that failed, whatever the step: key extraction, encoding, schema registry or
 * broker. The message names the topic, the event type and the event id; the cause is the original failure.
 *
 * @since 0.1.0
 */
public class KafkaSendException extends EventBusException {

	private static final long serialVersionUID = 1L;

	public KafkaSendException(String message, Throwable cause) {
		super(message, cause);
	}

}
