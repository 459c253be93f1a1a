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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventKeyField;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.observation.DefaultEventBusSendObservationConvention;
import dev.openedx.eventbus.observation.EventBusObservation;
import dev.openedx.eventbus.observation.EventBusSendContext;
import dev.openedx.eventbus.observation.EventBusSendObservationConvention;
import dev.openedx.eventbus.observation.SendObservationSupport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Sends events to Kafka exactly as edx-event-bus-kafka does, so Python consumers read them and Python producers can
 * share the topic: key and value Confluent-framed Avro registered under the subjects {@code <topic>-<primitive>} and
 * {@code <topic>-<event type>.CloudEvent} (key first, once per process), the ten {@code ce_*} headers, the CRC-32
 * partitioner of librdkafka. Unlike the Python producer it never swallows a failure: the returned future completes
 * when every in-sync replica has the event ({@code acks=all}, idempotent), or exceptionally with a
 * {@link KafkaSendException} that names the topic, event type and id, which is also logged.
 * <pre class="code">
 * KafkaEventBusProducer producer = new KafkaEventBusProducer(producerFactory, registry, codec);
 * producer.send("stage-learning-course-enrollment-lifecycle", "enrollment.course.course_key", event)
 *         .thenAccept((receipt) -&gt; log.info("sent {}", receipt));
 * </pre>
 * The topic is sent to as given (the routing table applies the topic prefix), and the event's metadata is taken as
 * given: an event that has none is stamped with {@link dev.openedx.eventbus.event.EventOrigin#local()} defaults.
 * Futures complete on the Kafka client's I/O thread: chain only quick work on them, or use an {@code *Async} stage.
 *
 * @since 0.1.0
 */
public final class KafkaEventBusProducer implements EventBusProducer, SendObservationSupport, AutoCloseable {

	private static final LogAccessor logger = new LogAccessor(KafkaEventBusProducer.class);

	private static final String TRANSPORT = "kafka";

	private final ProducerFactory<byte[], byte[]> producerFactory;

	private final Producer<byte[], byte[]> producer;

	private final SchemaRegistryClient registry;

	private final AvroEventCodec codec;

	private final Map<RouteKey, Route> routes = new ConcurrentHashMap<>();

	private volatile boolean closed;

	private volatile ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private volatile @Nullable EventBusSendObservationConvention observationConvention;

	/**
	 * Create a producer from a Spring Kafka producer factory (for example Spring Boot's, configured with
	 * {@code spring.kafka.producer.*}). The factory is copied with {@code acks=all}, {@code enable.idempotence=true},
	 * byte-array serializers and, unless it names another, the {@link Crc32Partitioner}; the copy is closed with this
	 * producer, the original is left alone.
	 * @param producerFactory the factory to copy
	 * @param registry the schema registry client
	 * @param codec the Avro codec
	 */
	public KafkaEventBusProducer(ProducerFactory<byte[], byte[]> producerFactory, SchemaRegistryClient registry,
			AvroEventCodec codec) {
		this(producerFactory, false, registry, codec);
	}

	private KafkaEventBusProducer(ProducerFactory<byte[], byte[]> factory, boolean ownFactory,
			SchemaRegistryClient registry, AvroEventCodec codec) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.producerFactory = ownFactory ? factory : ProducerFactories.enforce(factory);
		this.producer = this.producerFactory.transactionCapable() ? this.producerFactory.createNonTransactionalProducer()
				: this.producerFactory.createProducer();
	}

	/**
	 * Create a producer from plain Kafka client settings (at least {@code bootstrap.servers}); the required settings
	 * are applied as with a factory.
	 * @param clientConfig the Kafka producer settings
	 * @param registry the schema registry client
	 * @param codec the Avro codec
	 * @return the producer, to close when done
	 */
	public static KafkaEventBusProducer create(Map<String, Object> clientConfig, SchemaRegistryClient registry,
			AvroEventCodec codec) {
		return new KafkaEventBusProducer(ProducerFactories.create(clientConfig), true, registry, codec);
	}

	@Override
	public CompletableFuture<SendReceipt> send(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		CompletableFuture<SendReceipt> result = new CompletableFuture<>();
		EventsMetadata metadata = null;
		try {
			Objects.requireNonNull(topic, "topic must not be null");
			Objects.requireNonNull(event, "event must not be null");
			metadata = event.metadata();
			if (this.closed) {
				throw new IllegalStateException("The producer is closed");
			}
			if (eventKeyField == null || eventKeyField.isEmpty()) {
				throw new IllegalArgumentException("Kafka needs an event key field (the dotted path of the message key"
						+ " in the event data, for example enrollment.course.course_key)");
			}
			Route route = route(event.type(), eventKeyField, topic);
			ProducerRecord<byte[], byte[]> record = route.record(event, metadata);
			String sentTopic = topic;
			EventsMetadata sentMetadata = metadata;
			Observation observation = startObservation(record, sentTopic, event);
			send(record, observation, (sent, exception) -> {
				if (exception != null) {
					observation.error(exception);
					observation.stop();
					fail(result, sentTopic, event.type(), sentMetadata, eventKeyField, exception);
				}
				else {
					observation.stop();
					result.complete(receipt(sent, sentMetadata));
					if (logger.isDebugEnabled()) {
						logger.debug("Sent event " + sentMetadata.eventType() + " id=" + sentMetadata.id() + " to "
								+ sent.topic() + "-" + sent.partition() + "@" + sent.offset());
					}
				}
			});
		}
		catch (RuntimeException ex) {
			fail(result, topic, (event != null) ? event.type() : null, metadata, eventKeyField, ex);
		}
		return result;
	}

	private void send(ProducerRecord<byte[], byte[]> record, Observation observation, Callback callback) {
		try {
			this.producer.send(record, callback);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
	}

	@Override
	public void setObservationRegistry(ObservationRegistry registry) {
		this.observationRegistry = Objects.requireNonNull(registry, "registry must not be null");
	}

	@Override
	public void setObservationConvention(@Nullable EventBusSendObservationConvention convention) {
		this.observationConvention = convention;
	}

	/**
	 * Observe the send when a registry is set; what tracing propagates (a {@code traceparent}) becomes extra headers
	 * after the ten of the wire format, which Python consumers ignore. Without tracing nothing is added.
	 */
	private Observation startObservation(ProducerRecord<byte[], byte[]> record, String topic, OpenEdxEvent<?> event) {
		Observation observation = EventBusObservation.SEND.observation(this.observationConvention,
				DefaultEventBusSendObservationConvention.INSTANCE,
				() -> new EventBusSendContext(TRANSPORT, topic, event), this.observationRegistry);
		if (observation.isNoop()) {
			return observation;
		}
		observation.start();
		if (observation.getContext() instanceof EventBusSendContext context) {
			context.getPropagatedEntries()
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		}
		return observation;
	}

	/**
	 * Send everything buffered now and wait until the broker acknowledged it (or it failed).
	 */
	public void flush() {
		this.producer.flush();
	}

	/**
	 * Flush, then close the Kafka producer this instance created. Sends after closing fail.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.producer.flush();
		}
		finally {
			this.producer.close();
			if (this.producerFactory instanceof DisposableBean disposable) {
				try {
					disposable.destroy();
				}
				catch (Exception ex) {
					logger.warn(ex, () -> "Could not close the Kafka producer cleanly");
				}
			}
		}
	}

	private Route route(EventType<?> type, String eventKeyField, String fullTopic) {
		RouteKey key = new RouteKey(type, eventKeyField, fullTopic);
		Route route = this.routes.get(key);
		if (route == null) {
			// Compiling the key path derives the schema: done once per route, and a failure is not cached.
			route = this.routes.computeIfAbsent(key, (k) -> new Route(type, this.codec.keyField(type, eventKeyField),
					fullTopic, this.codec.schema(type).getFullName()));
		}
		return route;
	}

	private static SendReceipt receipt(RecordMetadata sent, EventsMetadata metadata) {
		return new SendReceipt(TRANSPORT, sent.topic(), sent.partition() + "@" + sent.offset(), metadata.id());
	}

	private static void fail(CompletableFuture<SendReceipt> result, String topic, @Nullable EventType<?> type,
			@Nullable EventsMetadata metadata, @Nullable String eventKeyField, Throwable cause) {
		String description = "event " + ((type != null) ? type.type() : "(none)") + " id="
				+ ((metadata != null) ? metadata.id() : "(none)") + " to Kafka topic " + topic + " (key field "
				+ eventKeyField + ")";
		logger.error(cause, () -> "Could not send " + description + ": " + cause);
		result.completeExceptionally(new KafkaSendException("Could not send " + description + ": " + cause, cause));
	}

	private record RouteKey(EventType<?> type, String eventKeyField, String topic) {
	}

	/**
	 * Everything one (event type, key field, topic) needs, prepared once: the compiled key path, the subjects, the
	 * schema ids once registered.
	 */
	private final class Route {

		private final EventType<?> type;

		private final EventKeyField key;

		private final String topic;

		private final String keySubject;

		private final String valueSubject;

		private volatile boolean registered;

		private int keyId;

		private int valueId;

		Route(EventType<?> type, EventKeyField key, String topic, String recordName) {
			this.type = type;
			this.key = key;
			this.topic = topic;
			this.keySubject = topic + "-" + key.primitiveName();
			this.valueSubject = topic + "-" + recordName;
		}

		ProducerRecord<byte[], byte[]> record(OpenEdxEvent<?> event, EventsMetadata metadata) {
			if (!this.registered) {
				register();
			}
			Object data = event.data();
			byte[] keyBytes = ConfluentFraming.frame(this.keyId, this.key.encode(data));
			byte[] valueBytes = ConfluentFraming.frame(this.valueId, encode(event));
			return new ProducerRecord<>(this.topic, null, null, keyBytes, valueBytes, CloudEventHeaders.write(metadata));
		}

		private <D> byte[] encode(OpenEdxEvent<D> event) {
			return KafkaEventBusProducer.this.codec.encode(event.type(), event.data());
		}

		// Key first, then value: the order of the Python producer, which the vectors' schema ids reflect.
		private synchronized void register() {
			if (!this.registered) {
				this.keyId = KafkaEventBusProducer.this.registry.register(this.keySubject, this.key.schema());
				this.valueId = KafkaEventBusProducer.this.registry.register(this.valueSubject,
						KafkaEventBusProducer.this.codec.schema(this.type));
				this.registered = true;
			}
		}

	}

}
