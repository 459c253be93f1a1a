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

package dev.openedx.eventbus.consumer;

import java.util.List;
import java.util.Optional;

/**
 * The consumer workers an application runs, by name, for health checks, metrics and the actuator endpoint; what
 * spring-kafka's {@code ListenerContainerRegistry} is to its containers. Workers end for good once stopped, so
 * starting one again builds a fresh worker from the same definition.
 * <pre class="code">
 * registry.stopConsumer("enrollments");    // finishes the message in hand, acknowledges, ends
 * registry.startConsumer("enrollments");   // a new worker, same topic and group: resumes where the group stopped
 * </pre>
 *
 * @since 0.1.0
 */
public interface EventBusConsumerRegistry {

	/**
	 * The current workers, in configuration order.
	 * @return the workers, never {@code null}
	 */
	List<EventBusConsumer> getConsumers();

	/**
	 * Find a worker by name.
	 * @param name the worker name
	 * @return the worker, or empty
	 */
	default Optional<EventBusConsumer> getConsumer(String name) {
		return getConsumers().stream().filter((consumer) -> consumer.name().equals(name)).findFirst();
	}

	/**
	 * Stop one worker and wait for it (at most its shutdown timeout); a worker that is not running is left as it is.
	 * @param name the worker name
	 * @return the worker, stopped
	 * @throws IllegalArgumentException when there is no such worker
	 */
	EventBusConsumer stopConsumer(String name);

	/**
	 * Start one worker: a worker that is running is left as it is; one that stopped or failed is replaced by a new
	 * one built from the same definition, which resumes from the group's position.
	 * @param name the worker name
	 * @return the running worker
	 * @throws IllegalArgumentException when there is no such worker
	 * @throws IllegalStateException when the workers as a whole are not running (consumers switched off, or a
	 * command runs instead)
	 */
	EventBusConsumer startConsumer(String name);

}
