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
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.MessageDecoder;
import dev.openedx.eventbus.consumer.WorkerFailureException;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.LogText;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import org.springframework.core.log.LogAccessor;

/**
 * Turns a Kafka record into an event as the Python consumer does: {@code ce_type} picks the event type from the
 * catalog, the headers give the metadata, the frame's schema id gives the writer schema (from the registry, cached),
 * and the Avro data is resolved from it into the catalog's schema of the type. A value larger than the size limit
 * ({@code eventbus.consumer.max-message-size}) is refused before anything is read from it. Each failure is classified
 * with a message that says what was wrong:
 * <ul>
 * <li>the message itself: {@link ConsumeFailureException} of a {@link FailureKind}, among them a schema id the
 * registry does not know (404), refuses as a request (400, 422) or answers with a schema this consumer cannot read
 * (not Avro, with references, no schema at all): {@link FailureKind#UNDECODABLE_VALUE};</li>
 * <li>a registry that cannot answer right now (no connection, timeout, 5xx, 408, 429): a
 * {@link SchemaUnavailableException}, transient;</li>
 * <li>a registry that refuses the credentials (401, 403): a {@link WorkerFailureException} naming the
 * {@code eventbus.kafka.schema-registry.*} settings, as every further message would fail the same way.</li>
 * </ul>
 * Wire values in messages (the event type, say) are {@linkplain LogText#escape escaped}.
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

	private final int maxMessageSize;

	/**
	 * Create a decoder with the default size limit, {@link ConsumerSettings#DEFAULT_MAX_MESSAGE_SIZE}.
	 * @param catalog the event types this service knows
	 * @param codec the Avro codec
	 * @param registry the writer schemas: the schema registry the producers registered their schemas in
	 * @param origin this consumer's origin: the defaults for missing optional metadata headers, as in Python
	 */
	public KafkaMessageDecoder(EventCatalog catalog, AvroEventCodec codec, WriterSchemas registry,
			EventOrigin origin) {
		this(catalog, codec, registry, origin, ConsumerSettings.DEFAULT_MAX_MESSAGE_SIZE);
	}

	/**
	 * Create a decoder.
	 * @param catalog the event types this service knows
	 * @param codec the Avro codec
	 * @param registry the writer schemas: the schema registry the producers registered their schemas in
	 * @param origin this consumer's origin: the defaults for missing optional metadata headers, as in Python
	 * @param maxMessageSize the largest value decoded, in bytes ({@code eventbus.consumer.max-message-size})
	 * @since 0.2.0
	 */
	public KafkaMessageDecoder(EventCatalog catalog, AvroEventCodec codec, WriterSchemas registry,
			EventOrigin origin, int maxMessageSize) {
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.origin = Objects.requireNonNull(origin, "origin must not be null");
		if (maxMessageSize < 1) {
			throw new IllegalArgumentException("maxMessageSize must be at least 1 byte, was " + maxMessageSize);
		}
		this.maxMessageSize = maxMessageSize;
	}

	/**
	 * A decoder like this one with another size limit (each worker has its own).
	 * @param maxMessageSize the largest value decoded, in bytes
	 * @return this decoder when the limit is the same, else a copy
	 * @since 0.2.0
	 */
	public KafkaMessageDecoder withMaxMessageSize(int maxMessageSize) {
		return (maxMessageSize == this.maxMessageSize) ? this
				: new KafkaMessageDecoder(this.catalog, this.codec, this.registry, this.origin, maxMessageSize);
	}

	/**
	 * The size limit.
	 * @return the largest value decoded, in bytes
	 * @since 0.2.0
	 */
	public int maxMessageSize() {
		return this.maxMessageSize;
	}

	@Override
	public OpenEdxEvent<?> decode(KafkaInboundMessage message) {
		ConsumerRecord<byte[], byte[]> record = message.record();
		byte[] value = record.value();
		if (value != null && value.length > this.maxMessageSize) {
			throw new ConsumeFailureException(FailureKind.MESSAGE_TOO_LARGE, "The value of " + message.coordinates()
					+ " has " + value.length + " bytes, over eventbus.consumer.max-message-size=" + this.maxMessageSize
					+ "; it is not decoded (raise the setting if such values are legitimate)");
		}
		Headers headers = record.headers();
		String typeName = CloudEventHeaders.eventType(headers);
		EventType<?> type = this.catalog.find(typeName)
			.orElseThrow(() -> new ConsumeFailureException(FailureKind.UNKNOWN_EVENT_TYPE,
					"Unrecognized type " + LogText.escape(typeName)
							+ " found on message, cannot determine the event type"));
		if (!type.busCapable()) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE,
					"Event type " + typeName + " cannot travel on the bus: " + type.unserializableReason());
		}
		EventsMetadata metadata = CloudEventHeaders.read(headers, this.origin,
				(missing) -> logger.warn(() -> "Missing \"" + missing + "\" header on message "
						+ message.coordinates() + " (" + LogText.escape(typeName)
						+ "), will use the consumer's default"));
		return decode(message, type, value, metadata);
	}

	private <D> OpenEdxEvent<D> decode(KafkaInboundMessage message, EventType<D> type, byte[] value,
			EventsMetadata metadata) {
		int schemaId;
		try {
			schemaId = ConfluentFraming.schemaId(value);
		}
		catch (ConfluentFramingException ex) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, ex.getMessage(), ex);
		}
		Schema writer = writerSchema(message, schemaId);
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

	/**
	 * The writer schema of a schema id, the registry's answer classified: the message's fault, the registry's
	 * passing trouble, or a credentials problem no message can get past.
	 */
	private Schema writerSchema(KafkaInboundMessage message, int schemaId) {
		String id = Integer.toUnsignedString(schemaId);
		try {
			return this.registry.schemaById(schemaId);
		}
		catch (UnusableSchemaException ex) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "The value's schema id " + id
					+ " has no writer schema this consumer can read: " + ex.getMessage(), ex);
		}
		catch (SchemaRegistryException ex) {
			String text = "No writer schema for the value's schema id " + id + ": " + ex.getMessage();
			switch (ex.status()) {
				case 400, 404, 422 -> throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, text, ex);
				case 401, 403 -> throw new WorkerFailureException("The schema registry refused the credentials of "
						+ "this consumer (HTTP " + ex.status() + ") when asked for the writer schema of "
						+ message.coordinates() + "; check eventbus.kafka.schema-registry.api-key and "
						+ "eventbus.kafka.schema-registry.api-secret (or eventbus.kafka.schema-registry.bearer-token)"
						+ " and that they may read schemas: " + ex.getMessage(), ex);
				default -> throw new SchemaUnavailableException(text, ex);
			}
		}
	}

}
