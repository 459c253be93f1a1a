package dev.openedx.eventbus.consumer;

import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Turns a transport message into an event: reads the metadata headers or fields, finds the event type, decodes the
 * data. Throws a {@link ConsumeFailureException} of the matching {@link FailureKind} when it cannot.
 *
 * @param <M> the transport's message type
 * @since 0.1.0
 */
@FunctionalInterface
public interface MessageDecoder<M extends InboundMessage> {

	/**
	 * Decode one message.
	 * @param message the message
	 * @return the event, marked as received from the bus
	 * @throws ConsumeFailureException when the message is unusable
	 */
	OpenEdxEvent<?> decode(M message) throws ConsumeFailureException;

}
