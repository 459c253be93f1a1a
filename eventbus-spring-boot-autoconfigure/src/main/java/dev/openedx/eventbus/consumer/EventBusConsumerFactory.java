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
 * Builds consumer workers for one transport. The Kafka and Redis auto-configurations each contribute one; the
 * configured workers and the {@code consume-events} command both go through it.
 * <pre class="code">
 * EventBusConsumer worker = factory.create(settings, dispatcher, observer);
 * worker.start();
 * </pre>
 *
 * @since 0.1.0
 */
public interface EventBusConsumerFactory {

	/**
	 * The transport this factory builds workers for.
	 * @return {@code kafka} or {@code redis}
	 */
	String transport();

	/**
	 * Build a worker; it does not start. The settings are used as they are: the factory adds no defaults (but a
	 * Kafka start position left {@code null}, which is the transport's configured one).
	 * @param settings what to consume and how, must not be {@code null}
	 * @param dispatcher receives every decoded event, must not be {@code null}
	 * @param observer the observer to call, must not be {@code null}
	 * @return a new worker, never {@code null}
	 */
	EventBusConsumer create(ConsumerSettings settings, EventDispatcher dispatcher, ConsumerObserver observer);

}
