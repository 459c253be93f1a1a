package dev.openedx.eventbus.autoconfigure.listener;

import java.util.List;
import java.util.stream.Collectors;

import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Thrown by the dispatcher when more than one listener failed on an event received from the bus: every
 * {@code @OpenEdxEventListener} method ran, then the failures are raised together (Python's {@code ReceiverError}).
 * The first failure is the cause, the others are suppressed.
 *
 * @since 0.1.0
 */
public class EventListenersFailedException extends EventBusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param event the event the listeners failed on
	 * @param failures the failures, at least two
	 */
	public EventListenersFailedException(OpenEdxEvent<?> event, List<ListenerFailures.Failure> failures) {
		super(failures.size() + " listeners failed on " + event.type().type() + " id=" + event.metadata().id() + ": "
				+ failures.stream()
					.map((failure) -> failure.listener() + "=" + failure.error())
					.collect(Collectors.joining("; ")),
				failures.get(0).error());
		failures.stream().skip(1).forEach((failure) -> addSuppressed(failure.error()));
	}

}
