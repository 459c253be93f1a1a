package dev.openedx.eventbus.autoconfigure.consumer;

/**
 * The process exit codes of the event bus commands and of {@code eventbus.consumer.exit-on-failure}. Unlike the
 * Python management commands, which exit 0 whatever happened, a failure gives a non-zero code so that supervisors
 * that restart only failed processes do restart them.
 *
 * @since 0.1.0
 */
public final class EventBusExitCodes {

	/** The command did what was asked: {@code --max-events} reached, every event sent, or stopped on request. */
	public static final int SUCCESS = 0;

	/**
	 * A consumer stopped in the failed state (consecutive-errors limit, a failure that could not be recorded, a source
	 * that could not start), or a send failed.
	 */
	public static final int FAILURE = 1;

	/** The command line was wrong: unknown option, missing argument, bad {@code --extra} key or value. */
	public static final int USAGE = 2;

	private EventBusExitCodes() {
	}

}
