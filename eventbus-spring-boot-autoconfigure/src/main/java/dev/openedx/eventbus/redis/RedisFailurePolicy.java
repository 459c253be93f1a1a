package dev.openedx.eventbus.redis;

/**
 * What a Redis consumer does with an entry it could not handle (after retries, if any). Either way the failure is
 * logged with {@code stream@entry-id}, counted by kind, and the entry is acknowledged afterwards.
 *
 * @since 0.1.0
 */
public enum RedisFailurePolicy {

	/**
	 * Log and acknowledge, as edx-event-bus-redis does; the entry stays in the stream until trimmed and can be
	 * replayed with {@code last-read-message-id}.
	 */
	LOG_AND_SKIP,

	/**
	 * Copy the entry to the dead-letter stream {@code <stream>-dlq} (original fields, then the error fields) before
	 * acknowledging it; when that copy fails the worker stops without acknowledging, so the entry is delivered again.
	 */
	DEAD_LETTER

}
