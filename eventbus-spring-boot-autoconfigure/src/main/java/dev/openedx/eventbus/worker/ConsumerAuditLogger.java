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

package dev.openedx.eventbus.worker;

import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.OpenEdxEvent;

import org.springframework.core.log.LogAccessor;

/**
 * The consumer half of the Python audit log ({@code EVENT_BUS_*_AUDIT_LOGGING_ENABLED}): one INFO line when an event
 * was received and one when it was handled, with the worker, the message coordinates, the event id and type, never
 * the data. Logged under {@code dev.openedx.eventbus.audit}.
 *
 * @since 0.1.0
 */
public final class ConsumerAuditLogger implements ConsumerObserver {

	private static final LogAccessor logger = new LogAccessor("dev.openedx.eventbus.audit");

	@Override
	public void received(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event) {
		logger.info(() -> "Event received from the event bus: worker=" + worker.name() + ", at="
				+ message.coordinates() + ", key=" + message.key() + ", id=" + event.metadata().id() + ", type="
				+ event.type().type() + ", time=" + event.metadata().timeText());
	}

	@Override
	public void handled(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, long nanos) {
		logger.info(() -> "Event from the event bus handled: worker=" + worker.name() + ", at="
				+ message.coordinates() + ", id=" + event.metadata().id() + ", in="
				+ TimeUnit.NANOSECONDS.toMillis(nanos) + "ms");
	}

}
