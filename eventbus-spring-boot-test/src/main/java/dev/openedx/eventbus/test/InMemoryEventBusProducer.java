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

package dev.openedx.eventbus.test;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import org.jspecify.annotations.Nullable;

/**
 * The producer of the in-memory transport: puts each event in the configured transport's wire form with the real
 * codec (so it fails where the Kafka or Redis producer would: a key field that reaches no value, data the schema
 * cannot hold), decodes it back as a consumer would, and records it in {@link PublishedEvents}. Nothing is sent, and
 * the application's own workers do not receive it (deliver it with {@link InboundEvents} to test a round trip).
 */
final class InMemoryEventBusProducer implements EventBusProducer {

	private final InMemoryTransport transport;

	InMemoryEventBusProducer(InMemoryTransport transport) {
		this.transport = transport;
	}

	@Override
	public CompletableFuture<SendReceipt> send(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		Objects.requireNonNull(topic, "topic must not be null");
		Objects.requireNonNull(event, "event must not be null");
		WireFormat form = this.transport.typedForm();
		try {
			if (KafkaWireFormat.TRANSPORT.equals(form.transport())
					&& (eventKeyField == null || eventKeyField.isEmpty())) {
				throw new IllegalArgumentException("Kafka needs an event key field (the dotted path of the message "
						+ "key in the event data, for example enrollment.course.course_key)");
			}
			WireFormat.Encoded encoded = form.encode(topic, 0, eventKeyField, event);
			OpenEdxEvent<?> decoded = form.decode(encoded.message());
			PublishedEvent<?> published = this.transport.published().add(topic, eventKeyField, encoded.key(),
					sent(decoded));
			return CompletableFuture.completedFuture(new SendReceipt(form.transport(), topic,
					"memory@" + published.sequence(), event.metadata().id()));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(new EventBusException("Could not send event "
					+ event.type().type() + " id=" + event.metadata().id() + " to topic " + topic + " (key field "
					+ eventKeyField + "): " + ex.getMessage(), ex));
		}
	}

	/** What the consumer decoded, as the event the application sent (not marked as received from the bus). */
	private static <D> OpenEdxEvent<D> sent(OpenEdxEvent<D> decoded) {
		return OpenEdxEvent.of(decoded.type(), decoded.data(), decoded.metadata());
	}

}
