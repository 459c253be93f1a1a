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

package dev.openedx.eventbus.observation;

import java.util.Objects;

import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.OpenEdxEvent;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The context of an {@link EventBusObservation#PROCESS} observation: the worker, the received message (the carrier a
 * tracing handler reads the trace context from, through {@link InboundMessage#header(String)}) and the decoded event.
 *
 * @since 0.1.0
 */
public final class EventBusProcessContext extends ReceiverContext<InboundMessage> {

	private final ConsumerSettings worker;

	private final OpenEdxEvent<?> event;

	/**
	 * Create a context.
	 * @param worker the worker settings
	 * @param message the message as received
	 * @param event the decoded event
	 */
	public EventBusProcessContext(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event) {
		super((carrier, key) -> carrier.header(key));
		this.worker = Objects.requireNonNull(worker, "worker must not be null");
		this.event = Objects.requireNonNull(event, "event must not be null");
		setCarrier(Objects.requireNonNull(message, "message must not be null"));
		setRemoteServiceName(worker.transport());
	}

	public ConsumerSettings getWorker() {
		return this.worker;
	}

	public InboundMessage getMessage() {
		InboundMessage message = getCarrier();
		if (message == null) {
			throw new IllegalStateException("The process context has no message");
		}
		return message;
	}

	public OpenEdxEvent<?> getEvent() {
		return this.event;
	}

}
