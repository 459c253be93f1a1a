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

package dev.openedx.eventbus.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.consumer.MessageDecoder;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.InvalidMetadataException;
import dev.openedx.eventbus.event.LogText;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * Turns a stream entry into an event the way edx-event-bus-redis does ({@code RedisMessage.parse} and
 * {@code get_metadata_from_headers}): metadata from the seven text fields, the event type from {@code type}, the data
 * from the plain Avro binary in {@code event_data}.
 * <p>
 * A metadata field that is missing or empty takes the consumer's default, as in Python: the current time, this
 * service's source and host, {@link EventsMetadata#OPENEDX_EVENTS_VERSION}, minor version 0. For a missing
 * {@code id} Python invents a fresh random one on every delivery; this decoder instead derives a name-based UUID
 * (version 3) from {@code <stream>@<entry id>}, so every delivery of the same entry, to any consumer, carries the same
 * id and listeners can recognise duplicates. Failures are classified:
 * <ul>
 * <li>no {@code type}, or an entry without fields (deleted or trimmed while pending):
 * {@link FailureKind#MISSING_METADATA}</li>
 * <li>a known field twice in one entry: {@link FailureKind#DUPLICATE_METADATA} (Python silently keeps the last)</li>
 * <li>a value that is not UTF-8 or does not parse (non-UTC time, malformed id, sourcelib or minor version):
 * {@link FailureKind#INVALID_METADATA}</li>
 * <li>a type missing from the catalog: {@link FailureKind#UNKNOWN_EVENT_TYPE}</li>
 * <li>no {@code event_data}, data that does not decode, or a type that cannot travel on the bus:
 * {@link FailureKind#UNDECODABLE_VALUE}</li>
 * <li>an entry larger than the size limit ({@code eventbus.consumer.max-message-size}; field names and values
 * counted): {@link FailureKind#MESSAGE_TOO_LARGE}, before any field is read</li>
 * </ul>
 * Wire values in messages and logs (the event type, the id) are {@linkplain LogText#escape escaped}.
 *
 * @since 0.1.0
 */
public final class RedisMessageDecoder implements MessageDecoder<RedisStreamMessage> {

	private static final LogAccessor logger = new LogAccessor(RedisMessageDecoder.class);

	private final EventCatalog catalog;

	private final EventCodec codec;

	private final EventOrigin consumerOrigin;

	private final int maxMessageSize;

	/**
	 * Create a decoder with the default size limit, {@link ConsumerSettings#DEFAULT_MAX_MESSAGE_SIZE}.
	 * @param catalog the event types this service knows
	 * @param codec the codec, normally {@code AvroEventCodec}
	 * @param consumerOrigin supplies the defaults for missing {@code source}, {@code sourcehost} and
	 * {@code sourcelib}
	 */
	public RedisMessageDecoder(EventCatalog catalog, EventCodec codec, EventOrigin consumerOrigin) {
		this(catalog, codec, consumerOrigin, ConsumerSettings.DEFAULT_MAX_MESSAGE_SIZE);
	}

	/**
	 * Create a decoder.
	 * @param catalog the event types this service knows
	 * @param codec the codec, normally {@code AvroEventCodec}
	 * @param consumerOrigin supplies the defaults for missing {@code source}, {@code sourcehost} and
	 * {@code sourcelib}
	 * @param maxMessageSize the largest entry decoded, in bytes of field names and values
	 * ({@code eventbus.consumer.max-message-size})
	 * @since 0.2.0
	 */
	public RedisMessageDecoder(EventCatalog catalog, EventCodec codec, EventOrigin consumerOrigin,
			int maxMessageSize) {
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.consumerOrigin = Objects.requireNonNull(consumerOrigin, "consumerOrigin must not be null");
		if (maxMessageSize < 1) {
			throw new IllegalArgumentException("maxMessageSize must be at least 1 byte, was " + maxMessageSize);
		}
		this.maxMessageSize = maxMessageSize;
	}

	@Override
	public OpenEdxEvent<?> decode(RedisStreamMessage message) throws ConsumeFailureException {
		List<Map.Entry<byte[], byte[]>> fields = message.fields();
		if (fields.isEmpty()) {
			throw new ConsumeFailureException(FailureKind.MISSING_METADATA, "Entry " + message.coordinates()
					+ " has no fields: it was deleted or trimmed (MAXLEN) before this group handled it");
		}
		long size = size(fields);
		if (size > this.maxMessageSize) {
			throw new ConsumeFailureException(FailureKind.MESSAGE_TOO_LARGE, "Entry " + message.coordinates()
					+ " has " + size + " bytes, over eventbus.consumer.max-message-size=" + this.maxMessageSize
					+ "; it is not decoded (raise the setting if such entries are legitimate)");
		}
		byte[][] values = new byte[StreamFields.count()][];
		for (Map.Entry<byte[], byte[]> field : fields) {
			int index = StreamFields.indexOf(field.getKey());
			if (index < 0) {
				continue;
			}
			if (values[index] != null) {
				throw new ConsumeFailureException(FailureKind.DUPLICATE_METADATA,
						"Field '" + StreamFields.nameText(index) + "' occurs more than once");
			}
			values[index] = field.getValue();
		}
		String type;
		EventsMetadata metadata;
		try {
			type = text(values, StreamFields.TYPE_INDEX);
			if (type == null) {
				throw new ConsumeFailureException(FailureKind.MISSING_METADATA, "No 'type' field (or it is empty)");
			}
			metadata = metadata(message, type, values);
		}
		catch (InvalidMetadataException ex) {
			throw new ConsumeFailureException(FailureKind.INVALID_METADATA, ex.getMessage(), ex);
		}
		EventType<?> eventType = this.catalog.find(type).orElse(null);
		if (eventType == null) {
			throw new ConsumeFailureException(FailureKind.UNKNOWN_EVENT_TYPE, "Unknown event type '"
					+ LogText.escape(type)
					+ "': it is neither in the Open edX catalog nor declared by the application");
		}
		if (!eventType.busCapable()) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE,
					"Event type " + type + " cannot travel on the event bus: " + eventType.unserializableReason());
		}
		byte[] data = values[StreamFields.EVENT_DATA_INDEX];
		if (data == null) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, "No 'event_data' field");
		}
		try {
			return decode(eventType, data, metadata);
		}
		catch (EventDecodingException ex) {
			throw new ConsumeFailureException(FailureKind.UNDECODABLE_VALUE, ex.getMessage(), ex);
		}
	}

	/** The bytes of an entry's field names and values, the part of it that grows with what a producer writes. */
	private static long size(List<Map.Entry<byte[], byte[]>> fields) {
		long size = 0;
		for (Map.Entry<byte[], byte[]> field : fields) {
			size += length(field.getKey()) + length(field.getValue());
		}
		return size;
	}

	private static int length(byte @Nullable [] bytes) {
		return (bytes != null) ? bytes.length : 0;
	}

	private <D> OpenEdxEvent<D> decode(EventType<D> type, byte[] data, EventsMetadata metadata) {
		return OpenEdxEvent.received(type, this.codec.decode(type, data), metadata);
	}

	private EventsMetadata metadata(RedisStreamMessage message, String type, byte[][] values) {
		String id = text(values, StreamFields.ID_INDEX);
		String source = text(values, StreamFields.SOURCE_INDEX);
		String time = text(values, StreamFields.TIME_INDEX);
		String minorVersion = text(values, StreamFields.MINOR_VERSION_INDEX);
		String sourceHost = text(values, StreamFields.SOURCE_HOST_INDEX);
		String sourceLib = text(values, StreamFields.SOURCE_LIB_INDEX);
		UUID eventId;
		if (id != null) {
			eventId = EventsMetadata.parseId(id);
		}
		else {
			eventId = UUID.nameUUIDFromBytes(message.coordinates().getBytes(StandardCharsets.UTF_8));
			logger.warn(() -> "Entry " + message.coordinates() + " (" + LogText.escape(type)
					+ ") has no 'id' field; using the id "
					+ eventId + " derived from its coordinates");
		}
		int minor = (minorVersion != null) ? EventsMetadata.parseMinorVersion(minorVersion) : 0;
		return new EventsMetadata(type, eventId, minor,
				(source != null) ? source : this.consumerOrigin.source(),
				(sourceHost != null) ? sourceHost : this.consumerOrigin.sourceHost(),
				(time != null) ? EventsMetadata.parseTime(time) : Instant.now(),
				(sourceLib != null) ? EventsMetadata.parseSourceLib(sourceLib) : this.consumerOrigin.sourceLib());
	}

	/** @return the UTF-8 text of a field, or {@code null} when it is missing or empty (Python's default rule) */
	private static @Nullable String text(byte[][] values, int index) {
		byte[] value = values[index];
		if (value == null || value.length == 0) {
			return null;
		}
		String text = StreamFields.utf8(value);
		if (text == null) {
			throw new InvalidMetadataException(StreamFields.nameText(index), "is not UTF-8 text");
		}
		return text;
	}

}
