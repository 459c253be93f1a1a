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

import dev.openedx.eventbus.worker.EventBusConsumerFailedEvent;
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
