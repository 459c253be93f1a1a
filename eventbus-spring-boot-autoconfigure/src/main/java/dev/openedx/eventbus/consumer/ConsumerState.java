package dev.openedx.eventbus.consumer;

/**
 * Life cycle of a consumer worker.
 *
 * @since 0.1.0
 */
public enum ConsumerState {

	/** Created, not started. */
	NEW,

	/** Polling and handling messages. */
	RUNNING,

	/** Stop requested; finishing the current message and acknowledging what was handled. */
	STOPPING,

	/** Stopped on request. */
	STOPPED,

	/**
	 * Stopped on its own: the consecutive-errors limit was reached, a failure could not be recorded, or the source
	 * could not start. A command-line worker exits non-zero in this state.
	 */
	FAILED

}
