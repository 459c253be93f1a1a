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

import java.io.OutputStream;
import java.util.Arrays;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * The writing side of one encode call: Avro's direct {@link BinaryEncoder} writing into a growable buffer that is
 * kept per platform thread, so an encode allocates only its result (and the UTF-8 bytes of its strings). A virtual
 * thread gets a fresh one each time: virtual threads are not pooled, so a kept buffer would be one more per live
 * virtual thread (up to {@value #KEPT_CAPACITY} bytes each) rather than one per carrier.
 */
final class AvroOutput extends OutputStream {

	private static final int KEPT_CAPACITY = 64 * 1024;

	private static final ThreadLocal<AvroOutput> CURRENT = ThreadLocal.withInitial(AvroOutput::new);

	private final BinaryEncoder encoder;

	private byte[] buffer = new byte[512];

	private int count;

	private boolean busy;

	private AvroOutput() {
		this.encoder = EncoderFactory.get().directBinaryEncoder(this, null);
	}

	/**
	 * The output of this thread, empty; {@link #release()} it when done. A nested call on the same thread gets a
	 * fresh instance.
	 */
	static AvroOutput acquire() {
		if (VirtualThreads.isVirtual(Thread.currentThread())) {
			AvroOutput fresh = new AvroOutput();
			fresh.busy = true;
			return fresh;
		}
		AvroOutput output = CURRENT.get();
		if (output.busy) {
			output = new AvroOutput();
		}
		output.busy = true;
		output.count = 0;
		return output;
	}

	BinaryEncoder encoder() {
		return this.encoder;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.buffer, this.count);
	}

	void release() {
		this.busy = false;
		if (this.buffer.length > KEPT_CAPACITY) {
			this.buffer = new byte[512];
		}
	}

	@Override
	public void write(int b) {
		ensure(1);
		this.buffer[this.count++] = (byte) b;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		ensure(length);
		System.arraycopy(bytes, offset, this.buffer, this.count, length);
		this.count += length;
	}

	private void ensure(int extra) {
		if (this.count + extra > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.count + extra));
		}
	}

}
