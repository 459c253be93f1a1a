package dev.openedx.eventbus.event;

/**
 * Thrown when event data cannot be encoded for the bus, for example a required field is {@code null}. The message
 * names the event type and the dotted path of the field.
 *
 * @since 0.1.0
 */
public class EventEncodingException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	public EventEncodingException(String eventType, String message) {
		super(eventType + ": " + message);
		this.eventType = eventType;
	}

	public EventEncodingException(String eventType, String message, Throwable cause) {
		super(eventType + ": " + message, cause);
		this.eventType = eventType;
	}

	public String eventType() {
		return this.eventType;
	}

}
