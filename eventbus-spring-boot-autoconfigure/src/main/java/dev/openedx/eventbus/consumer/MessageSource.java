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
import java.util.List;

/**
 * The transport side of a worker: reads messages and acknowledges them. All methods but {@link #wakeup()} are called
 * from the worker thread only.
 *
 * @param <M> the transport's message type
 * @since 0.1.0
 */
public interface MessageSource<M extends InboundMessage> {

	/**
	 * Called once on the worker thread before the first poll: subscribe, create groups, seek for replay.
	 * @throws Exception when the source cannot start; the worker then ends in the failed state
	 */
	default void open() throws Exception {
	}

	/**
	 * Read the next messages, waiting at most about the given time when none is available.
	 * @param timeout how long to wait for messages
	 * @return the messages in order, possibly empty, never {@code null}
	 * @throws Exception on a transport failure; the engine logs it, backs off and polls again (connection errors are
	 * not fatal and do not count toward the consecutive-errors limit)
	 */
	List<M> poll(Duration timeout) throws Exception;

	/**
	 * Mark one message as handled: the listeners returned or its failure was recorded. Messages are acknowledged in
	 * the order they were polled.
	 * @param message the message
	 * @throws Exception on a transport failure
	 */
	void acknowledge(M message) throws Exception;

	/**
	 * Make the acknowledgements so far durable (commit offsets, send XACKs); called after each batch.
	 * @throws Exception on a transport failure
	 */
	default void flush() throws Exception {
	}

	/**
	 * Keep this consumer's membership alive while the worker waits on one message (a listener retry's backoff, a
	 * deferred decode, a dead-letter write), without delivering anything new: Kafka polls with its partitions paused
	 * so the member is not evicted for exceeding {@code max.poll.interval.ms}. The worker calls it at least every 100
	 * ms during any wait, on the worker thread.
	 * @throws Exception on a transport failure, classified like a failed poll
	 * @since 0.2.0
	 */
	default void keepAlive() throws Exception {
	}

	/**
	 * Interrupt a blocking {@link #poll} from another thread so the worker can stop promptly.
	 */
	default void wakeup() {
	}

	/**
	 * Flush and release everything; called once on the worker thread when the loop ends.
	 */
	void close();

}
