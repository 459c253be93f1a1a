package dev.openedx.eventbus.kafka;

import dev.openedx.eventbus.consumer.MessageDeferredException;

/**
 * The writer schema of a message could not be fetched because the schema registry is unreachable, refuses access or
 * fails (not because the id is unknown). Nothing is wrong with the message, so it is neither skipped nor dead-lettered:
 * the worker waits with backoff and decodes it again once the registry answers, without committing or counting it.
 *
 * @since 0.1.0
 */
public class SchemaUnavailableException extends MessageDeferredException {

	private static final long serialVersionUID = 1L;

	public SchemaUnavailableException(String message, SchemaRegistryException cause) {
		super(message, cause);
	}

}
