package dev.openedx.eventbus.event;

/**
 * Thrown when an event type string is not in the {@link EventCatalog} in use.
 *
 * @since 0.1.0
 */
public class UnknownEventTypeException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	public UnknownEventTypeException(String eventType) {
		super("Unknown event type '" + eventType
				+ "': it is neither in the Open edX catalog nor declared by the application as an EventType bean");
		this.eventType = eventType;
	}

	public String eventType() {
		return this.eventType;
	}

}
