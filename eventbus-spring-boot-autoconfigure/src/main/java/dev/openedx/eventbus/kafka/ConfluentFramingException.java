package dev.openedx.eventbus.kafka;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown when bytes that should be Confluent-framed Avro are not: missing, too short, or not starting with the magic
 * byte {@code 0x00}.
 *
 * @since 0.1.0
 */
public class ConfluentFramingException extends EventBusException {

	private static final long serialVersionUID = 1L;

	public ConfluentFramingException(String message) {
		super(message);
	}

}
