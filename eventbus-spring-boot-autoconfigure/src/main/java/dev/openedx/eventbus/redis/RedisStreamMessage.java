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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.consumer.InboundMessage;
import io.lettuce.core.StreamMessage;
import dev.openedx.eventbus.event.LogText;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.stream.ByteRecord;

/**
 * One stream entry as read by a consumer group: its stream, its entry id and its fields, raw and in the order the
 * server returned them. An entry with no fields is one that was deleted or trimmed away ({@code MAXLEN}) while it was
 * still pending.
 *
 * @since 0.1.0
 */
public final class RedisStreamMessage implements InboundMessage {

	private final String stream;

	private final String id;

	private final List<Map.Entry<byte[], byte[]>> fields;

	private final long deliveryCount;

	/**
	 * Create a message.
	 * @param stream the full stream name
	 * @param id the entry id, for example {@code 1684306039300-0}
	 * @param fields the field names and values in entry order
	 */
	public RedisStreamMessage(String stream, String id, List<Map.Entry<byte[], byte[]>> fields) {
		this.stream = Objects.requireNonNull(stream, "stream must not be null");
		this.id = Objects.requireNonNull(id, "id must not be null");
		this.fields = List.copyOf(fields);
		this.deliveryCount = 1;
	}

	// For entries read from Redis: the list is built here and never escapes, so it is not copied again.
	private RedisStreamMessage(String stream, String id, @Nullable Map<byte[], byte[]> body) {
		this(stream, id, entries(body), 1);
	}

	private RedisStreamMessage(String stream, String id, List<Map.Entry<byte[], byte[]>> fields, long deliveryCount) {
		this.stream = stream;
		this.id = id;
		this.fields = fields;
		this.deliveryCount = deliveryCount;
	}

	static RedisStreamMessage of(String stream, ByteRecord record) {
		return new RedisStreamMessage(stream, record.getId().getValue(), record.getValue());
	}

	static RedisStreamMessage of(String stream, StreamMessage<byte[], byte[]> message) {
		return new RedisStreamMessage(stream, message.getId(), message.getBody());
	}

	/**
	 * This entry as delivered the given number of times.
	 * @param deliveryCount the group's delivery count of the entry, this delivery included
	 * @return a message with the same fields
	 */
	RedisStreamMessage withDeliveryCount(long deliveryCount) {
		return new RedisStreamMessage(this.stream, this.id, this.fields, deliveryCount);
	}

	private static List<Map.Entry<byte[], byte[]>> entries(@Nullable Map<byte[], byte[]> body) {
		if (body == null || body.isEmpty()) {
			return Collections.emptyList();
		}
		List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>(body.size());
		body.forEach((name, value) -> {
			if (name != null) {
				entries.add(Map.entry(name, (value != null) ? value : new byte[0]));
			}
		});
		return Collections.unmodifiableList(entries);
	}

	public String stream() {
		return this.stream;
	}

	public String id() {
		return this.id;
	}

	/**
	 * How many times the group delivered this entry, this delivery included ({@code XPENDING}'s delivery count): 1
	 * for an entry read for the first time, more for one re-read after a restart or claimed from another consumer.
	 * @return the delivery count, at least 1
	 * @since 0.2.0
	 */
	public long deliveryCount() {
		return this.deliveryCount;
	}

	/**
	 * The fields in entry order; callers must not modify the arrays.
	 * @return the fields, never {@code null}, empty when the entry was deleted or trimmed
	 */
	public List<Map.Entry<byte[], byte[]>> fields() {
		return this.fields;
	}

	/**
	 * The value of the first field with the given name.
	 * @param name the field name
	 * @return the raw value, or {@code null} when the entry has no such field
	 */
	public byte @Nullable [] field(String name) {
		byte[] wanted = StreamFields.utf8(name);
		for (Map.Entry<byte[], byte[]> field : this.fields) {
			if (Arrays.equals(field.getKey(), wanted)) {
				return field.getValue();
			}
		}
		return null;
	}

	@Override
	public String coordinates() {
		return this.stream + "@" + this.id;
	}

	@Override
	public @Nullable String key() {
		return null;
	}

	@Override
	public @Nullable String eventId() {
		String id = text(StreamFields.ID);
		return (id != null) ? LogText.escape(id) : null;
	}

	@Override
	public @Nullable String eventType() {
		return text(StreamFields.TYPE);
	}

	@Override
	public @Nullable String header(String name) {
		byte[] value = field(name);
		return (value != null) ? StreamFields.utf8(value) : null;
	}

	private @Nullable String text(String name) {
		byte[] value = field(name);
		return (value != null) ? StreamFields.printable(value) : null;
	}

	@Override
	public String toString() {
		return "RedisStreamMessage[" + coordinates() + ", type=" + LogText.escape(eventType()) + ", id=" + eventId()
				+ "]";
	}

}
