package dev.openedx.eventbus.autoconfigure.consumer;

import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a configured worker stopped on its own, in the failed state: it reached its consecutive-errors
 * limit, could not record a failure, or its source could not start. The worker consumes nothing more until the
 * application restarts; {@code eventbus.consumer.exit-on-failure} turns this into a process exit.
 * <pre class="code">
 * &#64;EventListener
 * void on(EventBusConsumerFailedEvent event) {
 *     alerts.raise(event.getStatus().name() + ": " + event.getStatus().lastError());
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public class EventBusConsumerFailedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final transient ConsumerStatus status;

	/**
	 * Create an event.
	 * @param worker the worker that failed, must not be {@code null}
	 * @param status its status when it failed, must not be {@code null}
	 */
	public EventBusConsumerFailedEvent(EventBusConsumer worker, ConsumerStatus status) {
		super(worker);
		this.status = status;
	}

	/**
	 * The worker that failed.
	 * @return the worker, never {@code null}
	 */
	public EventBusConsumer getWorker() {
		return (EventBusConsumer) getSource();
	}

	/**
	 * The worker's status when it failed, with the last error.
	 * @return the status, never {@code null}
	 */
	public ConsumerStatus getStatus() {
		return this.status;
	}

}
