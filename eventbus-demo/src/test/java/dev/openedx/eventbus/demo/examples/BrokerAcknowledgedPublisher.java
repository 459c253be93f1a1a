package dev.openedx.eventbus.demo.examples;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.openedx.eventbus.autoconfigure.producer.EventBusPublisher;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.SendReceipt;

/**
 * Waiting until the broker has the event ({@code docs/producing.md}, failures).
 */
public class BrokerAcknowledgedPublisher {

	private final EventBusPublisher eventBusPublisher;

	public BrokerAcknowledgedPublisher(EventBusPublisher eventBusPublisher) {
		this.eventBusPublisher = eventBusPublisher;
	}

	public List<SendReceipt> enrolled(CourseEnrollmentData enrollment)
			throws InterruptedException, ExecutionException, TimeoutException {
		// tag::wait-for-broker[]
		// Sent on every enabled route of the event type; completes when the broker has it (Kafka: every in-sync
		// replica), or fails with an EventPublicationException naming the topics that failed.
		List<SendReceipt> receipts = this.eventBusPublisher
			.publish(LearningEvents.COURSE_ENROLLMENT_CREATED.event(enrollment))
			.get(10, TimeUnit.SECONDS);
		// end::wait-for-broker[]
		return receipts;
	}

}
