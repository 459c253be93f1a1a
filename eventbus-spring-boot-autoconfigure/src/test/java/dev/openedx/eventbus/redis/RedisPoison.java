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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.EventsMetadata;

/**
 * The kinds of poison a Redis stream entry can carry (the fields of {@code wire-redis.md} §2.2), each with the
 * entry's fields and the failure kind it must be dead-lettered with. Every poison entry starts as the fields of a
 * good {@link TestEvents#PING} whose data carries a negative sequence number, so a poison entry that a consumer
 * wrongly hands to its listener shows among the handled events.
 */
enum RedisPoison {

	/** No {@code type} field. */
	MISSING_TYPE(FailureKind.MISSING_METADATA) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			remove(fields, "type");
		}
	},

	/** An empty {@code type}. */
	EMPTY_TYPE(FailureKind.MISSING_METADATA) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			set(fields, "type", new byte[0]);
		}
	},

	/** A {@code type} this service has never heard of. */
	UNKNOWN_TYPE(FailureKind.UNKNOWN_EVENT_TYPE) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			set(fields, "type", bytes("org.openedx.learning.unheard.of.v1"));
		}
	},

	/** A {@code type} that is not UTF-8. */
	INVALID_UTF8_TYPE(FailureKind.INVALID_METADATA) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			set(fields, "type", new byte[] { 'o', 'r', 'g', (byte) 0xC3, 0x28 });
		}
	},

	/** Two {@code type} fields (Redis keeps both when the producer sends both). */
	DUPLICATE_TYPE(FailureKind.DUPLICATE_METADATA) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			fields.add(bytes("type"));
			fields.add(bytes(TestEvents.PING.type()));
		}
	},

	/** An {@code id} that is not a UUID. */
	MALFORMED_ID(FailureKind.INVALID_METADATA) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			set(fields, "id", bytes("not-a-uuid"));
		}
	},

	/** A {@code time} that is not UTC. */
	NON_UTC_TIME(FailureKind.INVALID_METADATA) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			set(fields, "time", bytes("2026-01-02T03:04:05.678901+02:00"));
		}
	},

	/** No {@code event_data} field. */
	MISSING_EVENT_DATA(FailureKind.UNDECODABLE_VALUE) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			remove(fields, "event_data");
		}
	},

	/** An empty {@code event_data}. */
	EMPTY_EVENT_DATA(FailureKind.UNDECODABLE_VALUE) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			set(fields, "event_data", new byte[0]);
		}
	},

	/** Good Avro cut off in the middle of its string. */
	TRUNCATED_EVENT_DATA(FailureKind.UNDECODABLE_VALUE) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			// The string "poison" announces 6 bytes; 3 of them follow.
			set(fields, "event_data", Arrays.copyOf(good(sequence), 4));
		}
	},

	/** Random bytes, starting with a negative string length. */
	GARBAGE_EVENT_DATA(FailureKind.UNDECODABLE_VALUE) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			byte[] garbage = new byte[64];
			new Random(sequence).nextBytes(garbage);
			garbage[0] = 0x01;
			set(fields, "event_data", garbage);
		}
	},

	/** Kafka's Confluent framing (magic byte, schema id) in front of good Avro: Redis has none. */
	KAFKA_FRAMED_EVENT_DATA(FailureKind.UNDECODABLE_VALUE) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			byte[] good = good(sequence);
			byte[] framed = new byte[5 + good.length];
			framed[4] = 1;
			System.arraycopy(good, 0, framed, 5, good.length);
			set(fields, "event_data", framed);
		}
	},

	/** A string field of the data that is not UTF-8 (0xC3 0x28). */
	INVALID_UTF8_STRING(FailureKind.UNDECODABLE_VALUE) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			ByteArrayOutputStream data = new ByteArrayOutputStream();
			writeVarint(data, 3 << 1);
			data.writeBytes(new byte[] { 'k', (byte) 0xC3, 0x28 });
			writeVarint(data, (sequence << 1) ^ (sequence >> 63));
			set(fields, "event_data", data.toByteArray());
		}
	},

	/** None of the bus's fields: what Python's consumer writes to create a stream ({@code XADD s 0-1 "" ""}). */
	NO_KNOWN_FIELDS(FailureKind.MISSING_METADATA) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			fields.clear();
			fields.add(new byte[0]);
			fields.add(new byte[0]);
		}
	},

	/**
	 * An {@code event_data} of {@value #LARGE_VALUE_BYTES} bytes, below the 1 MiB size limit (so it is decoded, not
	 * refused by size): a string length announcing 2^40 bytes, then random bytes. A decoder that trusts the length
	 * runs out of memory.
	 */
	LARGE_GARBAGE(FailureKind.UNDECODABLE_VALUE) {
		@Override
		void change(List<byte[]> fields, long sequence) {
			byte[] garbage = new byte[LARGE_VALUE_BYTES];
			new Random(sequence).nextBytes(garbage);
			ByteArrayOutputStream length = new ByteArrayOutputStream();
			writeVarint(length, 1L << 41);
			byte[] prefix = length.toByteArray();
			System.arraycopy(prefix, 0, garbage, 0, prefix.length);
			set(fields, "event_data", garbage);
		}
	};

	/** The size of a {@link #LARGE_GARBAGE} value: 900 kB. */
	static final int LARGE_VALUE_BYTES = 900 * 1024;

	private final FailureKind expected;

	RedisPoison(FailureKind expected) {
		this.expected = expected;
	}

	/**
	 * The failure kind a consumer must dead-letter this poison with.
	 * @return the kind
	 */
	FailureKind expected() {
		return this.expected;
	}

	/**
	 * The fields of the poison entry, names and values in turn, for {@code XADD}.
	 * @param sequence a negative number, unique in the stream, to tell the entry from others
	 * @return the fields
	 */
	Object[] fields(long sequence) {
		EventsMetadata metadata = EventsMetadata.builder(TestEvents.PING).build();
		List<byte[]> fields = new ArrayList<>(List.of(bytes("type"), bytes(metadata.eventType()), bytes("id"),
				bytes(metadata.id().toString()), bytes("source"), bytes(metadata.source()), bytes("time"),
				bytes(metadata.timeText()), bytes("minorversion"), bytes("0"), bytes("sourcehost"),
				bytes(metadata.sourceHost()), bytes("sourcelib"), bytes(metadata.sourceLibText()), bytes("event_data"),
				good(sequence)));
		change(fields, sequence);
		return fields.toArray();
	}

	/** Turn the fields of a good entry into this poison. */
	abstract void change(List<byte[]> fields, long sequence);

	private static byte[] good(long sequence) {
		return TestEvents.codec().encode(TestEvents.PING, new TestEvents.Ping("poison", sequence));
	}

	private static void set(List<byte[]> fields, String name, byte[] value) {
		fields.set(indexOf(fields, name) + 1, value);
	}

	private static void remove(List<byte[]> fields, String name) {
		int index = indexOf(fields, name);
		fields.remove(index + 1);
		fields.remove(index);
	}

	private static int indexOf(List<byte[]> fields, String name) {
		for (int i = 0; i < fields.size(); i += 2) {
			if (Arrays.equals(fields.get(i), bytes(name))) {
				return i;
			}
		}
		throw new IllegalArgumentException("No field " + name);
	}

	/** Avro's variable-length encoding of an already zigzag-encoded number. */
	private static void writeVarint(ByteArrayOutputStream out, long zigzag) {
		long rest = zigzag;
		while ((rest & ~0x7FL) != 0) {
			out.write((int) ((rest & 0x7F) | 0x80));
			rest >>>= 7;
		}
		out.write((int) rest);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
