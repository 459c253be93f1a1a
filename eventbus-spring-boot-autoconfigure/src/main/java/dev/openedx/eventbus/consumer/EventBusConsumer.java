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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A long-lived worker that consumes one topic or stream for one group and dispatches every event. The Kafka and
 * Redis transports provide one; the Spring integration runs them as {@code SmartLifecycle} beans and the
 * {@code consume-events} command runs one in the foreground.
 *
 * @since 0.1.0
 */
public interface EventBusConsumer {

	/**
	 * The worker name.
	 * @return the name, never {@code null}
	 */
	String name();

	/**
	 * Start consuming on a thread of its own; returns at once.
	 */
	void start();

	/**
	 * Stop: finish the message in hand, acknowledge what was handled, release the connection. Waits for the worker
	 * thread to end, at most the given time.
	 * @param timeout how long to wait
	 */
	void stop(Duration timeout);

	/**
	 * A snapshot of state and counters.
	 * @return the status, never {@code null}
	 */
	ConsumerStatus status();

	/**
	 * Completes with the final state ({@link ConsumerState#STOPPED} or {@link ConsumerState#FAILED}) when the worker
	 * has ended.
	 * @return the future, never {@code null}
	 */
	CompletableFuture<ConsumerState> termination();

}
