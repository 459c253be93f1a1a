package dev.openedx.eventbus.event;

/**
 * Thrown when an event type that cannot travel on the bus (openedx-events' {@code KNOWN_UNSERIALIZABLE_SIGNALS},
 * or a data type with no Avro mapping) is asked for a schema, encoded or routed to a topic.
 *
 * @since 0.1.0
 */
public class UnserializableEventException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	public UnserializableEventException(String eventType, String reason) {
		super("Event type '" + eventType + "' cannot be sent on the event bus: " + reason);
		this.eventType = eventType;
	}

	public String eventType() {
		return this.eventType;
	}

}
