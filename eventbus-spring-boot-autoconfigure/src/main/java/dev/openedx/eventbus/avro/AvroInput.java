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
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.ResolvingDecoder;
import org.jspecify.annotations.Nullable;

/**
 * The reading side of one decode call: Avro's {@link BinaryDecoder} over the message bytes, or a
 * {@link ResolvingDecoder} on top of it when the writer schema differs from the event type's.
 * <p>
 * Strings and booleans are read here rather than with {@code readString()} / {@code readBoolean()} so that garbage
 * input fails cleanly: a string length larger than the whole input is refused before anything is allocated (Avro
 * would allocate the announced length first), invalid UTF-8 is refused as Python's strict decoding does, and a
 * boolean byte other than 0 or 1 is an error rather than {@code false}.
 */
final class AvroInput {

	private static final ThreadLocal<AvroInput> CURRENT = new ThreadLocal<>();

	private @Nullable BinaryDecoder binary;

	private @Nullable ResolvingDecoder resolving;

	private @Nullable Decoder in;

	private int length;

	private byte[] scratch = new byte[128];

	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private boolean busy;

	private AvroInput() {
	}

	/**
	 * The input of this thread, positioned on the given bytes; {@link #release()} it when done. A nested call on
	 * the same thread (an opaque key factory that decodes, say) gets a fresh instance.
	 */
	static AvroInput acquire(byte[] bytes, int offset, int length, @Nullable ResolvingDecoder resolving)
			throws IOException {
		AvroInput input = CURRENT.get();
		if (input == null) {
			input = new AvroInput();
			CURRENT.set(input);
		}
		else if (input.busy) {
			input = new AvroInput();
		}
		input.busy = true;
		input.binary = DecoderFactory.get().binaryDecoder(bytes, offset, length, input.binary);
		input.length = length;
		if (resolving != null) {
			resolving.configure(input.binary);
			input.resolving = resolving;
			input.in = resolving;
		}
		else {
			input.resolving = null;
			input.in = input.binary;
		}
		return input;
	}

	void release() {
		this.resolving = null;
		this.busy = false;
	}

	boolean isResolving() {
		return this.resolving != null;
	}

	Schema.Field[] readFieldOrder() throws IOException {
		return this.resolving.readFieldOrder();
	}

	void drain() throws IOException {
		if (this.resolving != null) {
			this.resolving.drain();
		}
	}

	/**
	 * Bytes of the message not read yet.
	 */
	int remaining() throws IOException {
		return this.binary.inputStream().available();
	}

	long readLong() throws IOException {
		return this.in.readLong();
	}

	double readDouble() throws IOException {
		return this.in.readDouble();
	}

	boolean readBoolean() throws IOException {
		if (this.resolving != null) {
			return this.resolving.readBoolean();
		}
		this.binary.readFixed(this.scratch, 0, 1);
		byte value = this.scratch[0];
		if (value != 0 && value != 1) {
			throw FieldFailure.malformed("is malformed: boolean byte " + (value & 0xff) + " is neither 0 nor 1");
		}
		return value == 1;
	}

	int readIndex() throws IOException {
		return this.in.readIndex();
	}

	long readArrayStart() throws IOException {
		return this.in.readArrayStart();
	}

	long arrayNext() throws IOException {
		return this.in.arrayNext();
	}

	long readMapStart() throws IOException {
		return this.in.readMapStart();
	}

	long mapNext() throws IOException {
		return this.in.mapNext();
	}

	String readString() throws IOException {
		if (this.resolving != null) {
			return this.resolving.readString();
		}
		long size = this.binary.readLong();
		if (size < 0) {
			throw FieldFailure.malformed("is malformed: negative string length " + size);
		}
		if (size > this.length) {
			throw FieldFailure.truncated("is truncated: a string of " + size + " bytes is announced, but the whole "
					+ "input has " + this.length + " bytes");
		}
		int n = (int) size;
		if (n == 0) {
			return "";
		}
		byte[] bytes = this.scratch;
		if (bytes.length < n) {
			bytes = new byte[Math.max(n, bytes.length * 2)];
			this.scratch = bytes;
		}
		this.binary.readFixed(bytes, 0, n);
		String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
		// The JDK decoder replaces malformed input with U+FFFD, where Python's strict decoding fails; only text
		// that holds U+FFFD (replaced, or genuinely in the input) is decoded again strictly to tell which.
		return (text.indexOf('\uFFFD') < 0) ? text : decodeUtf8(bytes, n);
	}

	private String decodeUtf8(byte[] bytes, int n) {
		try {
			CharBuffer chars = this.utf8.reset().decode(ByteBuffer.wrap(bytes, 0, n));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			throw FieldFailure.malformed("is malformed: the string is not valid UTF-8");
		}
	}

}
