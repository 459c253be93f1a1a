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

import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

/**
 * Hooks into a worker's life for metrics, audit logs and health; called on the worker thread (a stop request's state
 * change on the thread that asked), so keep them cheap. Every method has an empty default. Observers only observe: a
 * failing observer is logged and changes nothing for the message; what must run around the listeners (tracing, a
 * transaction) is a {@link DispatchInterceptor}.
 *
 * @since 0.1.0
 */
public interface ConsumerObserver {

	/**
	 * A message of an event type the worker does not select ({@code event-types}) was acknowledged without being
	 * decoded, dispatched or counted.
	 * @param worker the worker settings
	 * @param message the message
	 * @since 0.2.0
	 */
	default void skipped(ConsumerSettings worker, InboundMessage message) {
	}

	/**
	 * A message was decoded and is about to be dispatched.
	 * @param worker the worker settings (name, transport, destination, group)
	 * @param message the message
	 * @param event the decoded event
	 */
	default void received(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event) {
	}

	/**
	 * The listeners handled an event.
	 * @param worker the worker settings
	 * @param message the message
	 * @param event the event
	 * @param nanos time spent in the listeners, all attempts included
	 */
	default void handled(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, long nanos) {
	}

	/**
	 * A listener failed and will be called again after a wait: a retry of the {@link RetryPolicy}, or a transient
	 * failure (a dependency of the listener unavailable) waited out with the transient backoff.
	 * @param worker the worker settings
	 * @param message the message
	 * @param error the listener's exception
	 * @param attempt the attempt that failed, from 1
	 */
	default void retrying(ConsumerSettings worker, InboundMessage message, Throwable error, int attempt) {
	}

	/**
	 * A message failed for good and goes to the failure policy.
	 * @param worker the worker settings
	 * @param message the message
	 * @param failure the classified failure
	 */
	default void failed(ConsumerSettings worker, InboundMessage message, ConsumeFailureException failure) {
	}

	/**
	 * Polling failed (connection lost, broker unavailable), or a message could not be decoded yet (a transient
	 * failure: the registry does not answer); the worker backs off and tries again.
	 * @param worker the worker settings
	 * @param error the transport's exception
	 */
	default void pollFailed(ConsumerSettings worker, Throwable error) {
	}

	/**
	 * Messages were lost before the worker could read them: a Redis stream trimmed ({@code MAXLEN ~}) past entries
	 * the group had not read, or had read but not acknowledged. The transport logs them at ERROR with their ids.
	 * @param worker the worker settings
	 * @param reason why, for example {@code trimmed_before_read}
	 * @param count how many messages
	 * @since 0.2.0
	 */
	default void lost(ConsumerSettings worker, String reason, long count) {
	}

	/**
	 * The worker changed state.
	 * @param worker the worker settings
	 * @param previous the previous state
	 * @param next the new state
	 * @param reason the last error when the new state is {@link ConsumerState#FAILED}, else {@code null}
	 */
	default void stateChanged(ConsumerSettings worker, ConsumerState previous, ConsumerState next,
			@Nullable String reason) {
	}

	/**
	 * An observer that calls each of the given ones in order.
	 * @param observers the observers
	 * @return the composite, never {@code null}
	 */
	static ConsumerObserver composite(List<? extends ConsumerObserver> observers) {
		List<ConsumerObserver> all = List.copyOf(observers);
		if (all.size() == 1) {
			return all.get(0);
		}
		return new ConsumerObserver() {

			@Override
			public void skipped(ConsumerSettings worker, InboundMessage message) {
				all.forEach((o) -> o.skipped(worker, message));
			}

			@Override
			public void received(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event) {
				all.forEach((o) -> o.received(worker, message, event));
			}

			@Override
			public void handled(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, long nanos) {
				all.forEach((o) -> o.handled(worker, message, event, nanos));
			}

			@Override
			public void retrying(ConsumerSettings worker, InboundMessage message, Throwable error, int attempt) {
				all.forEach((o) -> o.retrying(worker, message, error, attempt));
			}

			@Override
			public void failed(ConsumerSettings worker, InboundMessage message, ConsumeFailureException failure) {
				all.forEach((o) -> o.failed(worker, message, failure));
			}

			@Override
			public void pollFailed(ConsumerSettings worker, Throwable error) {
				all.forEach((o) -> o.pollFailed(worker, error));
			}

			@Override
			public void lost(ConsumerSettings worker, String reason, long count) {
				all.forEach((o) -> o.lost(worker, reason, count));
			}

			@Override
			public void stateChanged(ConsumerSettings worker, ConsumerState previous, ConsumerState next,
					@Nullable String reason) {
				all.forEach((o) -> o.stateChanged(worker, previous, next, reason));
			}

		};
	}

}
