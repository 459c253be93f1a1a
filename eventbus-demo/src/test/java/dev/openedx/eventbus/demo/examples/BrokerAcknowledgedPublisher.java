/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.openedx.eventbus.demo.examples;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.openedx.eventbus.publish.EventBusPublisher;
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
