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

import java.util.Objects;
import java.util.Optional;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventKeyField;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.kafka.CloudEventHeaders;
import dev.openedx.eventbus.kafka.ConfluentFraming;
import dev.openedx.eventbus.kafka.KafkaInboundMessage;
import dev.openedx.eventbus.kafka.KafkaMessageDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka wire form: the ten CloudEvent headers, key and value Confluent-framed Avro with ids of the in-memory
 * registry, as {@code KafkaEventBusProducer} writes them; decoded by the real {@link KafkaMessageDecoder}.
 */
final class KafkaWireFormat implements WireFormat {

	static final String TRANSPORT = "kafka";

	private final AvroEventCodec codec;

	private final InMemoryWriterSchemas schemas;

	private final KafkaMessageDecoder decoder;

	KafkaWireFormat(EventCatalog catalog, AvroEventCodec codec, EventOrigin origin, InMemoryWriterSchemas schemas) {
		this.codec = codec;
		this.schemas = schemas;
		this.decoder = new KafkaMessageDecoder(catalog, codec, schemas, origin);
	}

	@Override
	public String transport() {
		return TRANSPORT;
	}

	@Override
	public Encoded encode(String topic, long offset, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		Object data = event.data();
		byte[] keyBytes = null;
		String keyText = null;
		if (eventKeyField != null && !eventKeyField.isEmpty()) {
			EventKeyField key = this.codec.keyField(event.type(), eventKeyField);
			keyBytes = ConfluentFraming.frame(this.schemas.register(key.schema()), key.encode(data));
			keyText = String.valueOf(key.value(data));
		}
		byte[] valueBytes = ConfluentFraming.frame(this.schemas.register(this.codec.schema(event.type())),
				encode(event));
		Headers headers = CloudEventHeaders.write(event.metadata());
		return new Encoded(message(topic, offset, headers, keyBytes, valueBytes), keyText);
	}

	private <D> byte[] encode(OpenEdxEvent<D> event) {
		return this.codec.encode(event.type(), event.data());
	}

	@Override
	public OpenEdxEvent<?> decode(InboundMessage message) {
		return this.decoder.decode((KafkaInboundMessage) message);
	}

	@Override
	public String deadLetterTopic(String topic) {
		return topic + "-dlt";
	}

	/**
	 * A record as a consumer receives it, on partition 0.
	 * @param topic the topic
	 * @param offset the offset
	 * @param headers the headers
	 * @param key the key bytes, or {@code null}
	 * @param value the value bytes, or {@code null}
	 * @return the message
	 */
	static KafkaInboundMessage message(String topic, long offset, Headers headers, byte @Nullable [] key,
			byte @Nullable [] value) {
		Objects.requireNonNull(headers, "headers must not be null");
		return new KafkaInboundMessage(new ConsumerRecord<>(topic, 0, offset, System.currentTimeMillis(),
				TimestampType.CREATE_TIME, (key != null) ? key.length : -1, (value != null) ? value.length : -1, key,
				value, headers, Optional.empty()));
	}

}
