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

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.ProducerObserver;

import org.springframework.core.log.LogAccessor;

/**
 * The producer half of the Python audit log ({@code EVENT_BUS_*_AUDIT_LOGGING_ENABLED}): one INFO line per event the
 * broker accepted, with where it landed and its id, never its data. Logged under {@code dev.openedx.eventbus.audit}.
 *
 * @since 0.1.0
 */
public final class ProducerAuditLogger implements ProducerObserver {

	private static final LogAccessor logger = new LogAccessor("dev.openedx.eventbus.audit");

	@Override
	public void sent(EventRoute route, OpenEdxEvent<?> event, SendReceipt receipt, long nanos) {
		logger.info(() -> "Event delivered to the event bus: transport=" + receipt.transport() + ", destination="
				+ receipt.destination() + ", position=" + receipt.position() + ", id=" + receipt.eventId()
				+ ", type=" + event.type().type());
	}

}
