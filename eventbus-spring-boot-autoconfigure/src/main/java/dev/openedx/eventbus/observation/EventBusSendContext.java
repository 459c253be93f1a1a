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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.event.OpenEdxEvent;
import io.micrometer.observation.transport.SenderContext;

/**
 * The context of an {@link EventBusObservation#SEND} observation. Its carrier collects what a tracing handler
 * propagates (with W3C propagation, a {@code traceparent} entry); the transport then adds each entry to the message
 * as a Kafka header or a Redis stream field. Without tracing it stays empty and the message is exactly what Python
 * producers write.
 *
 * @since 0.1.0
 */
public final class EventBusSendContext extends SenderContext<Map<String, String>> {

	private final String transport;

	private final String destination;

	private final OpenEdxEvent<?> event;

	/**
	 * Create a context.
	 * @param transport {@code kafka} or {@code redis}
	 * @param destination the full topic or stream name
	 * @param event the event being sent, with its metadata stamped
	 */
	public EventBusSendContext(String transport, String destination, OpenEdxEvent<?> event) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		});
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.destination = Objects.requireNonNull(destination, "destination must not be null");
		this.event = Objects.requireNonNull(event, "event must not be null");
		setCarrier(new LinkedHashMap<>(4));
		setRemoteServiceName(transport);
	}

	public String getTransport() {
		return this.transport;
	}

	public String getDestination() {
		return this.destination;
	}

	public OpenEdxEvent<?> getEvent() {
		return this.event;
	}

	/**
	 * What tracing asked to propagate, in order.
	 * @return the entries, empty without tracing, never {@code null}
	 */
	public Map<String, String> getPropagatedEntries() {
		Map<String, String> carrier = getCarrier();
		return (carrier != null) ? carrier : Map.of();
	}

}
