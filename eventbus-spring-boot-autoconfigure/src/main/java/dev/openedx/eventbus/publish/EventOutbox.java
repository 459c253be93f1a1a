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

package dev.openedx.eventbus.publish;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;

/**
 * Where the {@link EventBusPublisher} stores an event instead of sending it: the transactional outbox
 * ({@code eventbus.producer.outbox.enabled}), which keeps the event in the database in the publishing transaction
 * and has a relay send it once that transaction committed.
 * <pre class="code">
 * EventBusPublisher publisher = new EventBusPublisher(routes, producer, stamper, observers, scheduler, outbox);
 * </pre>
 *
 * @since 0.1.0
 */
public interface EventOutbox {

	/**
	 * Whether an event published now goes to the outbox: inside a transaction, and, when the outbox is configured
	 * so, outside one too.
	 * @return {@code true} to {@link #store} the event, {@code false} to send it as without an outbox
	 */
	boolean takesEvents();

	/**
	 * Store an event once per route, in the current transaction when there is one.
	 * @param event the stamped event
	 * @param routes the enabled routes of its type, never empty
	 * @return a future completed with one receipt per route (transport {@code outbox}) when the event is committed
	 * to the outbox, cancelled when its transaction rolls back
	 * @throws EventOutboxException when the event cannot be stored: the publishing transaction must not commit
	 * without it
	 */
	CompletableFuture<List<SendReceipt>> store(OpenEdxEvent<?> event, List<EventRoute> routes);

}
