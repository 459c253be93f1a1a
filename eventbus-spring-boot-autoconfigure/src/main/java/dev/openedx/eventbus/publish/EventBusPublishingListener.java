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
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;

import org.springframework.core.Ordered;
import org.springframework.core.log.LogAccessor;

/**
 * Sends every {@link OpenEdxEvent} published as an application event through the {@link EventBusPublisher}, except
 * events received from the bus. It runs right after the metadata is stamped and before the application's own
 * listeners, so a failing local listener does not keep an event off the bus (as with Python's {@code send_robust}).
 * A failed send never reaches the publishing code: it is logged with the event type, id and topics, and counted. A
 * failure to store the event in the transactional outbox does ({@link EventOutboxException}): the transaction that
 * published it must not commit without it.
 *
 * @since 0.1.0
 */
public final class EventBusPublishingListener extends OpenEdxEventApplicationListener {

	/** Right after {@link EventMetadataStamper}. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final LogAccessor logger = new LogAccessor(EventBusPublishingListener.class);

	private final EventBusPublisher publisher;

	/**
	 * Create a listener.
	 * @param publisher the publisher to send through, must not be {@code null}
	 */
	public EventBusPublishingListener(EventBusPublisher publisher) {
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
	}

	@Override
	void onOpenEdxEvent(OpenEdxEvent<?> event) {
		if (event.fromEventBus()) {
			return;
		}
		CompletableFuture<List<SendReceipt>> sends;
		try {
			sends = this.publisher.publish(event);
		}
		catch (EventOutboxException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.error(ex, () -> "Event " + event.type().type() + " id=" + event.metadata().id()
					+ " was published but not sent to the event bus: " + ex.getMessage());
			return;
		}
		sends.whenComplete((receipts, ex) -> {
			if (ex == null) {
				return;
			}
			Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof CancellationException) {
				return;
			}
			logger.error(cause, () -> "Event " + event.type().type() + " id=" + event.metadata().id()
					+ " was published but not sent to the event bus: " + cause.getMessage());
		});
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
