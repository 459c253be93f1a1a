package dev.openedx.eventbus.event.key;

import dev.openedx.eventbus.event.EventBusException;

/**
 * Thrown when text is not a valid opaque key of the requested class.
 *
 * @since 0.1.0
 */
public class InvalidOpaqueKeyException extends EventBusException {

	private static final long serialVersionUID = 1L;

	private final String keyType;

	private final String value;

	public InvalidOpaqueKeyException(String keyType, String value, String expected) {
		super("'" + value + "' is not a valid " + keyType + "; expected " + expected);
		this.keyType = keyType;
		this.value = value;
	}

	/**
	 * The key class name, for example {@code CourseKey}.
	 * @return the key type
	 */
	public String keyType() {
		return this.keyType;
	}

	/**
	 * The rejected text.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
