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

import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Runs around each attempt of a worker's listeners on a decoded event, knowing the message it came in: what tracing
 * uses to run the listeners inside an observation (in the trace the message's {@code traceparent} carried). An
 * interceptor must call {@code next.dispatch(event)} once to let the listeners run; whatever it throws is a listener
 * failure (retried, then the failure policy). Observers only observe ({@link ConsumerObserver}); interceptors wrap.
 * <pre class="code">
 * DispatchInterceptor timing = (worker, message, event, next) -&gt; {
 *     long started = System.nanoTime();
 *     try {
 *         next.dispatch(event);
 *     }
 *     finally {
 *         log.debug("{} took {} ns on {}", worker.name(), System.nanoTime() - started, message.coordinates());
 *     }
 * };
 * </pre>
 * A worker gets its interceptors through its {@link WorkerDispatcher}.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface DispatchInterceptor {

	/**
	 * Run one attempt of the listeners.
	 * @param worker the worker's settings (name, transport, destination, group)
	 * @param message the message the event was decoded from
	 * @param event the decoded event
	 * @param next the listeners (and the interceptors inside this one)
	 * @throws Exception what the listeners threw, or the interceptor's own failure
	 */
	void intercept(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, EventDispatcher next)
			throws Exception;

}
