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

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.openedx.eventbus.event.EventDecodingException;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.WireName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hand-crafted hostile values on both decode paths: the direct one (the writer schema is the event type's) and the
 * resolving one (another writer schema, here one with an extra field the reader skips). Every length and count is
 * checked against the bytes that remain before anything is allocated; a test that fails here by running out of
 * memory, or by a message other than ours, shows a path that allocates what the input announces.
 */
class AvroHostileInputTests {

	private static final String TYPE = "org.acme.labels.v1";

	private static final EventType<Labels> READER = EventType.of(TYPE, "labels", Labels.class);

	private static final EventType<LabelsV2> WRITER = EventType.of(TYPE, "labels", LabelsV2.class);

	/** The long that {@link #bytes} writes as the boolean byte 0x01. */
	private static final long TRUE = -1;

	/** 2^30, just under Avro's own limit of 2^31 - 9, and 2^31. */
	private static final long[] HUGE = { 1L << 30, (1L << 31) - 16, 1L << 31 };

	private final AvroEventCodec codec = new AvroEventCodec();

	private final Schema writerSchema = this.codec.schema(WRITER);

	@Test
	void wellFormedValuesDecodeOnBothPaths() {
		Labels labels = new Labels("n\u00e9", true, List.of("a", "b"), Map.of("k", "v"));
		assertThat(this.codec.decode(READER, this.codec.encode(READER, labels))).isEqualTo(labels);
		byte[] written = this.codec.encode(WRITER, new LabelsV2("n\u00e9", true, List.of("a", "b"), Map.of("k", "v"),
				List.of("x", "y")));
		assertThat(this.codec.decode(READER, written, 0, written.length, this.writerSchema)).isEqualTo(labels);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void hugeStringLengthFailsBeforeAllocating(boolean resolving) {
		for (long huge : HUGE) {
			assertRefused(resolving, bytes(huge), "field 'labels.name' is truncated: a string of " + huge
					+ " bytes is announced");
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void hugeArrayCountFailsBeforeAllocating(boolean resolving) {
		for (long huge : HUGE) {
			assertRefused(resolving, bytes(0, TRUE, huge), "field 'labels.tags' is truncated: " + huge
					+ " array items are announced");
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void hugeMapCountFailsBeforeAllocating(boolean resolving) {
		for (long huge : HUGE) {
			assertRefused(resolving, bytes(0, TRUE, 0, huge), "field 'labels.attrs' is truncated: " + huge
					+ " map entries are announced");
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void hugeBlockOfItemsWithAByteSizeFails(boolean resolving) {
		// A negative count announces a block that carries its byte size.
		assertRefused(resolving, bytes(0, TRUE, -2, 1L << 31), "field 'labels.tags' is truncated: a block of array "
				+ "items of 2147483648 bytes is announced");
		assertRefused(resolving, bytes(0, TRUE, -(1L << 31), 0), "field 'labels.tags' is truncated: 2147483648 array "
				+ "items are announced");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void stringLengthInsideAnArrayIsCheckedToo(boolean resolving) {
		assertRefused(resolving, bytes(0, TRUE, 1, 1L << 31), "field 'labels.tags[0]' is truncated: a string of "
				+ "2147483648 bytes is announced");
	}

	@Test
	void fieldsTheReaderSkipsAreBoundedToo() {
		// name "", active, no tags, no attrs, then the writer-only "extra".
		assertRefused(true, bytes(0, TRUE, 0, 0, 1L << 31), "2147483648 array items are announced");
		assertRefused(true, bytes(0, TRUE, 0, 0, 1, 1L << 31), "a string of 2147483648 bytes is announced");
		// A negative block size would make Avro's skip move backwards.
		assertRefused(true, bytes(0, TRUE, 0, 0, -1, -5), "a block of array items of -5 bytes is announced");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void negativeLengthIsMalformed(boolean resolving) {
		assertRefused(resolving, bytes(-3), "field 'labels.name' is malformed: negative string length -3");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void invalidUtf8IsRefused(boolean resolving) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(bytes(2));
		out.write(0xc3);
		out.write(0x28);
		out.writeBytes(bytes(TRUE, 0, 0, 0));
		assertRefused(resolving, out.toByteArray(), "field 'labels.name' is malformed: the string is not valid UTF-8");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void booleanOtherThanZeroOrOneIsRefused(boolean resolving) {
		byte[] bytes = bytes(0, 1, 0, 0, 0);
		assertRefused(resolving, bytes, "field 'labels.active' is malformed: boolean byte 2 is neither 0 nor 1");
	}

	@Test
	void replacementCharacterIsNotMistakenForInvalidUtf8OnTheResolvingPath() {
		byte[] written = this.codec.encode(WRITER, new LabelsV2("a\uFFFDb", false, List.of(), Map.of(), List.of()));
		assertThat(this.codec.decode(READER, written, 0, written.length, this.writerSchema).name())
			.isEqualTo("a\uFFFDb");
	}

	private void assertRefused(boolean resolving, byte[] bytes, String message) {
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> {
				if (resolving) {
					this.codec.decode(READER, bytes, 0, bytes.length, this.writerSchema);
				}
				else {
					this.codec.decode(READER, bytes);
				}
			})
			.withMessageContaining(TYPE)
			.withMessageContaining(message);
	}

	/**
	 * Avro longs, zig-zag varints. A boolean is one raw byte: the long {@link #TRUE} is written as 0x01, 0 as 0x00,
	 * 1 as 0x02.
	 */
	private static byte[] bytes(long... values) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (long value : values) {
			long zigzag = (value << 1) ^ (value >> 63);
			while ((zigzag & ~0x7fL) != 0) {
				out.write((int) ((zigzag & 0x7f) | 0x80));
				zigzag >>>= 7;
			}
			out.write((int) zigzag);
		}
		return out.toByteArray();
	}

	@WireName("Labels")
	record Labels(String name, boolean active, List<String> tags, Map<String, String> attrs) {
	}

	@WireName("Labels")
	record LabelsV2(String name, boolean active, List<String> tags, Map<String, String> attrs, List<String> extra) {
	}

}
