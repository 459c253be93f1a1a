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

/**
 * Wraps the dispatcher of one configured worker, knowing the worker (its name and consumer group): what the inbox
 * uses to run each dispatch in a transaction that records the event id for the worker's group. Applied where the
 * workers are built, inside the event-type filter, once per worker.
 * <pre class="code">
 * WorkerDispatcherDecorator timing = (worker, dispatcher) -&gt; (event) -&gt; {
 *     long started = System.nanoTime();
 *     dispatcher.dispatch(event);
 *     log.debug("{} took {} ns", worker.name(), System.nanoTime() - started);
 * };
 * </pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WorkerDispatcherDecorator {

	/**
	 * Wrap a worker's dispatcher.
	 * @param worker the worker
	 * @param dispatcher the dispatcher to wrap
	 * @return the dispatcher to use, {@code dispatcher} itself to leave it alone
	 */
	EventDispatcher decorate(ConsumerSettings worker, EventDispatcher dispatcher);

}
