package dev.openedx.eventbus.event;

/**
 * Consumer SPI: receives every event a worker decoded. In a Spring application it re-fires the event as an
 * application event to the {@code @OpenEdxEventListener} methods. A worker acknowledges the message only after this
 * returns, or after its failure policy recorded the exception this threw.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EventDispatcher {

	/**
	 * Handle one received event.
	 * @param event the event, with {@link OpenEdxEvent#fromEventBus()} set
	 * @throws Exception any failure of a listener; it goes to the worker's failure policy and error count
	 */
	void dispatch(OpenEdxEvent<?> event) throws Exception;

}
