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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.FailureKind;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of poison a Kafka topic can carry, each with the record that carries it and the failure kind it must be
 * dead-lettered with. Every poison record is an {@link TestEvents#ALPHA} in its headers (unless the headers are the
 * poison) and carries a negative sequence number in its data where it has data, so a poison record that a consumer
 * wrongly hands to its listener shows among the handled events.
 */
enum KafkaPoison {

	/** The value starts with 0x01, not the Confluent magic byte 0x00. */
	WRONG_MAGIC_BYTE(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			byte[] value = wire.good(sequence);
			value[0] = 0x01;
			return value;
		}
	},

	/** Framed with a schema id the registry does not know (404). */
	UNKNOWN_SCHEMA_ID(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			return ConfluentFraming.frame(987_654, wire.alphaData(sequence));
		}
	},

	/** Framed with the schema id of another event type, which cannot be resolved into this one. */
	SCHEMA_OF_ANOTHER_TYPE(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			return ConfluentFraming.frame(wire.gammaSchemaId, wire.alphaData(sequence));
		}
	},

	/** Good Avro cut off in the middle of its string. */
	TRUNCATED_AVRO(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			// The string "poison" announces 6 bytes; 3 of them follow.
			return Arrays.copyOf(wire.good(sequence), ConfluentFraming.PREFIX_LENGTH + 4);
		}
	},

	/** Random bytes behind a good frame, starting with a negative string length. */
	GARBAGE_AVRO(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			byte[] garbage = new byte[64];
			new Random(sequence).nextBytes(garbage);
			garbage[0] = 0x01;
			return ConfluentFraming.frame(wire.alphaSchemaId, garbage);
		}
	},

	/** A string field that is not UTF-8 (0xC3 0x28), written with the registered schema. */
	INVALID_UTF8_STRING(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			return ConfluentFraming.frame(wire.alphaSchemaId, wire.invalidUtf8(wire.alpha, sequence));
		}
	},

	/**
	 * A string field that is not UTF-8, written with a newer writer schema (one more field), so that the schema
	 * resolving decoder reads it.
	 */
	INVALID_UTF8_STRING_NEWER_WRITER(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			return ConfluentFraming.frame(wire.newerAlphaSchemaId, wire.invalidUtf8(wire.newerAlpha, sequence));
		}
	},

	/** No {@code ce_type} header. */
	MISSING_EVENT_TYPE(FailureKind.MISSING_METADATA) {
		@Override
		void headers(Headers headers) {
			headers.remove(CloudEventHeaders.TYPE);
		}
	},

	/** A {@code ce_type} this service has never heard of. */
	UNKNOWN_EVENT_TYPE(FailureKind.UNKNOWN_EVENT_TYPE) {
		@Override
		void headers(Headers headers) {
			replace(headers, CloudEventHeaders.TYPE, "org.test.kafka.unheard.of.v1".getBytes(StandardCharsets.UTF_8));
		}
	},

	/** A {@code ce_type} that is not UTF-8. */
	INVALID_UTF8_EVENT_TYPE(FailureKind.INVALID_METADATA) {
		@Override
		void headers(Headers headers) {
			replace(headers, CloudEventHeaders.TYPE, new byte[] { 'o', 'r', 'g', (byte) 0xC3, 0x28 });
		}
	},

	/** Two {@code ce_type} headers. */
	DUPLICATE_EVENT_TYPE(FailureKind.DUPLICATE_METADATA) {
		@Override
		void headers(Headers headers) {
			headers.add(CloudEventHeaders.TYPE, TestEvents.BETA.type().getBytes(StandardCharsets.UTF_8));
		}
	},

	/** No {@code ce_id} header. */
	MISSING_EVENT_ID(FailureKind.MISSING_METADATA) {
		@Override
		void headers(Headers headers) {
			headers.remove(CloudEventHeaders.ID);
		}
	},

	/** A {@code ce_time} that is not UTC. */
	NON_UTC_TIME(FailureKind.INVALID_METADATA) {
		@Override
		void headers(Headers headers) {
			replace(headers, CloudEventHeaders.TIME,
					"2026-01-02T03:04:05.678901+02:00".getBytes(StandardCharsets.UTF_8));
		}
	},

	/** An empty value. */
	EMPTY_VALUE(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			return new byte[0];
		}
	},

	/** No value at all (a tombstone). */
	NULL_VALUE(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte @Nullable [] value(Wire wire, long sequence) {
			return null;
		}
	},

	/**
	 * A value of {@value #LARGE_VALUE_BYTES} bytes, below the 1 MiB size limit (so it is decoded, not refused by
	 * size) and within Kafka's default {@code message.max.bytes} with the dead-letter headers added: a good frame, a
	 * string length announcing 2^40 bytes, then random bytes. A decoder that trusts the length runs out of memory.
	 */
	LARGE_GARBAGE(FailureKind.UNDECODABLE_VALUE) {
		@Override
		byte[] value(Wire wire, long sequence) {
			byte[] garbage = new byte[LARGE_VALUE_BYTES - ConfluentFraming.PREFIX_LENGTH];
			new Random(sequence).nextBytes(garbage);
			// Zigzag varint of 2^40: the low 7-bit groups of 2^41, continuation bits set.
			long zigzag = 1L << 41;
			int i = 0;
			while ((zigzag & ~0x7FL) != 0) {
				garbage[i++] = (byte) ((zigzag & 0x7F) | 0x80);
				zigzag >>>= 7;
			}
			garbage[i] = (byte) zigzag;
			return ConfluentFraming.frame(wire.alphaSchemaId, garbage);
		}
	};

	/** The size of a {@link #LARGE_GARBAGE} value: 900 kB. */
	static final int LARGE_VALUE_BYTES = 900 * 1024;

	private final FailureKind expected;

	KafkaPoison(FailureKind expected) {
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
	 * The poison record.
	 * @param wire the registered schemas of the topic
	 * @param sequence a negative number, unique in the stream, to tell the record from others
	 * @return the record, keyed {@code poison-<sequence>}
	 */
	ProducerRecord<byte[], byte[]> record(Wire wire, long sequence) {
		Headers headers = CloudEventHeaders.write(TestEvents.ORIGIN.newMetadata(TestEvents.ALPHA));
		headers(headers);
		return new ProducerRecord<>(wire.topic, null, null, ("poison" + sequence).getBytes(StandardCharsets.UTF_8),
				value(wire, sequence), headers);
	}

	/** The value: a good {@link TestEvents#ALPHA} unless this poison is in the value. */
	byte @Nullable [] value(Wire wire, long sequence) {
		return wire.good(sequence);
	}

	/** Change the good headers of an {@link TestEvents#ALPHA}, when this poison is in the headers. */
	void headers(Headers headers) {
	}

	private static void replace(Headers headers, String name, byte[] value) {
		headers.remove(name);
		headers.add(name, value);
	}

	/**
	 * The schemas registered for a topic's poison: the catalog's {@link TestEvents#ALPHA} and
	 * {@link TestEvents#GAMMA}, and a newer {@code ALPHA} with one more field.
	 */
	static final class Wire {

		final String topic;

		private final AvroEventCodec codec;

		final Schema alpha;

		final Schema newerAlpha;

		final int alphaSchemaId;

		final int gammaSchemaId;

		final int newerAlphaSchemaId;

		private Wire(String topic, AvroEventCodec codec, SchemaRegistryClient registry) {
			this.topic = topic;
			this.codec = codec;
			this.alpha = codec.schema(TestEvents.ALPHA);
			this.newerAlpha = withExtraDataField(this.alpha);
			this.alphaSchemaId = registry.register(subject(topic, TestEvents.ALPHA.type()), this.alpha);
			this.gammaSchemaId = registry.register(subject(topic, TestEvents.GAMMA.type()),
					codec.schema(TestEvents.GAMMA));
			// A subject of its own: the registry would check it against the current ALPHA otherwise.
			this.newerAlphaSchemaId = registry.register(subject(topic, TestEvents.ALPHA.type()) + "-newer",
					this.newerAlpha);
		}

		/**
		 * Register the schemas the poison of a topic is written with.
		 * @param topic the topic
		 * @param codec the codec
		 * @param registry the registry of the stream's producer
		 * @return the registered schemas
		 */
		static Wire register(String topic, AvroEventCodec codec, SchemaRegistryClient registry) {
			return new Wire(topic, codec, registry);
		}

		private static String subject(String topic, String type) {
			return topic + "-" + type + ".CloudEvent";
		}

		/** A good {@link TestEvents#ALPHA} value, framed. */
		byte[] good(long sequence) {
			return ConfluentFraming.frame(this.alphaSchemaId, alphaData(sequence));
		}

		/** The Avro binary of an {@link TestEvents#ALPHA}, unframed. */
		byte[] alphaData(long sequence) {
			return this.codec.encode(TestEvents.ALPHA, new TestEvents.AlphaData("poison", sequence));
		}

		/** An {@link TestEvents#ALPHA} (or newer) whose key string is not UTF-8, unframed. */
		byte[] invalidUtf8(Schema schema, long sequence) {
			Schema.Field dataField = schema.getFields().get(0);
			GenericRecord data = new GenericData.Record(dataField.schema());
			data.put("key", new Utf8(new byte[] { 'k', (byte) 0xC3, 0x28 }));
			data.put("sequence", sequence);
			if (data.getSchema().getField("note") != null) {
				data.put("note", new Utf8("newer"));
			}
			GenericRecord root = new GenericData.Record(schema);
			root.put(dataField.name(), data);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
			try {
				new GenericDatumWriter<GenericRecord>(schema).write(root, encoder);
				encoder.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

		/** The same CloudEvent schema, its data record with one more string field ({@code note}). */
		private static Schema withExtraDataField(Schema root) {
			Schema.Field dataField = root.getFields().get(0);
			Schema data = dataField.schema();
			List<Schema.Field> fields = new ArrayList<>();
			data.getFields().forEach((field) -> fields.add(new Schema.Field(field, field.schema())));
			fields.add(new Schema.Field("note", Schema.create(Schema.Type.STRING), null, ""));
			Schema newerData = Schema.createRecord(data.getName(), data.getDoc(), data.getNamespace(), false, fields);
			Schema newerRoot = Schema.createRecord(root.getName(), root.getDoc(), root.getNamespace(), false,
					List.of(new Schema.Field(dataField, newerData)));
			return newerRoot;
		}

	}

}
