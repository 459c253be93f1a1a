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

package dev.openedx.eventbus.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The CloudEvents-style envelope of every Open edX event, field for field the {@code EventsMetadata} of
 * openedx-events: it travels as the {@code ce_*} Kafka headers or the Redis stream fields, and a consumer re-fires
 * events with the producer's metadata.
 * <p>
 * Whatever a Python consumer would reject is refused here, with an {@link InvalidMetadataException} naming the
 * field: a {@code sourcelib} that is not dot-separated integers, a time that is not UTC (only possible through the
 * text or {@link OffsetDateTime} factories: an {@link Instant} is UTC by definition). The time is kept at microsecond
 * precision, as a Python datetime is.
 * <pre class="code">
 * EventsMetadata metadata = EventOrigin.forService("lms").newMetadata(LearningEvents.COURSE_ENROLLMENT_CREATED);
 * String header = metadata.timeText(); // 2026-01-02T03:04:05.678901+00:00
 * </pre>
 *
 * @param eventType the event type string ({@code ce_type}, {@code type})
 * @param id the event id, a UUID (version 1 by default, any version is accepted)
 * @param minorVersion the minor version of the event type
 * @param source {@code openedx/<service>/web}
 * @param sourceHost the host name of the producer
 * @param time when the event happened, UTC, microsecond precision
 * @param sourceLib the openedx-events version whose schemas the producer uses, as integers
 * @since 0.1.0
 */
public record EventsMetadata(String eventType, UUID id, int minorVersion, String source, String sourceHost,
		Instant time, List<Integer> sourceLib) {

	/**
	 * The openedx-events release whose catalog and schemas this library mirrors, sent as {@code sourcelib}. Python
	 * consumers parse it as integers (so a Maven version such as {@code 0.1.0-SNAPSHOT} would make every message
	 * unusable) and read it as "which schema version wrote this", which is exactly what it is.
	 */
	public static final List<Integer> OPENEDX_EVENTS_VERSION = List.of(11, 2, 0);

	public EventsMetadata {
		require(eventType, "event_type");
		if (eventType.isBlank()) {
			throw new InvalidMetadataException("event_type", "must not be blank");
		}
		require(id, "id");
		require(source, "source");
		require(sourceHost, "sourcehost");
		require(time, "time");
		require(sourceLib, "sourcelib");
		time = PythonDateTimes.truncate(time);
		if (sourceLib.isEmpty()) {
			throw new InvalidMetadataException("sourcelib", "must hold at least one integer, for example 11.2.0");
		}
		for (Integer part : sourceLib) {
			if (part == null) {
				throw new InvalidMetadataException("sourcelib", "must not contain null parts: " + sourceLib);
			}
		}
		sourceLib = List.copyOf(sourceLib);
	}

	/**
	 * Start building metadata for an event type; fields left unset take the defaults of {@link EventOrigin#local()}
	 * and a fresh id and time.
	 * @param eventType the event type, must not be {@code null}
	 * @return a builder, never {@code null}
	 */
	public static Builder builder(EventType<?> eventType) {
		return new Builder(eventType.type(), eventType.minorVersion());
	}

	/**
	 * Start building metadata for an event type string (for example one read from the wire).
	 * @param eventType the event type string, must not be {@code null}
	 * @return a builder, never {@code null}
	 */
	public static Builder builder(String eventType) {
		return new Builder(eventType, 0);
	}

	/**
	 * The time as the wire carries it, Python's {@code isoformat()} of a UTC datetime.
	 * @return for example {@code 2026-01-02T03:04:05.678901+00:00}
	 */
	public String timeText() {
		return PythonDateTimes.formatUtc(this.time);
	}

	/**
	 * The {@code sourcelib} as the wire carries it.
	 * @return for example {@code 11.2.0}
	 */
	public String sourceLibText() {
		StringJoiner joiner = new StringJoiner(".");
		for (Integer part : this.sourceLib) {
			joiner.add(part.toString());
		}
		return joiner.toString();
	}

	/**
	 * Parse a wire {@code time} value; Python consumers accept only UTC.
	 * @param text the header or field value
	 * @return the instant
	 * @throws InvalidMetadataException naming {@code time} when the text is naive, non-UTC or malformed
	 */
	public static Instant parseTime(String text) {
		try {
			return PythonDateTimes.parseUtc(text);
		}
		catch (DateTimeException ex) {
			throw new InvalidMetadataException("time", ex.getMessage(), ex);
		}
	}

	/**
	 * Parse a wire {@code sourcelib} value, as Python does with {@code tuple(int(p) for p in text.split("."))}.
	 * @param text the header or field value
	 * @return the integers
	 * @throws InvalidMetadataException naming {@code sourcelib} when a part is not an integer
	 */
	public static List<Integer> parseSourceLib(String text) {
		List<Integer> parts = new ArrayList<>();
		for (String part : text.split("\\.", -1)) {
			String trimmed = part.strip();
			if (!trimmed.matches("[+-]?\\d{1,9}")) {
				throw new InvalidMetadataException("sourcelib",
						"'" + text + "' is not dot-separated integers such as 11.2.0");
			}
			parts.add(Integer.parseInt(trimmed));
		}
		return parts;
	}

	/**
	 * Parse a wire {@code id} value.
	 * @param text the header or field value
	 * @return the UUID
	 * @throws InvalidMetadataException naming {@code id} when the text is not a UUID
	 */
	public static UUID parseId(String text) {
		try {
			if (text.length() != 36) {
				throw new IllegalArgumentException("length " + text.length());
			}
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMetadataException("id", "'" + text + "' is not a hyphenated UUID", ex);
		}
	}

	/**
	 * Parse a wire {@code minorversion} value.
	 * @param text the header or field value
	 * @return the minor version
	 * @throws InvalidMetadataException naming {@code minorversion} when the text is not an integer
	 */
	public static int parseMinorVersion(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidMetadataException("minorversion", "'" + text + "' is not an integer", ex);
		}
	}

	private static void require(Object value, String field) {
		if (value == null) {
			throw new InvalidMetadataException(field, "must not be null");
		}
	}

	/**
	 * Builder of {@link EventsMetadata}; unset fields get defaults at {@link #build()}.
	 */
	public static final class Builder {

		private final String eventType;

		private int minorVersion;

		private UUID id;

		private String source;

		private String sourceHost;

		private Instant time;

		private List<Integer> sourceLib;

		private Builder(String eventType, int minorVersion) {
			this.eventType = Objects.requireNonNull(eventType, "eventType must not be null");
			this.minorVersion = minorVersion;
		}

		public Builder id(UUID id) {
			this.id = id;
			return this;
		}

		public Builder minorVersion(int minorVersion) {
			this.minorVersion = minorVersion;
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		public Builder sourceHost(String sourceHost) {
			this.sourceHost = sourceHost;
			return this;
		}

		public Builder time(Instant time) {
			this.time = time;
			return this;
		}

		/**
		 * Set the time from a date-time with an offset, which must be UTC as Python consumers require.
		 * @param time the time
		 * @return this builder
		 * @throws InvalidMetadataException naming {@code time} when the offset is not zero
		 */
		public Builder time(OffsetDateTime time) {
			if (time.getOffset().getTotalSeconds() != 0) {
				throw new InvalidMetadataException("time",
						"'" + time + "' has offset " + time.getOffset() + "; it must be UTC (+00:00)");
			}
			this.time = time.toInstant();
			return this;
		}

		public Builder sourceLib(List<Integer> sourceLib) {
			this.sourceLib = sourceLib;
			return this;
		}

		/**
		 * Take source, host and library version from an origin, leaving fields already set alone.
		 * @param origin the origin
		 * @return this builder
		 */
		public Builder origin(EventOrigin origin) {
			if (this.source == null) {
				this.source = origin.source();
			}
			if (this.sourceHost == null) {
				this.sourceHost = origin.sourceHost();
			}
			if (this.sourceLib == null) {
				this.sourceLib = origin.sourceLib();
			}
			return this;
		}

		public EventsMetadata build() {
			origin(EventOrigin.local());
			return new EventsMetadata(this.eventType, (this.id != null) ? this.id : Uuid1.next(), this.minorVersion,
					this.source, this.sourceHost, (this.time != null) ? this.time : Instant.now(), this.sourceLib);
		}

	}

}
