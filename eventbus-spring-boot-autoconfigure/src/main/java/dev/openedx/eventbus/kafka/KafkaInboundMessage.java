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

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

import dev.openedx.eventbus.consumer.InboundMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka record as the consumer engine sees it. The log values are computed only when asked for, which the engine
 * does only to report a failure.
 *
 * @since 0.1.0
 */
public final class KafkaInboundMessage implements InboundMessage {

	private final ConsumerRecord<byte[], byte[]> record;

	public KafkaInboundMessage(ConsumerRecord<byte[], byte[]> record) {
		this.record = Objects.requireNonNull(record, "record must not be null");
	}

	/**
	 * The record as received, bytes untouched.
	 * @return the record, never {@code null}
	 */
	public ConsumerRecord<byte[], byte[]> record() {
		return this.record;
	}

	@Override
	public String coordinates() {
		return this.record.topic() + "-" + this.record.partition() + "@" + this.record.offset();
	}

	/**
	 * The key for logs: the string inside a framed Avro string key (what every Open edX key is), else the bytes as
	 * text when they are printable ASCII, else hex.
	 * @return the printable key, or {@code null} without a key
	 */
	@Override
	public @Nullable String key() {
		return printableKey(this.record.key());
	}

	@Override
	public @Nullable String eventId() {
		return lastHeader(CloudEventHeaders.ID);
	}

	@Override
	public @Nullable String eventType() {
		return lastHeader(CloudEventHeaders.TYPE);
	}

	@Override
	public @Nullable String header(String name) {
		return lastHeader(name);
	}

	private @Nullable String lastHeader(String name) {
		Header header = this.record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	static @Nullable String printableKey(byte @Nullable [] key) {
		if (key == null) {
			return null;
		}
		if (key.length > ConfluentFraming.PREFIX_LENGTH && key[0] == ConfluentFraming.MAGIC_BYTE) {
			// An Avro string: zig-zag varint length, then that many UTF-8 bytes, and nothing after.
			int position = ConfluentFraming.PREFIX_LENGTH;
			long raw = 0;
			int shift = 0;
			while (position < key.length && shift < 35) {
				byte b = key[position++];
				raw |= (long) (b & 0x7f) << shift;
				shift += 7;
				if (b >= 0) {
					long length = (raw >>> 1) ^ -(raw & 1);
					if (length >= 0 && position + length == key.length) {
						return new String(key, position, (int) length, StandardCharsets.UTF_8);
					}
					break;
				}
			}
		}
		for (byte b : key) {
			if (b < 0x20 || b > 0x7e) {
				return "0x" + HexFormat.of().formatHex(key);
			}
		}
		return new String(key, StandardCharsets.US_ASCII);
	}

	@Override
	public String toString() {
		return coordinates();
	}

}
