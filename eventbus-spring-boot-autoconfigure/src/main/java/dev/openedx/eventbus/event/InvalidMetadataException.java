package dev.openedx.eventbus.event;

/**
 * Thrown when {@link EventsMetadata} would carry a value that a Python Open edX consumer rejects (for example a
 * non-UTC time or a {@code sourcelib} that is not dot-separated integers), or when metadata read from the wire
 * cannot be parsed.
 *
 * @since 0.1.0
 */
public class InvalidMetadataException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public InvalidMetadataException(String field, String message) {
		super("Invalid event metadata field '" + field + "': " + message);
		this.field = field;
	}

	public InvalidMetadataException(String field, String message, Throwable cause) {
		super("Invalid event metadata field '" + field + "': " + message, cause);
		this.field = field;
	}

	/**
	 * Name of the offending metadata field as Python spells it ({@code time}, {@code sourcelib}, ...).
	 * @return the field name, never {@code null}
	 */
	public String field() {
		return this.field;
	}

}
