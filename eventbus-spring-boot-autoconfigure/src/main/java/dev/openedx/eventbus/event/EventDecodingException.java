package dev.openedx.eventbus.event;

/**
 * Thrown when bytes (or JSON) cannot be decoded into event data: truncated or garbage input, a value that does not
 * fit its field (an opaque key that does not parse, a malformed date-time), a missing required field. The message
 * names the event type and, where known, the dotted path of the field.
 *
 * @since 0.1.0
 */
public class EventDecodingException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	public EventDecodingException(String eventType, String message) {
		super(eventType + ": " + message);
		this.eventType = eventType;
	}

	public EventDecodingException(String eventType, String message, Throwable cause) {
		super(eventType + ": " + message, cause);
		this.eventType = eventType;
	}

	public String eventType() {
		return this.eventType;
	}

}
