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

/**
 * Disposes of a message that could not be handled, after retries if any: log and skip (Python's behaviour), or
 * publish to a dead-letter topic or stream. When this throws, the worker stops without acknowledging the message, so
 * it is delivered again after a restart and nothing is lost.
 *
 * @param <M> the transport's message type
 * @since 0.1.0
 */
@FunctionalInterface
public interface FailureRecoverer<M extends InboundMessage> {

	/**
	 * Record a failed message.
	 * @param message the message
	 * @param failure the classified failure
	 * @throws Exception when the failure could not be recorded
	 */
	void recover(M message, ConsumeFailureException failure) throws Exception;

	/**
	 * The log-and-skip policy: the engine already logged the failure with its coordinates, so nothing more is done
	 * and the message is acknowledged.
	 * @param <M> the message type
	 * @return the recoverer, never {@code null}
	 */
	static <M extends InboundMessage> FailureRecoverer<M> logAndSkip() {
		return (message, failure) -> {
		};
	}

}
