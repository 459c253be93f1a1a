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

package dev.openedx.eventbus.avro;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.InvalidMetadataException;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.UnknownEventTypeException;

/**
 * The JSON form of events, for logs, dead letters, tests and tools: names and values exactly as openedx-events
 * shows them. The data is Python's {@code to_dict} (Avro field names, every object's keys sorted, date-times, UUIDs
 * and opaque keys as their strings, {@code null} for absent nullable fields); the metadata is
 * {@code EventsMetadata.to_json()} (attribute order, {@code sourcelib} as an integer array).
 * <pre class="code">
 * EventJson json = new EventJson(OpenEdxCatalog.catalog());
 * String text = json.toJson(event);
 * // {"metadata":{"event_type":"org.openedx.learning.course.enrollment.created.v1","id":"...",...},
 * //  "data":{"enrollment":{"course":{...},"created_by":null,...}}}
 * OpenEdxEvent&lt;?&gt; back = json.fromJson(text);
 * </pre>
 * Reading is strict: unknown fields, missing required fields and values of the wrong JSON type are errors that
 * name the event type and field path. Thread-safe.
 *
 * @since 0.1.0
 */
public final class EventJson {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
		.build();

	private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

	private static final Set<String> METADATA_FIELDS = Set.of("event_type", "id", "minorversion", "source",
			"sourcehost", "time", "sourcelib");

	private final EventCatalog catalog;

	private final AvroEventCodec codec;

	/**
	 * A JSON form for the event types of a catalog, with its own codec caches.
	 * @param catalog the catalog that resolves {@code metadata.event_type} in {@link #fromJson(String)}
	 */
	public EventJson(EventCatalog catalog) {
		this(catalog, new AvroEventCodec());
	}

	/**
	 * A JSON form sharing the per-event-type preparation of a codec.
	 * @param catalog the catalog that resolves {@code metadata.event_type} in {@link #fromJson(String)}
	 * @param codec the codec whose schemas and compiled records to use
	 */
	public EventJson(EventCatalog catalog, AvroEventCodec codec) {
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
	}

	/**
	 * An event as JSON: {@code {"metadata": {...}, "data": {"<data_key>": {...}}}}.
	 * @param event the event (stamped with metadata now if it has none yet)
	 * @return the JSON text, never {@code null}
	 * @throws EventEncodingException naming the event type and field path when the data cannot be written
	 */
	public String toJson(OpenEdxEvent<?> event) {
		return write((json) -> {
			json.writeStartObject();
			json.writeFieldName("metadata");
			writeMetadata(event.metadata(), json);
			json.writeFieldName("data");
			this.codec.model(event.type()).writeJson(event.data(), json);
			json.writeEndObject();
		});
	}

	/**
	 * An event from JSON written by {@link #toJson(OpenEdxEvent)}; {@code metadata.event_type} selects the event
	 * type. The event is not marked as received from the bus.
	 * @param json the JSON text
	 * @return the event, never {@code null}
	 * @throws UnknownEventTypeException when the catalog does not know the event type
	 * @throws InvalidMetadataException naming the metadata field when the metadata is invalid
	 * @throws EventDecodingException naming the event type and field path when the data is invalid
	 */
	public OpenEdxEvent<?> fromJson(String json) {
		JsonNode root = parse(json, "event");
		if (!root.isObject()) {
			throw new InvalidMetadataException("metadata", "event JSON must be an object with 'metadata' and "
					+ "'data', not " + root.getNodeType());
		}
		JsonNode metadataNode = root.get("metadata");
		if (metadataNode == null) {
			throw new InvalidMetadataException("metadata", "event JSON has no 'metadata' object");
		}
		EventsMetadata metadata = readMetadata(metadataNode);
		EventType<?> type = this.catalog.get(metadata.eventType());
		List<String> unknown = new ArrayList<>();
		root.fieldNames().forEachRemaining((name) -> {
			if (!name.equals("metadata") && !name.equals("data")) {
				unknown.add(name);
			}
		});
		if (!unknown.isEmpty()) {
			throw new EventDecodingException(type.type(),
					"event JSON has unknown fields " + unknown + "; it has only 'metadata' and 'data'");
		}
		JsonNode dataNode = root.get("data");
		if (dataNode == null) {
			throw new EventDecodingException(type.type(), "event JSON has no 'data' object");
		}
		return event(type, this.codec.model(type).readJson(dataNode), metadata);
	}

	private static <D> OpenEdxEvent<D> event(EventType<D> type, Object data, EventsMetadata metadata) {
		return OpenEdxEvent.of(type, type.cast(data), metadata);
	}

	/**
	 * Event data as JSON: {@code {"<data_key>": {...}}}, every object's keys sorted as Python's {@code to_dict}.
	 * @param <D> the data type
	 * @param type the event type
	 * @param data the data
	 * @return the JSON text, never {@code null}
	 * @throws EventEncodingException naming the event type and field path when the data cannot be written
	 */
	public <D> String dataToJson(EventType<D> type, D data) {
		EventTypeModel model = this.codec.model(type);
		return write((json) -> model.writeJson(data, json));
	}

	/**
	 * Event data from its JSON form.
	 * @param <D> the data type
	 * @param type the event type
	 * @param json {@code {"<data_key>": {...}}}
	 * @return the data, never {@code null}
	 * @throws EventDecodingException naming the event type and field path when the JSON does not fit the record
	 */
	public <D> D dataFromJson(EventType<D> type, String json) {
		EventTypeModel model = this.codec.model(type);
		JsonNode node;
		try {
			node = MAPPER.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new EventDecodingException(type.type(), "event data is not JSON: " + ex.getOriginalMessage(), ex);
		}
		return type.dataType().cast(model.readJson(node));
	}

	/**
	 * Metadata as JSON, as Python's {@code EventsMetadata.to_json()}: {@code event_type, id, minorversion, source,
	 * sourcehost, time, sourcelib}.
	 * @param metadata the metadata
	 * @return the JSON text, never {@code null}
	 */
	public String metadataToJson(EventsMetadata metadata) {
		return write((json) -> writeMetadata(metadata, json));
	}

	/**
	 * Metadata from JSON. All fields are required except {@code minorversion} (default 0); {@code sourcelib} is an
	 * integer array or dotted text such as {@code "11.2.0"}; the time must be UTC, as Python consumers require.
	 * @param json the JSON text
	 * @return the metadata, never {@code null}
	 * @throws InvalidMetadataException naming the field (and event type) when a value is missing or invalid
	 */
	public EventsMetadata metadataFromJson(String json) {
		return readMetadata(parse(json, "metadata"));
	}

	private static void writeMetadata(EventsMetadata metadata, JsonGenerator json) throws IOException {
		json.writeStartObject();
		json.writeStringField("event_type", metadata.eventType());
		json.writeStringField("id", metadata.id().toString());
		json.writeNumberField("minorversion", metadata.minorVersion());
		json.writeStringField("source", metadata.source());
		json.writeStringField("sourcehost", metadata.sourceHost());
		json.writeStringField("time", metadata.timeText());
		json.writeArrayFieldStart("sourcelib");
		for (Integer part : metadata.sourceLib()) {
			json.writeNumber(part);
		}
		json.writeEndArray();
		json.writeEndObject();
	}

	private static EventsMetadata readMetadata(JsonNode node) {
		if (!node.isObject()) {
			throw new InvalidMetadataException("metadata", "must be a JSON object, not " + node.getNodeType());
		}
		String eventType = text(node, "event_type", "the event");
		String of = "of event type " + eventType + ": ";
		List<String> unknown = new ArrayList<>();
		node.fieldNames().forEachRemaining((name) -> {
			if (!METADATA_FIELDS.contains(name)) {
				unknown.add(name);
			}
		});
		if (!unknown.isEmpty()) {
			throw new InvalidMetadataException(unknown.get(0), of + "unknown metadata fields " + unknown
					+ "; the fields are " + List.of("event_type", "id", "minorversion", "source", "sourcehost",
							"time", "sourcelib"));
		}
		UUID id = EventsMetadataFields.id(text(node, "id", eventType), of);
		int minorVersion = 0;
		JsonNode minor = node.get("minorversion");
		if (minor != null && !minor.isNull()) {
			if (!minor.isIntegralNumber() || !minor.canConvertToInt() || minor.intValue() < 0) {
				throw new InvalidMetadataException("minorversion", of + "must be a non-negative integer, not " + minor);
			}
			minorVersion = minor.intValue();
		}
		String source = text(node, "source", eventType);
		String sourceHost = text(node, "sourcehost", eventType);
		Instant time = EventsMetadataFields.time(text(node, "time", eventType), of);
		List<Integer> sourceLib = EventsMetadataFields.sourceLib(node.get("sourcelib"), of);
		try {
			return new EventsMetadata(eventType, id, minorVersion, source, sourceHost, time, sourceLib);
		}
		catch (InvalidMetadataException ex) {
			throw new InvalidMetadataException(ex.field(), of + detail(ex), ex);
		}
	}

	/**
	 * The message of an exception without its "Invalid event metadata field 'x': " prefix, to re-throw it with the
	 * event type.
	 */
	private static String detail(InvalidMetadataException ex) {
		String prefix = "Invalid event metadata field '" + ex.field() + "': ";
		String message = ex.getMessage();
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

	private static String text(JsonNode node, String field, String eventType) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new InvalidMetadataException(field, "is missing from the metadata of " + eventType);
		}
		if (!value.isTextual()) {
			throw new InvalidMetadataException(field,
					"of " + eventType + " must be a JSON string, not " + value.getNodeType());
		}
		return value.textValue();
	}

	private static JsonNode parse(String json, String what) {
		try {
			return MAPPER.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidMetadataException("metadata", what + " text is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static String write(JsonWriter writer) {
		StringWriter out = new StringWriter(256);
		try (JsonGenerator json = FACTORY.createGenerator(out)) {
			writer.write(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	@FunctionalInterface
	private interface JsonWriter {

		void write(JsonGenerator json) throws IOException;

	}

	/**
	 * Metadata values read with the same rules as the wire headers, their messages naming the event type.
	 */
	private static final class EventsMetadataFields {

		static UUID id(String text, String of) {
			try {
				return EventsMetadata.parseId(text);
			}
			catch (InvalidMetadataException ex) {
				throw new InvalidMetadataException("id", of + detail(ex), ex);
			}
		}

		static Instant time(String text, String of) {
			try {
				return EventsMetadata.parseTime(text);
			}
			catch (InvalidMetadataException ex) {
				throw new InvalidMetadataException("time", of + detail(ex), ex);
			}
		}

		static List<Integer> sourceLib(@Nullable JsonNode node, String of) {
			if (node == null || node.isNull()) {
				throw new InvalidMetadataException("sourcelib", of + "is missing");
			}
			if (node.isTextual()) {
				try {
					return EventsMetadata.parseSourceLib(node.textValue());
				}
				catch (InvalidMetadataException ex) {
					throw new InvalidMetadataException("sourcelib", of + detail(ex), ex);
				}
			}
			if (!node.isArray()) {
				throw new InvalidMetadataException("sourcelib",
						of + "must be an array of integers such as [11, 2, 0], not " + node);
			}
			List<Integer> parts = new ArrayList<>();
			for (JsonNode part : node) {
				if (!part.isIntegralNumber() || !part.canConvertToInt()) {
					throw new InvalidMetadataException("sourcelib",
							of + node + " is not dot-separated integers such as [11, 2, 0]");
				}
				parts.add(part.intValue());
			}
			return parts;
		}

	}

}
