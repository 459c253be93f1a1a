package dev.openedx.eventbus.consumer;

import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Turns a transport message into an event: reads the metadata headers or fields, finds the event type, decodes the
 * data. Throws a {@link ConsumeFailureException} of the matching {@link FailureKind} when the message is unusable, or
 * a {@link MessageDeferredException} when the message is fine but cannot be decoded right now.
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
	 * @throws MessageDeferredException when something the message needs is unavailable for now
	 */
	OpenEdxEvent<?> decode(M message) throws ConsumeFailureException;

}
