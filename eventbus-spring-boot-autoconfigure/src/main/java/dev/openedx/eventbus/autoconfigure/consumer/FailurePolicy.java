package dev.openedx.eventbus.autoconfigure.consumer;

/**
 * What a worker does with a message that failed for good (after any retries).
 *
 * @since 0.1.0
 */
public enum FailurePolicy {

	/**
	 * Log the failure with the message coordinates and acknowledge the message: the behaviour of the Python
	 * consumers, whose logs are the only record.
	 */
	LOG_AND_SKIP,

	/**
	 * Copy the message, with headers or fields naming its original coordinates and the error, to a dead-letter topic
	 * ({@code <topic>-dlt}) or stream ({@code <stream>-dlq}), then acknowledge it.
	 */
	DEAD_LETTER

}
