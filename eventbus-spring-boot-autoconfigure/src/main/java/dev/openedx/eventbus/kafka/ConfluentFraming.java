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

import org.jspecify.annotations.Nullable;

/**
 * The Confluent wire format that edx-event-bus-kafka writes around every Avro key and value: the magic byte
 * {@code 0x00}, the schema id as a 4-byte big-endian unsigned integer, then the plain Avro binary (no container
 * header, nothing after it).
 * <pre class="code">
 * byte[] value = ConfluentFraming.frame(schemaId, avroBytes);
 * int id = ConfluentFraming.schemaId(value);     // the writer schema, to fetch from the registry
 * // the Avro data is value[PREFIX_LENGTH ..]
 * </pre>
 *
 * @since 0.1.0
 */
public final class ConfluentFraming {

	/** The first byte of every framed message. */
	public static final byte MAGIC_BYTE = 0x00;

	/** Bytes before the Avro data: the magic byte and the schema id. */
	public static final int PREFIX_LENGTH = 5;

	private ConfluentFraming() {
	}

	/**
	 * Frame Avro bytes.
	 * @param schemaId the registry id of the writer schema
	 * @param avro the plain Avro binary
	 * @return a new array: magic byte, id, data
	 */
	public static byte[] frame(int schemaId, byte[] avro) {
		byte[] framed = new byte[PREFIX_LENGTH + avro.length];
		framed[0] = MAGIC_BYTE;
		framed[1] = (byte) (schemaId >>> 24);
		framed[2] = (byte) (schemaId >>> 16);
		framed[3] = (byte) (schemaId >>> 8);
		framed[4] = (byte) schemaId;
		System.arraycopy(avro, 0, framed, PREFIX_LENGTH, avro.length);
		return framed;
	}

	/**
	 * Read the schema id of a framed message after checking the frame, as the Python deserializer does: at least 6
	 * bytes (the prefix and some data) and the magic byte first.
	 * @param framed the message bytes
	 * @return the schema id
	 * @throws ConfluentFramingException when the bytes are missing, shorter than 6 bytes, or not framed
	 */
	public static int schemaId(byte @Nullable [] framed) {
		if (framed == null) {
			throw new ConfluentFramingException("The message has no value (null): expected Confluent-framed Avro");
		}
		if (framed.length < PREFIX_LENGTH + 1) {
			throw new ConfluentFramingException("The value is " + framed.length
					+ " bytes long; Confluent-framed Avro has at least 6 (magic byte 0x00, 4-byte schema id, data)");
		}
		if (framed[0] != MAGIC_BYTE) {
			throw new ConfluentFramingException(String.format(
					"The value starts with 0x%02x, not the magic byte 0x00: it is not Confluent-framed Avro",
					framed[0] & 0xff));
		}
		return ((framed[1] & 0xff) << 24) | ((framed[2] & 0xff) << 16) | ((framed[3] & 0xff) << 8) | (framed[4] & 0xff);
	}

}
