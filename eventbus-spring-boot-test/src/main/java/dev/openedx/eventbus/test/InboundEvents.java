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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.ConsumerWorker;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Puts events on the in-memory topics as if another service had sent them, for the application's own workers to
 * consume through the real consume path: decoded by the transport's decoder, metadata read and checked, the
 * worker's event-type filter, retries and failure policy applied; a bean of {@link AutoConfigureInMemoryEventBus}
 * tests. Each delivery says what became of it.
 * <pre class="code">
 * &#64;Autowired InboundEvents inbound;
 *
 * DeliveryOutcome outcome = inbound.deliver("learning-course-enrollment-lifecycle",
 *         LearningEvents.COURSE_ENROLLMENT_CREATED.event(enrollment)).awaitOutcome();
 * assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
 *
 * // A Python service's record, byte for byte:
 * inbound.registerSchema(2, valueSchemaJson);
 * inbound.kafkaRecord("learning-course-enrollment-lifecycle")
 *     .header("ce_type", "org.openedx.learning.course.enrollment.created.v1")
 *     .header("ce_id", "92733220-0b81-53ef-ab4a-6e16e22fc61c")
 *     .value(valueBytes)
 *     .deliver();
 * </pre>
 * Topic names are the full names on the broker, as the workers consume them ({@code eventbus.topic-prefix} included).
 *
 * @since 0.1.0
 */
public final class InboundEvents {

	private final InMemoryTransport transport;

	InboundEvents(InMemoryTransport transport) {
		this.transport = transport;
	}

	/**
	 * Deliver an event in the configured transport's wire form, without a message key.
	 * @param topic the full topic or stream name
	 * @param event the event; its metadata as another service stamped it, or this service's defaults
	 * @return the delivery, to wait for its outcome
	 */
	public Delivery deliver(String topic, OpenEdxEvent<?> event) {
		return deliver(topic, null, event);
	}

	/**
	 * Deliver an event in the configured transport's wire form, with the key at the given field (Kafka).
	 * @param topic the full topic or stream name
	 * @param eventKeyField the dotted path of the key in the data, or {@code null} for none
	 * @param event the event
	 * @return the delivery, to wait for its outcome
	 */
	public Delivery deliver(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		Objects.requireNonNull(topic, "topic must not be null");
		Objects.requireNonNull(event, "event must not be null");
		WireFormat form = this.transport.typedForm();
		InMemoryMessage message = this.transport.broker()
			.append(topic, (offset) -> new InMemoryMessage(topic, offset,
					form.encode(topic, offset, eventKeyField, event).message(), form, null));
		return new Delivery(message, this.transport.broker());
	}

	/**
	 * Register the writer schema of raw Kafka records, under the id their frames carry (the id another service's
	 * registry gave it). Events this application sends or {@link #deliver delivers} register their own.
	 * @param id the schema id
	 * @param schemaJson the schema
	 */
	public void registerSchema(int id, String schemaJson) {
		this.transport.schemas().put(id, AvroEventCodec.parseSchema(schemaJson));
	}

	/**
	 * Start a raw Kafka record, as a Python service's producer writes it: headers, Confluent-framed key and value.
	 * @param topic the full topic name
	 * @return the record builder
	 */
	public KafkaRecord kafkaRecord(String topic) {
		return new KafkaRecord(Objects.requireNonNull(topic, "topic must not be null"));
	}

	/**
	 * Start a raw Redis stream entry, as a Python service's producer writes it: the fields in order.
	 * @param stream the full stream name
	 * @return the entry builder
	 */
	public RedisEntry redisEntry(String stream) {
		return new RedisEntry(Objects.requireNonNull(stream, "stream must not be null"));
	}

	/**
	 * The application's in-memory workers, for a failure message or a check of their state.
	 * @return the status of each
	 */
	public List<ConsumerStatus> workers() {
		return this.transport.broker().workers().stream().map(ConsumerWorker::status).toList();
	}

	/**
	 * A raw Kafka record to deliver.
	 */
	public final class KafkaRecord {

		private final String topic;

		private final RecordHeaders headers = new RecordHeaders();

		private byte @Nullable [] key;

		private byte @Nullable [] value;

		private KafkaRecord(String topic) {
			this.topic = topic;
		}

		/**
		 * Add a header with a UTF-8 text value.
		 * @param name the header name
		 * @param value the text
		 * @return this builder
		 */
		public KafkaRecord header(String name, String value) {
			return header(name, value.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * Add a header with raw bytes.
		 * @param name the header name
		 * @param value the bytes
		 * @return this builder
		 */
		public KafkaRecord header(String name, byte[] value) {
			this.headers.add(name, value);
			return this;
		}

		/**
		 * The key bytes (a Confluent-framed Avro primitive on the Open edX bus).
		 * @param key the bytes, or {@code null}
		 * @return this builder
		 */
		public KafkaRecord key(byte @Nullable [] key) {
			this.key = key;
			return this;
		}

		/**
		 * The value bytes: magic byte, 4-byte schema id, Avro binary.
		 * @param value the bytes, or {@code null}
		 * @return this builder
		 */
		public KafkaRecord value(byte @Nullable [] value) {
			this.value = value;
			return this;
		}

		/**
		 * Put the record on its topic.
		 * @return the delivery, to wait for its outcome
		 */
		public Delivery deliver() {
			WireFormat form = InboundEvents.this.transport.kafkaForm();
			InMemoryMessage message = InboundEvents.this.transport.broker()
				.append(this.topic, (offset) -> new InMemoryMessage(this.topic, offset,
						KafkaWireFormat.message(this.topic, offset, this.headers, this.key, this.value), form, null));
			return new Delivery(message, InboundEvents.this.transport.broker());
		}

	}

	/**
	 * A raw Redis stream entry to deliver.
	 */
	public final class RedisEntry {

		private final String stream;

		private final List<Map.Entry<byte[], byte[]>> fields = new ArrayList<>();

		private RedisEntry(String stream) {
			this.stream = stream;
		}

		/**
		 * Add a field with a UTF-8 text value.
		 * @param name the field name
		 * @param value the text
		 * @return this builder
		 */
		public RedisEntry field(String name, String value) {
			return field(name, value.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * Add a field with raw bytes ({@code event_data} is the unframed Avro binary).
		 * @param name the field name
		 * @param value the bytes
		 * @return this builder
		 */
		public RedisEntry field(String name, byte[] value) {
			this.fields.add(Map.entry(name.getBytes(StandardCharsets.UTF_8), value));
			return this;
		}

		/**
		 * Put the entry on its stream.
		 * @return the delivery, to wait for its outcome
		 */
		public Delivery deliver() {
			WireFormat form = InboundEvents.this.transport.redisForm();
			InMemoryMessage message = InboundEvents.this.transport.broker()
				.append(this.stream, (offset) -> new InMemoryMessage(this.stream, offset,
						RedisWireFormat.message(this.stream, offset, this.fields), form, null));
			return new Delivery(message, InboundEvents.this.transport.broker());
		}

	}

}
