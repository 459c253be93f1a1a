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

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The field names of a stream entry, as edx-event-bus-redis writes them ({@code RedisMessage.to_binary_dict}): the
 * seven metadata fields in this order, then {@code event_data}. Names are ASCII; metadata values are UTF-8 text.
 */
final class StreamFields {

	static final String TYPE = "type";

	static final String ID = "id";

	static final String SOURCE = "source";

	static final String TIME = "time";

	static final String MINOR_VERSION = "minorversion";

	static final String SOURCE_HOST = "sourcehost";

	static final String SOURCE_LIB = "sourcelib";

	static final String EVENT_DATA = "event_data";

	/** Index of each field in {@link #NAMES}, which is also the wire order. */
	static final int TYPE_INDEX = 0;

	static final int ID_INDEX = 1;

	static final int SOURCE_INDEX = 2;

	static final int TIME_INDEX = 3;

	static final int MINOR_VERSION_INDEX = 4;

	static final int SOURCE_HOST_INDEX = 5;

	static final int SOURCE_LIB_INDEX = 6;

	static final int EVENT_DATA_INDEX = 7;

	private static final String[] NAME_TEXTS = { TYPE, ID, SOURCE, TIME, MINOR_VERSION, SOURCE_HOST, SOURCE_LIB,
			EVENT_DATA };

	private static final byte[][] NAMES = new byte[NAME_TEXTS.length][];

	static {
		for (int i = 0; i < NAME_TEXTS.length; i++) {
			NAMES[i] = ascii(NAME_TEXTS[i]);
		}
	}

	private StreamFields() {
	}

	static int count() {
		return NAMES.length;
	}

	/**
	 * The wire name of a field. Callers must not modify the array.
	 * @param index the field index
	 * @return the name bytes
	 */
	static byte[] name(int index) {
		return NAMES[index];
	}

	static String nameText(int index) {
		return NAME_TEXTS[index];
	}

	/**
	 * The index of a known field name, comparing bytes without building a string.
	 * @param name the field name bytes
	 * @return the index, or -1 when the name is not one of the eight
	 */
	static int indexOf(byte[] name) {
		for (int i = 0; i < NAMES.length; i++) {
			if (Arrays.equals(NAMES[i], name)) {
				return i;
			}
		}
		return -1;
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Strict UTF-8 decoding, as Python's {@code bytes.decode("utf-8")}: malformed input is an error, never replaced.
	 * @param bytes the bytes
	 * @return the text, or {@code null} when the bytes are not valid UTF-8
	 */
	static @Nullable String utf8(byte[] bytes) {
		boolean ascii = true;
		for (byte b : bytes) {
			if (b < 0) {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * Printable text of a field value for logs: the UTF-8 text, or a hex dump when it is not text.
	 * @param bytes the value
	 * @return printable text
	 */
	static String printable(byte[] bytes) {
		String text = utf8(bytes);
		if (text != null) {
			return text;
		}
		StringBuilder hex = new StringBuilder(bytes.length * 2 + 4).append("0x");
		for (byte b : bytes) {
			hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
		}
		return hex.toString();
	}

}
