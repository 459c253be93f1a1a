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

package dev.openedx.eventbus.kafka;

import java.util.Objects;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.MessageDecoder;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import org.springframework.core.log.LogAccessor;

/**
 * Turns a Kafka record into an event as the Python consumer does: {@code ce_type} picks the event type from the
 * catalog, the headers give the metadata, the frame's schema id gives the writer schema (from the registry, cached),
 * and the Avro data is resolved from it into the catalog's schema of the type. Each failure is classified
 * ({@link FailureKind}) with a message that says what was wrong; a registry that cannot answer (as opposed to an
 * unknown schema id) is a {@link SchemaUnavailableException}.
 * <pre class="code">
 * KafkaMessageDecoder decoder = new KafkaMessageDecoder(catalog, codec, registry, EventOrigin.forService("discovery"));
 * </pre>
 *
 * @since 0.1.0
 */
public final class KafkaMessageDecoder implements MessageDecoder<KafkaInboundMessage> {

	private static final LogAccessor logger = new LogAccessor(KafkaMessageDecoder.class);

	private final EventCatalog catalog;

	private final AvroEventCodec codec;

	private final WriterSchemas registry;

	private final EventOrigin origin;

	/**
	 * Create a decoder.
	 * @param catalog the event types this service knows
	 * @param codec the Avro codec
	 * @param registry the writer schemas: the schema registry the producers registered their schemas in
	 * @param origin this consumer's origin: the defaults for missing optional metadata headers, as in Python
	 */
	public KafkaMessageDecoder(EventCatalog catalog, AvroEventCodec codec, WriterSchemas registry,
			EventOrigin origin) {
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.origin = Objects.requireNonNull(origin, "origin must not be null");
	}

	@Override
	public OpenEdxEvent<?> decode(KafkaInboundMessage message) {
		ConsumerRecord<byte[], byte[]> record = message.record();
		Headers headers = record.headers();
		String typeName = CloudEventHeaders.eventType(headers);
		EventType<?> type = this.catalog.find(typeName)
			.orElseThrow(() -> new ConsumeFailureException(FailureKind.UNKNOWN_EVENT_TYPE,
					"Unrecognized type " + typeName + " found on message, cannot determine the event type"));
		if (!type.busCapable()) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE,
					"Event type " + typeName + " cannot travel on the bus: " + type.unserializableReason());
		}
		EventsMetadata metadata = CloudEventHeaders.read(headers, this.origin,
				(missing) -> logger.warn(() -> "Missing \"" + missing + "\" header on message "
						+ message.coordinates() + ", will use the consumer's default"));
		return decode(type, record.value(), metadata);
	}

	private <D> OpenEdxEvent<D> decode(EventType<D> type, byte[] value, EventsMetadata metadata) {
		int schemaId;
		Schema writer;
		try {
			schemaId = ConfluentFraming.schemaId(value);
		}
		catch (ConfluentFramingException ex) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, ex.getMessage(), ex);
		}
		try {
			writer = this.registry.schemaById(schemaId);
		}
		catch (SchemaRegistryException ex) {
			String message = "No writer schema for the value's schema id " + Integer.toUnsignedString(schemaId) + ": "
					+ ex.getMessage();
			if (ex.status() == 404) {
				throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, message, ex);
			}
			throw new SchemaUnavailableException(message, ex);
		}
		D data;
		try {
			data = this.codec.decode(type, value, ConfluentFraming.PREFIX_LENGTH,
					value.length - ConfluentFraming.PREFIX_LENGTH, writer);
		}
		catch (RuntimeException ex) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "Cannot decode the value (schema id "
					+ Integer.toUnsignedString(schemaId) + ") as " + type.type() + ": " + ex.getMessage(), ex);
		}
		return OpenEdxEvent.received(type, data, metadata);
	}

}
