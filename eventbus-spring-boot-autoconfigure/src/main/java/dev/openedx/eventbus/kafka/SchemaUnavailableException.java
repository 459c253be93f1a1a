package dev.openedx.eventbus.kafka;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureKind;

/**
 * The writer schema of a message could not be fetched because the schema registry is unreachable, refuses access or
 * fails (not because the id is unknown). Nothing is wrong with the message, so {@link KafkaEventBusConsumer} does not
 * hand it to the failure policy: the worker stops without committing it, and it is delivered again once the registry
 * answers.
 *
 * @since 0.1.0
 */
public class SchemaUnavailableException extends ConsumeFailureException {

	private static final long serialVersionUID = 1L;

	public SchemaUnavailableException(String message, SchemaRegistryException cause) {
		super(FailureKind.UNDECODABLE_VALUE, message, cause);
	}

}
