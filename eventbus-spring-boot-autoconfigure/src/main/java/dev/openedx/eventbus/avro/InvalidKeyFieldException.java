package dev.openedx.eventbus.avro;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown when an event key field (edx-event-bus-kafka's {@code event_key_field}) does not lead to a non-null
 * primitive value of the event type's data: a path that does not exist, ends on a record, array or map, or crosses
 * or ends on a nullable field (Python producers cannot use such paths either).
 *
 * @since 0.1.0
 */
public class InvalidKeyFieldException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String eventType;

	private final String path;

	private final String reason;

	public InvalidKeyFieldException(String eventType, String path, String reason) {
		super("Event key field '" + path + "' of event type " + eventType + " is not usable: " + reason);
		this.eventType = eventType;
		this.path = path;
		this.reason = reason;
	}

	/**
	 * The event type string.
	 * @return the event type, never {@code null}
	 */
	public String eventType() {
		return this.eventType;
	}

	/**
	 * The rejected dotted path.
	 * @return the path, never {@code null}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Why the path cannot be used.
	 * @return the reason, never {@code null}
	 */
	public String reason() {
		return this.reason;
	}

}
