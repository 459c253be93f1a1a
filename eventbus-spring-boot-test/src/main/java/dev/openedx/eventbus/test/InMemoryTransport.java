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

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The in-memory transport of one application context: the broker, the wire forms and the events sent. The form of
 * typed events is the configured transport's ({@code eventbus.transport}), or the event object itself when the test
 * opted out of the codec.
 */
final class InMemoryTransport {

	private final InMemoryBroker broker = new InMemoryBroker();

	private final PublishedEvents published = new PublishedEvents();

	private final InMemoryWriterSchemas schemas = new InMemoryWriterSchemas();

	private final EventCatalog catalog;

	private final AvroEventCodec codec;

	private final EventOrigin origin;

	private final String transport;

	private final boolean encode;

	private volatile @Nullable WireFormat kafka;

	private volatile @Nullable WireFormat redis;

	private final WireFormat objects = new ObjectWireFormat();

	/**
	 * Create the transport.
	 * @param catalog the application's catalog
	 * @param codec the codec
	 * @param origin the application's origin (the consumer's defaults for missing metadata)
	 * @param transport {@code kafka} or {@code redis}: the form of typed events
	 * @param encode whether typed events go through the codec
	 */
	InMemoryTransport(EventCatalog catalog, AvroEventCodec codec, EventOrigin origin, String transport,
			boolean encode) {
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.origin = Objects.requireNonNull(origin, "origin must not be null");
		this.transport = transport;
		this.encode = encode;
	}

	InMemoryBroker broker() {
		return this.broker;
	}

	PublishedEvents published() {
		return this.published;
	}

	InMemoryWriterSchemas schemas() {
		return this.schemas;
	}

	/** The form typed events travel in. */
	WireFormat typedForm() {
		if (!this.encode) {
			return this.objects;
		}
		return RedisWireFormat.TRANSPORT.equals(this.transport) ? redisForm() : kafkaForm();
	}

	/** The transport name the workers report (their metrics and health carry it). */
	String transport() {
		return this.transport;
	}

	WireFormat kafkaForm() {
		WireFormat form = this.kafka;
		if (form == null) {
			require("org.apache.kafka.clients.consumer.ConsumerRecord", "Kafka records", "org.apache.kafka:kafka-clients");
			form = new KafkaWireFormat(this.catalog, this.codec, this.origin, this.schemas);
			this.kafka = form;
		}
		return form;
	}

	WireFormat redisForm() {
		WireFormat form = this.redis;
		if (form == null) {
			require("org.springframework.data.redis.connection.stream.ByteRecord", "Redis stream entries",
					"org.springframework.boot:spring-boot-starter-data-redis");
			form = new RedisWireFormat(this.catalog, this.codec, this.origin);
			this.redis = form;
		}
		return form;
	}

	private static void require(String className, String what, String library) {
		if (!ClassUtils.isPresent(className, InMemoryTransport.class.getClassLoader())) {
			throw new IllegalStateException("The in-memory event bus needs " + library + " on the test class path for "
					+ what);
		}
	}

}
