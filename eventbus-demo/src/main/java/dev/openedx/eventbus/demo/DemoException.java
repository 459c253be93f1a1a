package dev.openedx.eventbus.demo;

/**
 * A step of the demo that did not work; its message says which and what to look at.
 *
 * @since 0.1.0
 */
final class DemoException extends RuntimeException {

	DemoException(String message) {
		super(message);
	}

	DemoException(String message, Throwable cause) {
		super(message, cause);
	}

}
