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

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.jspecify.annotations.Nullable;

/**
 * Avro's {@link BinaryDecoder} with every length and count checked against the bytes that remain, so that hostile
 * input cannot make the decoder allocate (or loop over) more than the message holds. Both decode paths read through
 * it: the event type's codecs directly, and Avro's {@code ResolvingDecoder} (writer schema other than the reader's)
 * configured on top of it, which is where skipped writer fields are read too.
 * <ul>
 * <li>a string or bytes length that is negative or larger than what remains is refused before anything is
 * allocated (Avro would allocate the announced length first, up to 2 GiB);</li>
 * <li>an array or map block announcing more items than bytes remain is refused: every item takes at least one byte
 * in the Open edX schemas (arrays of {@code null} or of empty records, which could be longer, do not occur);</li>
 * <li>a block byte size (written by some encoders so that readers can skip) must fit too: Avro would move backwards
 * on a negative one;</li>
 * <li>a boolean byte other than 0 or 1 is refused rather than read as {@code false}.</li>
 * </ul>
 * {@link #readString()} decodes UTF-8 strictly, as Python does (invalid input is refused, not replaced);
 * {@link #readString(Utf8)}, which {@code ResolvingDecoder} calls, returns the bytes for the caller to decode with
 * {@link #text(byte[], int)}.
 */
final class BoundedDecoder extends Decoder {

	private @Nullable BinaryDecoder binary;

	private final byte[] one = new byte[1];

	private byte[] scratch = new byte[128];

	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	/**
	 * Read the given bytes from now on.
	 * @return the binary decoder underneath, reused between calls
	 */
	BinaryDecoder configure(byte[] bytes, int offset, int length, @Nullable BinaryDecoder reuse) {
		this.binary = DecoderFactory.get().binaryDecoder(bytes, offset, length, reuse);
		return this.binary;
	}

	/**
	 * Bytes not read yet.
	 */
	int remaining() throws IOException {
		return this.binary.inputStream().available();
	}

	@Override
	public int remainingBytes() {
		try {
			return remaining();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public void readNull() throws IOException {
		this.binary.readNull();
	}

	@Override
	public boolean readBoolean() throws IOException {
		this.binary.readFixed(this.one, 0, 1);
		byte value = this.one[0];
		if (value != 0 && value != 1) {
			throw FieldFailure.malformed("is malformed: boolean byte " + (value & 0xff) + " is neither 0 nor 1");
		}
		return value == 1;
	}

	@Override
	public int readInt() throws IOException {
		return this.binary.readInt();
	}

	@Override
	public long readLong() throws IOException {
		return this.binary.readLong();
	}

	@Override
	public float readFloat() throws IOException {
		return this.binary.readFloat();
	}

	@Override
	public double readDouble() throws IOException {
		return this.binary.readDouble();
	}

	/**
	 * The bytes of a string, not checked for UTF-8 (the caller decodes them strictly).
	 */
	@Override
	public Utf8 readString(@Nullable Utf8 old) throws IOException {
		int length = length("string");
		Utf8 result = (old != null) ? old : new Utf8();
		result.setByteLength(length);
		if (length > 0) {
			this.binary.readFixed(result.getBytes(), 0, length);
		}
		return result;
	}

	@Override
	public String readString() throws IOException {
		int length = length("string");
		if (length == 0) {
			return "";
		}
		byte[] bytes = this.scratch;
		if (bytes.length < length) {
			bytes = new byte[Math.max(length, bytes.length * 2)];
			this.scratch = bytes;
		}
		this.binary.readFixed(bytes, 0, length);
		return text(bytes, length);
	}

	/**
	 * Decode UTF-8 strictly.
	 * @param bytes the bytes
	 * @param length how many of them, from the first
	 * @return the text
	 * @throws FieldFailure when the bytes are not valid UTF-8
	 */
	String text(byte[] bytes, int length) {
		String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
		// The JDK decoder replaces malformed input with U+FFFD, where Python's strict decoding fails; only text
		// that holds U+FFFD (replaced, or genuinely in the input) is decoded again strictly to tell which.
		if (text.indexOf('\uFFFD') < 0) {
			return text;
		}
		try {
			CharBuffer chars = this.utf8.reset().decode(ByteBuffer.wrap(bytes, 0, length));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			throw FieldFailure.malformed("is malformed: the string is not valid UTF-8");
		}
	}

	@Override
	public void skipString() throws IOException {
		this.binary.skipFixed(length("string"));
	}

	@Override
	public ByteBuffer readBytes(@Nullable ByteBuffer old) throws IOException {
		int length = length("bytes value");
		boolean reuse = old != null && old.hasArray() && !old.isReadOnly() && old.capacity() >= length;
		ByteBuffer result = reuse ? old : ByteBuffer.allocate(length);
		result.clear();
		this.binary.readFixed(result.array(), result.arrayOffset(), length);
		result.limit(length);
		return result;
	}

	@Override
	public void skipBytes() throws IOException {
		this.binary.skipFixed(length("bytes value"));
	}

	@Override
	public void readFixed(byte[] bytes, int start, int length) throws IOException {
		this.binary.readFixed(bytes, start, length);
	}

	@Override
	public void skipFixed(int length) throws IOException {
		this.binary.skipFixed(length);
	}

	@Override
	public int readEnum() throws IOException {
		return this.binary.readEnum();
	}

	@Override
	public long readArrayStart() throws IOException {
		return itemCount("array items");
	}

	@Override
	public long arrayNext() throws IOException {
		return itemCount("array items");
	}

	@Override
	public long skipArray() throws IOException {
		return skipBlocks("array items");
	}

	@Override
	public long readMapStart() throws IOException {
		return itemCount("map entries");
	}

	@Override
	public long mapNext() throws IOException {
		return itemCount("map entries");
	}

	@Override
	public long skipMap() throws IOException {
		return skipBlocks("map entries");
	}

	@Override
	public int readIndex() throws IOException {
		return this.binary.readIndex();
	}

	/**
	 * Read a string or bytes length and check it against what remains.
	 */
	int length(String what) throws IOException {
		long length = this.binary.readLong();
		if (length < 0) {
			throw FieldFailure.malformed("is malformed: negative " + what + " length " + length);
		}
		int remaining = remaining();
		if (length > remaining) {
			throw FieldFailure.truncated("is truncated: a " + what + " of " + length + " bytes is announced, but only "
					+ remaining + " bytes remain");
		}
		return (int) length;
	}

	/**
	 * Read the item count of an array or map block (and the byte size that may follow a negative count) and check
	 * that the items can be in what remains.
	 */
	private long itemCount(String what) throws IOException {
		long count = this.binary.readLong();
		if (count < 0) {
			if (count == Long.MIN_VALUE) {
				throw FieldFailure.malformed("is malformed: block count " + count);
			}
			count = -count;
			blockSize(what);
		}
		checkCount(count, what);
		return count;
	}

	/**
	 * Skip the blocks that carry their byte size, and return the count of the first one that does not (its items
	 * are skipped one by one by the caller), or 0 at the end.
	 */
	private long skipBlocks(String what) throws IOException {
		for (;;) {
			long count = this.binary.readLong();
			if (count == 0) {
				return 0;
			}
			if (count > 0) {
				checkCount(count, what);
				return count;
			}
			if (count == Long.MIN_VALUE) {
				throw FieldFailure.malformed("is malformed: block count " + count);
			}
			this.binary.skipFixed(blockSize(what));
		}
	}

	private int blockSize(String what) throws IOException {
		long size = this.binary.readLong();
		int remaining = remaining();
		if (size < 0 || size > remaining) {
			throw FieldFailure.truncated("is truncated: a block of " + what + " of " + size + " bytes is announced, "
					+ "but " + remaining + " bytes remain");
		}
		return (int) size;
	}

	private void checkCount(long count, String what) throws IOException {
		int remaining = remaining();
		if (count > remaining) {
			throw FieldFailure.truncated("is truncated: " + count + " " + what + " are announced, more than the "
					+ remaining + " bytes that remain can hold");
		}
	}

}
