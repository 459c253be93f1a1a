package dev.openedx.eventbus.consumer;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown by a {@link MessageDecoder} when a message cannot be handled right now for a reason outside the message, for
 * example the schema registry is unreachable and the message's writer schema is not cached yet. Nothing is wrong with
 * the message, so it must be neither skipped nor dead-lettered: the worker neither counts nor acknowledges it, waits
 * with the poll-failure backoff and decodes the same message again, until it succeeds or the worker is stopped (then
 * the message is delivered again later).
 *
 * @since 0.1.0
 */
public class MessageDeferredException extends EventBusException {

	private static final long serialVersionUID = 1L;

	public MessageDeferredException(String message, Throwable cause) {
		super(message, cause);
	}

}
