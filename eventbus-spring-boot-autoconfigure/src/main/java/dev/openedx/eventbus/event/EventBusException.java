package dev.openedx.eventbus.event;

/**
 * Root of every exception this library throws on purpose. Messages always name what went wrong and where (event
 * type, field, property, topic or stream coordinates).
 *
 * @since 0.1.0
 */
public class EventBusException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public EventBusException(String message) {
		super(message);
	}

	public EventBusException(String message, Throwable cause) {
		super(message, cause);
	}

}
