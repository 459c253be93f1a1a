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

package dev.openedx.eventbus.worker;

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
