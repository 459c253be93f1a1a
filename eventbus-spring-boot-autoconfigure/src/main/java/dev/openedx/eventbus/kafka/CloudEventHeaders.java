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

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.InvalidMetadataException;
import dev.openedx.eventbus.event.PythonDateTimes;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The ten headers edx-event-bus-kafka puts on every message, with the exact names, order and UTF-8 values of its
 * {@code _get_headers_from_metadata}, and their reading back as its consumer does: {@code ce_type} must occur exactly
 * once, {@code ce_id} is required, any metadata header occurring twice makes the message unusable, and a missing
 * optional one takes the consumer's own default (with a warning).
 * <pre class="code">
 * Headers headers = CloudEventHeaders.write(event.metadata());
 * String type = CloudEventHeaders.eventType(record.headers());
 * EventsMetadata metadata = CloudEventHeaders.read(record.headers(), origin, (name) -&gt; log.warn(...));
 * </pre>
 *
 * @since 0.1.0
 */
public final class CloudEventHeaders {

	/** Constant {@code 1.0}. */
	public static final String SPEC_VERSION = "ce_specversion";

	/** Constant {@code application/avro}. */
	public static final String CONTENT_TYPE = "content-type";

	/** Constant {@code application/avro}; Python sends both this and {@code content-type}. */
	public static final String DATA_CONTENT_TYPE = "ce_datacontenttype";

	/** The event type; selects the event in the catalog. */
	public static final String TYPE = "ce_type";

	/** The event id, a hyphenated lowercase UUID. */
	public static final String ID = "ce_id";

	/** {@code openedx/<service>/web}. */
	public static final String SOURCE = "ce_source";

	/** Python's {@code isoformat()} of the UTC time. */
	public static final String TIME = "ce_time";

	/** The minor version, a decimal integer. */
	public static final String MINOR_VERSION = "ce_minorversion";

	/** The producer's host name (no {@code ce_} prefix: not a CloudEvents attribute). */
	public static final String SOURCE_HOST = "sourcehost";

	/** The openedx-events version of the producer, dot-separated integers. */
	public static final String SOURCE_LIB = "sourcelib";

	/** All ten header names, in the order they are written. */
	public static final List<String> NAMES = List.of(SPEC_VERSION, CONTENT_TYPE, DATA_CONTENT_TYPE, TYPE, ID, SOURCE,
			TIME, MINOR_VERSION, SOURCE_HOST, SOURCE_LIB);

	// Shared: Kafka never writes into header values, and these never change.
	private static final Header SPEC_VERSION_HEADER = header(SPEC_VERSION, "1.0");

	private static final Header CONTENT_TYPE_HEADER = header(CONTENT_TYPE, "application/avro");

	private static final Header DATA_CONTENT_TYPE_HEADER = header(DATA_CONTENT_TYPE, "application/avro");

	// The values that are the same for every event of a type or a service are encoded once, not per event.
	private static final HeaderCache<String> TYPES = new HeaderCache<>(TYPE, (type) -> type, false);

	private static final HeaderCache<String> SOURCES = new HeaderCache<>(SOURCE, (source) -> source, false);

	private static final HeaderCache<Integer> MINOR_VERSIONS = new HeaderCache<>(MINOR_VERSION, Object::toString,
			false);

	private static final HeaderCache<String> SOURCE_HOSTS = new HeaderCache<>(SOURCE_HOST, (host) -> host, false);

	// A list's hash is not cached, but every event of a service carries the same list instance.
	private static final HeaderCache<List<Integer>> SOURCE_LIBS = new HeaderCache<>(SOURCE_LIB,
			(lib) -> String.join(".", lib.stream().map(String::valueOf).toList()), true);

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] UTC_OFFSET = "+00:00".getBytes(StandardCharsets.US_ASCII);

	private CloudEventHeaders() {
	}

	/**
	 * The headers of a message carrying an event with this metadata.
	 * @param metadata the event metadata
	 * @return ten headers in wire order, never {@code null}
	 */
	public static Headers write(EventsMetadata metadata) {
		return new RecordHeaders(new Header[] { SPEC_VERSION_HEADER, CONTENT_TYPE_HEADER, DATA_CONTENT_TYPE_HEADER,
				TYPES.get(metadata.eventType()), new RecordHeader(ID, uuid(metadata.id())),
				SOURCES.get(metadata.source()), new RecordHeader(TIME, time(metadata.time())),
				MINOR_VERSIONS.get(metadata.minorVersion()), SOURCE_HOSTS.get(metadata.sourceHost()),
				SOURCE_LIBS.get(metadata.sourceLib()) });
	}

	/**
	 * The event type of a message.
	 * @param headers the message headers
	 * @return the {@code ce_type} value
	 * @throws ConsumeFailureException {@link FailureKind#MISSING_METADATA} when there is no {@code ce_type},
	 * {@link FailureKind#DUPLICATE_METADATA} when there are several, {@link FailureKind#INVALID_METADATA} when it is
	 * not UTF-8
	 */
	public static String eventType(Headers headers) {
		Header found = null;
		for (Header header : headers) {
			if (header.key().equals(TYPE)) {
				if (found != null) {
					throw new ConsumeFailureException(FailureKind.DUPLICATE_METADATA,
							"Multiple ce_type headers found on message, cannot determine the event type");
				}
				found = header;
			}
		}
		if (found == null) {
			throw new ConsumeFailureException(FailureKind.MISSING_METADATA,
					"Missing ce_type header on message, cannot determine the event type");
		}
		try {
			return text(found);
		}
		catch (InvalidMetadataException ex) {
			throw new ConsumeFailureException(FailureKind.INVALID_METADATA,
					"Cannot read the ce_type header, cannot determine the event type: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The metadata of a message, as the Python consumer rebuilds it.
	 * @param headers the message headers
	 * @param defaults the consumer's own origin, for missing {@code ce_source}, {@code sourcehost} and
	 * {@code sourcelib}; a missing {@code ce_time} is now and a missing {@code ce_minorversion} is 0
	 * @param missing told the name of each optional header that was missing, to log a warning
	 * @return the metadata, never {@code null}
	 * @throws ConsumeFailureException {@link FailureKind#MISSING_METADATA} without {@code ce_type} or {@code ce_id},
	 * {@link FailureKind#DUPLICATE_METADATA} when a metadata header occurs twice, {@link FailureKind#INVALID_METADATA}
	 * when a value does not parse (non-UTC time, malformed id, non-integer version)
	 */
	public static EventsMetadata read(Headers headers, EventOrigin defaults, Consumer<String> missing) {
		Header type = null;
		Header id = null;
		Header source = null;
		Header time = null;
		Header minorVersion = null;
		Header sourceHost = null;
		Header sourceLib = null;
		for (Header header : headers) {
			switch (header.key()) {
				case TYPE -> type = unique(type, header);
				case ID -> id = unique(id, header);
				case SOURCE -> source = unique(source, header);
				case TIME -> time = unique(time, header);
				case MINOR_VERSION -> minorVersion = unique(minorVersion, header);
				case SOURCE_HOST -> sourceHost = unique(sourceHost, header);
				case SOURCE_LIB -> sourceLib = unique(sourceLib, header);
				default -> {
				}
			}
		}
		if (type == null) {
			throw new ConsumeFailureException(FailureKind.MISSING_METADATA,
					"Missing ce_type header on message, cannot determine the event type");
		}
		if (id == null) {
			throw new ConsumeFailureException(FailureKind.MISSING_METADATA,
					"Missing \"ce_id\" header on message, cannot continue");
		}
		try {
			String eventType = text(type);
			UUID uuid = EventsMetadata.parseId(text(id));
			String sourceText = (source != null) ? text(source) : defaulted(SOURCE, missing, defaults.source());
			Instant instant = (time != null) ? EventsMetadata.parseTime(text(time))
					: defaulted(TIME, missing, Instant.now());
			int minor = (minorVersion != null) ? EventsMetadata.parseMinorVersion(text(minorVersion))
					: defaulted(MINOR_VERSION, missing, 0);
			String host = (sourceHost != null) ? text(sourceHost) : defaulted(SOURCE_HOST, missing,
					defaults.sourceHost());
			List<Integer> lib = (sourceLib != null) ? EventsMetadata.parseSourceLib(text(sourceLib))
					: defaulted(SOURCE_LIB, missing, defaults.sourceLib());
			return new EventsMetadata(eventType, uuid, minor, sourceText, host, instant, lib);
		}
		catch (InvalidMetadataException ex) {
			throw new ConsumeFailureException(FailureKind.INVALID_METADATA,
					"Error determining metadata from message headers: " + ex.getMessage(), ex);
		}
	}

	private static <T> T defaulted(String name, Consumer<String> missing, T value) {
		missing.accept(name);
		return value;
	}

	private static Header unique(@Nullable Header previous, Header header) {
		if (previous != null) {
			throw new ConsumeFailureException(FailureKind.DUPLICATE_METADATA,
					"Multiple \"" + header.key() + "\" headers on message, cannot determine correct metadata");
		}
		return header;
	}

	/**
	 * Strict UTF-8, as Python's {@code bytes.decode("utf-8")}: malformed bytes are an error, not replaced.
	 * @param header the header
	 * @return the text
	 */
	static String text(Header header) {
		byte[] value = header.value();
		if (value == null) {
			throw new InvalidMetadataException(header.key(), "the header has no value");
		}
		for (byte b : value) {
			if (b < 0) {
				try {
					return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
				}
				catch (CharacterCodingException ex) {
					throw new InvalidMetadataException(header.key(), "the header value is not UTF-8", ex);
				}
			}
		}
		return new String(value, StandardCharsets.ISO_8859_1);
	}

	/**
	 * {@link EventsMetadata#timeText()} as UTF-8, written straight into bytes: the general formatter was the largest
	 * cost of a send after Avro encoding when profiled.
	 * @param time a UTC instant at microsecond precision
	 * @return {@code YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00}
	 */
	static byte[] time(Instant time) {
		long seconds = time.getEpochSecond();
		long days = Math.floorDiv(seconds, 86_400);
		int secondOfDay = (int) Math.floorMod(seconds, 86_400);
		// Civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian like java.time).
		long shifted = days + 719_468;
		long era = Math.floorDiv(shifted, 146_097);
		long dayOfEra = shifted - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long monthIndex = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
		int month = (int) ((monthIndex < 10) ? monthIndex + 3 : monthIndex - 9);
		long year = yearOfEra + era * 400 + ((month <= 2) ? 1 : 0);
		if (year < 1 || year > 9999) {
			// Outside Python's range: let the general formatter refuse it with its message.
			return PythonDateTimes.formatUtc(time).getBytes(StandardCharsets.US_ASCII);
		}
		int micros = time.getNano() / 1000;
		byte[] text = new byte[(micros != 0) ? 32 : 25];
		digits(text, 0, (int) year, 4);
		text[4] = '-';
		digits(text, 5, month, 2);
		text[7] = '-';
		digits(text, 8, day, 2);
		text[10] = 'T';
		digits(text, 11, secondOfDay / 3600, 2);
		text[13] = ':';
		digits(text, 14, (secondOfDay / 60) % 60, 2);
		text[16] = ':';
		digits(text, 17, secondOfDay % 60, 2);
		int offset = 19;
		if (micros != 0) {
			text[19] = '.';
			digits(text, 20, micros, 6);
			offset = 26;
		}
		System.arraycopy(UTC_OFFSET, 0, text, offset, UTC_OFFSET.length);
		return text;
	}

	private static void digits(byte[] text, int offset, int value, int width) {
		for (int i = offset + width - 1; i >= offset; i--) {
			text[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
	}

	/** {@code str(uuid)} as UTF-8 without the intermediate string: 36 lowercase hex digits and hyphens. */
	private static byte[] uuid(UUID id) {
		byte[] text = new byte[36];
		long high = id.getMostSignificantBits();
		long low = id.getLeastSignificantBits();
		hex(text, 0, high >>> 32, 8);
		text[8] = '-';
		hex(text, 9, high >>> 16, 4);
		text[13] = '-';
		hex(text, 14, high, 4);
		text[18] = '-';
		hex(text, 19, low >>> 48, 4);
		text[23] = '-';
		hex(text, 24, low, 12);
		return text;
	}

	private static void hex(byte[] text, int offset, long value, int digits) {
		for (int i = digits - 1; i >= 0; i--) {
			text[offset + i] = HEX[(int) (value & 0xf)];
			value >>>= 4;
		}
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Header instances per value, shared between records (Kafka never writes into a header). Bounded, so that
	 * metadata with ever-changing values (a consumer re-emitting other services' events, say) cannot grow it.
	 */
	private static final class HeaderCache<K> {

		private static final int MAX_SIZE = 1024;

		private final String name;

		private final Function<K, String> text;

		private final Map<K, Header> headers = new ConcurrentHashMap<>();

		private final boolean rememberLast;

		private volatile @Nullable Entry<K> last;

		HeaderCache(String name, Function<K, String> text, boolean rememberLast) {
			this.name = name;
			this.text = text;
			this.rememberLast = rememberLast;
		}

		Header get(K value) {
			Entry<K> last = this.last;
			if (last != null && last.value == value) {
				return last.header;
			}
			Header header = this.headers.get(value);
			if (header == null) {
				header = header(this.name, this.text.apply(value));
				if (this.headers.size() < MAX_SIZE) {
					this.headers.put(value, header);
				}
			}
			if (this.rememberLast) {
				this.last = new Entry<>(value, header);
			}
			return header;
		}

		private record Entry<K>(K value, Header header) {
		}

	}

}
