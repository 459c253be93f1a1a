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

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.ResolvingDecoder;
import org.apache.avro.util.Utf8;
import org.jspecify.annotations.Nullable;

/**
 * The reading side of one decode call: a {@link BoundedDecoder} over the message bytes, or a {@link ResolvingDecoder}
 * on top of it when the writer schema differs from the event type's.
 * <p>
 * On both paths garbage input fails cleanly (see {@link BoundedDecoder}): lengths and counts larger than the input
 * are refused before anything is allocated, invalid UTF-8 is refused as Python's strict decoding does, and a boolean
 * byte other than 0 or 1 is an error rather than {@code false}.
 */
final class AvroInput {

	private static final ThreadLocal<AvroInput> CURRENT = new ThreadLocal<>();

	private final BoundedDecoder bounded = new BoundedDecoder();

	private @Nullable BinaryDecoder binary;

	private @Nullable ResolvingDecoder resolving;

	private Decoder in = this.bounded;

	private @Nullable Utf8 text;

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
		input.binary = input.bounded.configure(bytes, offset, length, input.binary);
		if (resolving != null) {
			resolving.configure(input.bounded);
			input.resolving = resolving;
			input.in = resolving;
		}
		else {
			input.resolving = null;
			input.in = input.bounded;
		}
		return input;
	}

	void release() {
		this.resolving = null;
		this.in = this.bounded;
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
		return this.bounded.remaining();
	}

	long readLong() throws IOException {
		return this.in.readLong();
	}

	double readDouble() throws IOException {
		return this.in.readDouble();
	}

	boolean readBoolean() throws IOException {
		return this.in.readBoolean();
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
		if (this.resolving == null) {
			return this.bounded.readString();
		}
		// The bytes of a string, or of a bytes value the writer schema has where the reader has a string.
		Utf8 bytes = this.resolving.readString(this.text);
		this.text = bytes;
		return this.bounded.text(bytes.getBytes(), bytes.getByteLength());
	}

}
