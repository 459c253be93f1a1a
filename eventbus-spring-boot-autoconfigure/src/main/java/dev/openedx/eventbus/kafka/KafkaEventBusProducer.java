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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventKeyField;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
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
 * <p>
 * {@code send} never blocks its caller on the network: registering a route's schemas and waiting for a topic's metadata
 * happen on a hand-over thread of the topic, in send order, within {@code maxBlock}; the first event of a topic is
 * acknowledged before the ones behind it are handed over (a topic just auto-created can otherwise stall an idempotent
 * producer's bulk sends); once a topic is ready, sends go straight to the Kafka client's buffer (which blocks only when
 * the buffer is full, the client's back-pressure, up to {@code max.block.ms}, by default {@code maxBlock}). An event
 * not handed over within {@code maxBlock} fails its future with a {@link KafkaSendException} saying what it waited for.
 * A failed schema registration is remembered and retried with exponential backoff (1 second doubling to a minute)
 * rather than on every send. {@link #prepare} registers the schemas of the configured routes at startup, after checking
 * them against the registry's latest ({@link SchemaWireCheck}).
 *
 * @since 0.1.0
 */
public final class KafkaEventBusProducer implements EventBusProducer, SendObservationSupport, AutoCloseable {

	private static final LogAccessor logger = new LogAccessor(KafkaEventBusProducer.class);

	private static final String TRANSPORT = "kafka";

	/** How long an event may wait to be handed over by default ({@code eventbus.producer.max-block}). */
	public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(10);

	/**
	 * The event bus's {@code linger.ms} unless one is configured ({@code spring.kafka.producer.properties.linger.ms}).
	 * Kafka 4's default of 5 ms puts every event of a quiet service 5 ms late; with 0 an event leaves at once, and at
	 * high rates events still batch while earlier requests are in flight (up to 5 per connection), so bulk throughput
	 * stays that of the client. Measured in docs/benchmarks.md ("Linger").
	 * @since 0.2.0
	 */
	public static final int DEFAULT_LINGER_MS = 0;

	private static final Duration REGISTRATION_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_REGISTRATION_BACKOFF = Duration.ofMinutes(1);

	private static final ExecutorService HAND_OVER_THREADS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "eventbus-kafka-hand-over");
		thread.setDaemon(true);
		return thread;
	});

	private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "eventbus-kafka-hand-over-timer");
		thread.setDaemon(true);
		return thread;
	});

	private final ProducerFactory<byte[], byte[]> producerFactory;

	private final Producer<byte[], byte[]> producer;

	private final SchemaRegistryClient registry;

	private final AvroEventCodec codec;

	private final Map<RouteKey, Route> routes = new ConcurrentHashMap<>();

	private final Map<String, HandOver> handOvers = new ConcurrentHashMap<>();

	private final Duration maxBlock;

	private final SchemaWireCheck wireCheck;

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
		this(producerFactory, registry, codec, DEFAULT_MAX_BLOCK);
	}

	/**
	 * Create a producer from a Spring Kafka producer factory, as {@link #KafkaEventBusProducer(ProducerFactory,
	 * SchemaRegistryClient, AvroEventCodec)}, handing events over within {@code maxBlock}
	 * ({@code eventbus.producer.max-block}); the client's {@code max.block.ms} defaults to it too.
	 * @param producerFactory the factory to copy
	 * @param registry the schema registry client
	 * @param codec the Avro codec
	 * @param maxBlock how long an event may wait for its schemas and its topic's metadata
	 */
	public KafkaEventBusProducer(ProducerFactory<byte[], byte[]> producerFactory, SchemaRegistryClient registry,
			AvroEventCodec codec, Duration maxBlock) {
		this(producerFactory, false, registry, codec, maxBlock);
	}

	private KafkaEventBusProducer(ProducerFactory<byte[], byte[]> factory, boolean ownFactory,
			SchemaRegistryClient registry, AvroEventCodec codec, Duration maxBlock) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.maxBlock = Objects.requireNonNull(maxBlock, "maxBlock must not be null");
		this.wireCheck = new SchemaWireCheck(registry);
		this.producerFactory = ownFactory ? factory : ProducerFactories.enforce(factory, maxBlock);
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
		return create(clientConfig, registry, codec, DEFAULT_MAX_BLOCK);
	}

	/**
	 * Create a producer from plain Kafka client settings, handing events over within {@code maxBlock}.
	 * @param clientConfig the Kafka producer settings
	 * @param registry the schema registry client
	 * @param codec the Avro codec
	 * @param maxBlock how long an event may wait for its schemas and its topic's metadata
	 * @return the producer, to close when done
	 */
	public static KafkaEventBusProducer create(Map<String, Object> clientConfig, SchemaRegistryClient registry,
			AvroEventCodec codec, Duration maxBlock) {
		return new KafkaEventBusProducer(ProducerFactories.create(clientConfig, maxBlock), true, registry, codec,
				maxBlock);
	}

	/**
	 * Check the schemas of routes against the registry's latest ones and register them now, so that the first event
	 * of each does not wait for the registry (what the auto-configuration does at startup for every configured
	 * route). A registry that cannot be reached is logged and left for the first send.
	 * @param routes the routes: topic (prefix applied), key field and event type of each
	 * @throws IncompatibleSchemaException when the registry would refuse a route's schema, naming the differences
	 */
	public void prepare(List<RouteSpec> routes) {
		for (RouteSpec spec : routes) {
			Route route = route(spec.eventType(), spec.eventKeyField(), spec.topic());
			try {
				this.wireCheck.check(route.valueSubject, this.codec.schema(spec.eventType()),
						"event type " + spec.eventType().type() + " on topic " + spec.topic());
				route.register();
			}
			catch (IncompatibleSchemaException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				logger.warn(() -> "Could not register the schemas of " + spec.eventType().type() + " for topic "
						+ spec.topic() + " at startup (" + ex.getMessage() + "); the first send tries again");
			}
		}
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
			HandOver handOver = this.handOvers.computeIfAbsent(topic, HandOver::new);
			EventsMetadata sentMetadata = metadata;
			// Started here, on the caller's thread, so the send belongs to the caller's trace.
			Observation observation = EventBusObservation.startSend(this.observationRegistry,
					this.observationConvention, TRANSPORT, topic, event);
			if (route.registered && handOver.direct()) {
				sendNow(route, event, sentMetadata, eventKeyField, result, handOver, observation);
			}
			else {
				handOver.enqueue(route, event, sentMetadata, eventKeyField, result, observation);
			}
		}
		catch (RuntimeException ex) {
			fail(result, topic, (event != null) ? event.type() : null, metadata, eventKeyField, ex);
		}
		return result;
	}

	/** Build the record and give it to the Kafka client, on the caller's thread or the topic's hand-over thread. */
	private void sendNow(Route route, OpenEdxEvent<?> event, EventsMetadata metadata, String eventKeyField,
			CompletableFuture<SendReceipt> result, HandOver handOver, Observation observation) {
		ProducerRecord<byte[], byte[]> record;
		try {
			record = route.record(event, metadata);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		String topic = route.topic;
		addPropagatedHeaders(record, observation);
		try {
			send(record, observation, (sent, exception) -> {
				if (exception != null) {
					observation.error(exception);
					observation.stop();
					handOver.failed();
					fail(result, topic, event.type(), metadata, eventKeyField, exception);
				}
				else {
					observation.stop();
					result.complete(receipt(sent, metadata));
					if (logger.isDebugEnabled()) {
						logger.debug("Sent event " + metadata.eventType() + " id=" + metadata.id() + " to "
								+ sent.topic() + "-" + sent.partition() + "@" + sent.offset());
					}
				}
			});
			handOver.handedOver();
		}
		catch (RuntimeException ex) {
			handOver.failed();
			throw ex;
		}
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
	 * What tracing propagates (a {@code traceparent}) becomes extra headers after the ten of the wire format, which
	 * Python consumers ignore. Without tracing nothing is added.
	 */
	private static void addPropagatedHeaders(ProducerRecord<byte[], byte[]> record, Observation observation) {
		if (!observation.isNoop() && observation.getContext() instanceof EventBusSendContext context) {
			context.getPropagatedEntries()
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

	/**
	 * The settings of the Kafka client this producer sends with: the factory's, with what the event bus enforces
	 * ({@code acks=all}, idempotence, serializers) and its defaults ({@code linger.ms}, partitioner) where none was
	 * set.
	 * @return an unmodifiable view, never {@code null}
	 * @since 0.2.0
	 */
	public Map<String, Object> clientConfiguration() {
		return Collections.unmodifiableMap(this.producerFactory.getConfigurationProperties());
	}

	/**
	 * Send everything buffered now and wait until the broker acknowledged it (or it failed), including the events
	 * still waiting on a topic's hand-over lane.
	 */
	public void flush() {
		for (HandOver handOver : this.handOvers.values()) {
			handOver.awaitIdle();
		}
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
		this.handOvers.values().forEach(HandOver::close);
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
		if (result.isDone()) {
			return;
		}
		String description = "event " + ((type != null) ? type.type() : "(none)") + " id="
				+ ((metadata != null) ? metadata.id() : "(none)") + " to Kafka topic " + topic + " (key field "
				+ eventKeyField + ")";
		logger.error(cause, () -> "Could not send " + description + ": " + cause);
		result.completeExceptionally(new KafkaSendException("Could not send " + description + ": " + cause, cause));
	}

	private record RouteKey(EventType<?> type, String eventKeyField, String topic) {
	}

	/**
	 * A route to prepare at startup.
	 *
	 * @param topic the topic, prefix applied
	 * @param eventKeyField the key field
	 * @param eventType the event type
	 */
	public record RouteSpec(String topic, String eventKeyField, EventType<?> eventType) {
	}

	/**
	 * The hand-over lane of one topic: sends that may wait (for schemas, for the topic's metadata) run here one at a
	 * time, in send order, so the caller never waits and events of one topic keep their order. A small serial
	 * executor over a shared daemon pool, hand-written because the JDK has none; once the topic is ready and the
	 * lane empty, sends bypass it.
	 */
	private final class HandOver {

		// Metadata of a topic not sent to for metadata.max.idle.ms (5 minutes) is dropped by the client: refresh it
		// on the lane before that.
		private static final long IDLE_MILLIS = Duration.ofMinutes(2).toMillis();

		private final String topic;

		private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

		private boolean draining;

		private volatile boolean ready;

		private volatile long lastHandOver;

		HandOver(String topic) {
			this.topic = topic;
		}

		synchronized boolean direct() {
			return this.ready && !this.draining && this.tasks.isEmpty()
					&& System.currentTimeMillis() - this.lastHandOver < IDLE_MILLIS;
		}

		void handedOver() {
			this.lastHandOver = System.currentTimeMillis();
			this.ready = true;
		}

		void failed() {
			this.ready = false;
		}

		void enqueue(Route route, OpenEdxEvent<?> event, EventsMetadata metadata, String eventKeyField,
				CompletableFuture<SendReceipt> result, Observation observation) {
			ScheduledFuture<?> timeout = TIMERS.schedule(() -> {
				if (!result.isDone()) {
					fail(result, this.topic, event.type(), metadata, eventKeyField, new TimeoutException("not handed "
							+ "over to the Kafka client within " + KafkaEventBusProducer.this.maxBlock
							+ " (eventbus.producer.max-block): " + (route.registered ? "waiting for the metadata of "
									+ "topic " + this.topic : "waiting for the schema registry")));
				}
			}, KafkaEventBusProducer.this.maxBlock.toMillis(), TimeUnit.MILLISECONDS);
			Runnable task = () -> {
				boolean handedOver = false;
				try {
					if (KafkaEventBusProducer.this.closed && !result.isDone()) {
						throw new IllegalStateException("The producer is closed");
					}
					if (!result.isDone()) {
						route.register();
						handedOver = true;
						boolean first = !this.ready;
						sendNow(route, event, metadata, eventKeyField, result, this, observation);
						if (first) {
							awaitAcknowledgement(result);
						}
					}
				}
				catch (RuntimeException ex) {
					fail(result, this.topic, event.type(), metadata, eventKeyField, ex);
				}
				finally {
					timeout.cancel(false);
					if (!handedOver) {
						// sendNow stops the observation once it has it; before that it ends here.
						observation.error(new IllegalStateException("not handed over"));
						observation.stop();
					}
				}
			};
			synchronized (this) {
				this.tasks.add(task);
				if (this.draining) {
					return;
				}
				this.draining = true;
			}
			HAND_OVER_THREADS.execute(this::drain);
		}

		private void drain() {
			while (true) {
				Runnable task;
				synchronized (this) {
					task = this.tasks.poll();
					if (task == null) {
						this.draining = false;
						return;
					}
				}
				task.run();
			}
		}

		/**
		 * The first event of a topic (or the first after a failure) is acknowledged before the events behind it go:
		 * a topic just created (auto-creation) answers its first batch with NOT_LEADER_OR_FOLLOWER, and with several
		 * batches in flight (linger.ms 0 or 1 in bulk) the broker can append later batches of the idempotent producer
		 * before the first one's retry, which it then refuses as out of order until delivery.timeout.ms ends (seen
		 * with Kafka 4.2). Bounded by half of max-block; the event's own future reports its outcome.
		 */
		private void awaitAcknowledgement(CompletableFuture<SendReceipt> result) {
			try {
				result.get(KafkaEventBusProducer.this.maxBlock.toMillis() / 2, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				// Reported through the event's future; the events behind it go on.
			}
		}

		/** Wait until every task enqueued so far has run (bounded: each task is bounded by max-block). */
		void awaitIdle() {
			CompletableFuture<Void> idle = new CompletableFuture<>();
			synchronized (this) {
				if (!this.draining && this.tasks.isEmpty()) {
					return;
				}
				this.tasks.add(() -> idle.complete(null));
			}
			try {
				idle.get(KafkaEventBusProducer.this.maxBlock.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				logger.warn(() -> "Hand-over lane of topic " + this.topic + " did not drain: " + ex);
			}
		}

		void close() {
			List<Runnable> left;
			synchronized (this) {
				left = List.copyOf(this.tasks);
				this.tasks.clear();
			}
			// Each fails its future: the producer is closed.
			left.forEach(Runnable::run);
		}

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

		private @Nullable RuntimeException registrationFailure;

		private long registrationRetryAt;

		private long registrationBackoff;

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
			if (this.registered) {
				return;
			}
			long now = System.currentTimeMillis();
			RuntimeException previous = this.registrationFailure;
			if (previous != null && now < this.registrationRetryAt) {
				throw new SchemaRegistryException("Registering the schemas of subjects '" + this.keySubject
						+ "' and '" + this.valueSubject + "' failed " + (this.registrationBackoff / 1000.0)
						+ " s ago or less and is not retried before " + Instant.ofEpochMilli(this.registrationRetryAt)
						+ ": " + previous.getMessage(), previous);
			}
			try {
				this.keyId = KafkaEventBusProducer.this.registry.register(this.keySubject, this.key.schema());
				this.valueId = KafkaEventBusProducer.this.registry.register(this.valueSubject,
						KafkaEventBusProducer.this.codec.schema(this.type));
				this.registered = true;
				this.registrationFailure = null;
			}
			catch (RuntimeException ex) {
				this.registrationFailure = ex;
				this.registrationBackoff = (this.registrationBackoff == 0) ? REGISTRATION_BACKOFF.toMillis()
						: Math.min(this.registrationBackoff * 2, MAX_REGISTRATION_BACKOFF.toMillis());
				this.registrationRetryAt = now + this.registrationBackoff;
				throw ex;
			}
		}

	}

}
