package dev.openedx.eventbus.kafka;

/**
 * Where a consumer group that has no committed offset yet starts reading a partition (Kafka's
 * {@code auto.offset.reset}).
 *
 * @since 0.1.0
 */
public enum StartPosition {

	/**
	 * From the oldest record still on the topic: a new group sees everything published before it first ran. The
	 * default, since it loses nothing.
	 */
	EARLIEST("earliest"),

	/**
	 * From the end: a new group sees only what is published after it joined. What the Python consumer does
	 * (librdkafka's default {@code largest}), which silently skips the topic's history on the first run.
	 */
	LATEST("latest");

	private final String configValue;

	StartPosition(String configValue) {
		this.configValue = configValue;
	}

	/**
	 * The value of the Kafka consumer setting {@code auto.offset.reset}.
	 * @return {@code earliest} or {@code latest}
	 */
	public String configValue() {
		return this.configValue;
	}

}
