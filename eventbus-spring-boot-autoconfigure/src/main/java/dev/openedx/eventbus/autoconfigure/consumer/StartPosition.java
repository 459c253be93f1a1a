package dev.openedx.eventbus.autoconfigure.consumer;

/**
 * Where a consumer group that has no position yet starts reading. A group that has a position always resumes from
 * it (unless a replay is asked for).
 *
 * @since 0.1.0
 */
public enum StartPosition {

	/**
	 * Start at the oldest retained message, so nothing produced before the group's first run is missed.
	 */
	EARLIEST,

	/**
	 * Start after the newest message (librdkafka's default, so a Python Kafka consumer's behaviour): messages produced
	 * before the group's first run are never delivered to it.
	 */
	LATEST

}
