package dev.openedx.eventbus.autoconfigure.command;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown when a command line is wrong: an unknown option, a missing or malformed value, an {@code --extra} key the
 * transport does not accept. The command exits with status 2 and prints the message and its usage.
 *
 * @since 0.1.0
 */
public class CommandUsageException extends EventBusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the option
	 */
	public CommandUsageException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the option
	 * @param cause the underlying problem
	 */
	public CommandUsageException(String message, Throwable cause) {
		super(message, cause);
	}

}
