package dev.openedx.eventbus.autoconfigure.producer;

/**
 * When a published event is sent to the bus.
 *
 * @since 0.1.0
 */
public enum SendMode {

	/**
	 * At once, while the event is published (Python's behaviour). An event published inside a transaction that later
	 * rolls back has been sent anyway.
	 */
	IMMEDIATE,

	/**
	 * After the surrounding transaction commits, and not at all when it rolls back; at once when no transaction is
	 * active. An event is lost if the process dies between the commit and the send.
	 */
	AFTER_COMMIT

}
