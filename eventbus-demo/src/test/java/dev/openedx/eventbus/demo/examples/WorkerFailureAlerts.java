package dev.openedx.eventbus.demo.examples;

import dev.openedx.eventbus.autoconfigure.consumer.EventBusConsumerFailedEvent;
import dev.openedx.eventbus.consumer.ConsumerStatus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reacting to a worker that stopped in the failed state ({@code docs/failure-handling.md}).
 */
@Component
public class WorkerFailureAlerts {

	// tag::failed-worker[]
	@EventListener
	void onWorkerFailed(EventBusConsumerFailedEvent failure) {
		ConsumerStatus status = failure.getStatus();
		// For example: page someone. The worker consumes nothing more until the application restarts it.
		System.err.printf("Worker %s (%s, group %s) failed after %d consecutive errors: %s%n", status.name(),
				status.destination(), status.group(), status.consecutiveErrors(), status.lastError());
	}
	// end::failed-worker[]

}
