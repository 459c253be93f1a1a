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

package dev.openedx.eventbus.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.redis.RedisMessageDecoder;
import dev.openedx.eventbus.redis.RedisStreamMessage;
import org.jspecify.annotations.Nullable;

/**
 * The Redis wire form: the eight stream fields of edx-event-bus-redis ({@code event_data} the unframed Avro), as
 * {@code RedisEventBusProducer} writes them; decoded by the real {@link RedisMessageDecoder}. The field names are the
 * wire format's (shared/spec wire-redis.md), written here again because the producer keeps them package-private.
 */
final class RedisWireFormat implements WireFormat {

	static final String TRANSPORT = "redis";

	private final EventCodec codec;

	private final RedisMessageDecoder decoder;

	RedisWireFormat(EventCatalog catalog, EventCodec codec, EventOrigin origin) {
		this.codec = codec;
		this.decoder = new RedisMessageDecoder(catalog, codec, origin);
	}

	@Override
	public String transport() {
		return TRANSPORT;
	}

	@Override
	public Encoded encode(String topic, long offset, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		EventsMetadata metadata = event.metadata();
		List<Map.Entry<byte[], byte[]>> fields = List.of(field("type", metadata.eventType()),
				field("id", metadata.id().toString()), field("source", metadata.source()),
				field("time", metadata.timeText()), field("minorversion", Integer.toString(metadata.minorVersion())),
				field("sourcehost", metadata.sourceHost()), field("sourcelib", metadata.sourceLibText()),
				Map.entry(utf8("event_data"), encode(event)));
		return new Encoded(message(topic, offset, fields), null);
	}

	private <D> byte[] encode(OpenEdxEvent<D> event) {
		return this.codec.encode(event.type(), event.data());
	}

	@Override
	public OpenEdxEvent<?> decode(InboundMessage message) {
		return this.decoder.decode((RedisStreamMessage) message);
	}

	@Override
	public String deadLetterTopic(String topic) {
		return topic + "-dlq";
	}

	static RedisStreamMessage message(String stream, long offset, List<Map.Entry<byte[], byte[]>> fields) {
		return new RedisStreamMessage(stream, (offset + 1) + "-0", fields);
	}

	private static Map.Entry<byte[], byte[]> field(String name, String value) {
		return Map.entry(utf8(name), utf8(value));
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
