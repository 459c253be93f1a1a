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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.observation.EventBusObservation;
import dev.openedx.eventbus.observation.EventBusSendContext;
import dev.openedx.eventbus.observation.EventBusSendObservationConvention;
import dev.openedx.eventbus.observation.SendObservationSupport;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Sends events to Redis streams exactly as edx-event-bus-redis does: one
 * {@code XADD <prefix-topic> MAXLEN ~ <n> * type .. id .. source .. time .. minorversion .. sourcehost .. sourcelib ..
 * event_data <avro>} per event, the eight fields in that order, metadata as UTF-8 text and {@code event_data} as the
 * plain Avro binary of the codec (no framing, no schema id).
 * <p>
 * Sending does not block the caller: the command is pipelined on the connection factory's shared Lettuce
 * connection and the returned future completes when Redis answered, with the entry id as
 * {@link SendReceipt#position()}. Every failure (encoding, connection, server error) completes the future
 * exceptionally and is logged with the stream, event type and id; nothing is swallowed. The future completes on the
 * Redis client's I/O thread, so callbacks must not block (use the {@code ...Async} variants to hop off it).
 * <pre class="code">
 * EventBusProducer producer = new RedisEventBusProducer(connectionFactory, new AvroEventCodec(),
 *         RedisProducerSettings.defaults());
 * producer.send("stage-user-login", null, SessionEvents.SESSION_LOGIN_COMPLETED.event(data)).join();
 * </pre>
 * The stream is written to as named (the routing table applies the topic prefix) and the event's metadata is taken
 * as given. The {@code eventKeyField} is accepted and ignored, as in Python: streams have no key or partition.
 * <p>
 * Needs a Lettuce connection factory (spring-data-redis has no non-blocking stream API for other clients).
 *
 * @since 0.1.0
 */
public final class RedisEventBusProducer implements EventBusProducer, SendObservationSupport {

	private static final LogAccessor logger = new LogAccessor(RedisEventBusProducer.class);

	private static final String TRANSPORT = "redis";

	private final RedisConnectionFactory connectionFactory;

	private final EventCodec codec;

	private final RedisProducerSettings settings;

	// Read-only after construction; Lettuce only reads it when building each command.
	private final XAddArgs xaddArgs;

	private final Map<String, Stream> streams = new ConcurrentHashMap<>();

	private final Map<String, byte[]> typeValues = new ConcurrentHashMap<>();

	private volatile OriginValues originValues = OriginValues.NONE;

	private volatile ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private volatile @Nullable EventBusSendObservationConvention observationConvention;

	/**
	 * Create a producer.
	 * @param connectionFactory a Lettuce connection factory, for example Spring Boot's; must not be {@code null}
	 * @param codec the event codec, normally {@code AvroEventCodec}; must not be {@code null}
	 * @param settings the settings; must not be {@code null}
	 */
	public RedisEventBusProducer(RedisConnectionFactory connectionFactory, EventCodec codec,
			RedisProducerSettings settings) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.xaddArgs = new XAddArgs().maxlen(settings.streamMaxLength()).approximateTrimming();
	}

	public RedisProducerSettings settings() {
		return this.settings;
	}

	@Override
	public CompletableFuture<SendReceipt> send(String topic, @Nullable String eventKeyField, OpenEdxEvent<?> event) {
		Objects.requireNonNull(topic, "topic must not be null");
		Objects.requireNonNull(event, "event must not be null");
		Stream stream = this.streams.computeIfAbsent(topic,
				(name) -> new Stream(name));
		EventsMetadata metadata = event.metadata();
		Object[] fields;
		try {
			fields = fields(metadata, encode(event));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(failure(stream, metadata, ex));
		}
		CompletableFuture<SendReceipt> result = new CompletableFuture<>();
		Observation observation = Observation.NOOP;
		RedisConnection connection = null;
		try {
			observation = EventBusObservation.startSend(this.observationRegistry, this.observationConvention,
					TRANSPORT, stream.name(), event);
			fields = withPropagatedFields(fields, observation);
			connection = this.connectionFactory.getConnection();
			RedisConnection used = connection;
			Observation sending = observation;
			streamCommands(connection).xadd(stream.key(), this.xaddArgs, fields).whenComplete((entryId, error) -> {
				used.close();
				if (error != null) {
					sending.error(error);
					sending.stop();
					result.completeExceptionally(failure(stream, metadata, error));
					return;
				}
				sending.stop();
				logger.debug(() -> "Sent " + metadata.eventType() + " id=" + metadata.id() + " to Redis stream "
						+ stream.name() + "@" + entryId);
				result.complete(new SendReceipt(TRANSPORT, stream.name(), entryId, metadata.id()));
			});
		}
		catch (RuntimeException ex) {
			if (connection != null) {
				connection.close();
			}
			observation.error(ex);
			observation.stop();
			result.completeExceptionally(failure(stream, metadata, ex));
		}
		return result;
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
	 * What tracing propagates (a {@code traceparent}) goes after the eight fields of the wire format, which Python
	 * consumers look up by name and so ignore; without tracing the fields are left exactly as they are.
	 */
	private static Object[] withPropagatedFields(Object[] fields, Observation observation) {
		if (observation.isNoop() || !(observation.getContext() instanceof EventBusSendContext context)
				|| context.getPropagatedEntries().isEmpty()) {
			return fields;
		}
		Map<String, String> entries = context.getPropagatedEntries();
		Object[] extended = Arrays.copyOf(fields, fields.length + entries.size() * 2);
		int index = fields.length;
		for (Map.Entry<String, String> entry : entries.entrySet()) {
			extended[index++] = StreamFields.utf8(entry.getKey());
			extended[index++] = StreamFields.utf8(entry.getValue());
		}
		return extended;
	}

	private <D> byte[] encode(OpenEdxEvent<D> event) {
		return this.codec.encode(event.type(), event.data());
	}

	private Object[] fields(EventsMetadata metadata, byte[] eventData) {
		OriginValues origin = originValues(metadata);
		Object[] fields = new Object[StreamFields.count() * 2];
		set(fields, StreamFields.TYPE_INDEX, typeValue(metadata.eventType()));
		set(fields, StreamFields.ID_INDEX, StreamFields.ascii(metadata.id().toString()));
		set(fields, StreamFields.SOURCE_INDEX, origin.source());
		set(fields, StreamFields.TIME_INDEX, StreamFields.ascii(metadata.timeText()));
		set(fields, StreamFields.MINOR_VERSION_INDEX, StreamFields.ascii(Integer.toString(metadata.minorVersion())));
		set(fields, StreamFields.SOURCE_HOST_INDEX, origin.sourceHost());
		set(fields, StreamFields.SOURCE_LIB_INDEX, origin.sourceLib());
		set(fields, StreamFields.EVENT_DATA_INDEX, eventData);
		return fields;
	}

	private static void set(Object[] fields, int index, byte[] value) {
		fields[index * 2] = StreamFields.name(index);
		fields[index * 2 + 1] = value;
	}

	private byte[] typeValue(String eventType) {
		return this.typeValues.computeIfAbsent(eventType, StreamFields::utf8);
	}

	// A service stamps all its events with one origin, so the text of these three fields is encoded once.
	private OriginValues originValues(EventsMetadata metadata) {
		OriginValues cached = this.originValues;
		if (cached.matches(metadata)) {
			return cached;
		}
		OriginValues fresh = new OriginValues(metadata.source(), metadata.sourceHost(), metadata.sourceLib(),
				StreamFields.utf8(metadata.source()), StreamFields.utf8(metadata.sourceHost()),
				StreamFields.utf8(metadata.sourceLibText()));
		this.originValues = fresh;
		return fresh;
	}

	@SuppressWarnings("unchecked")
	private static RedisStreamAsyncCommands<byte[], byte[]> streamCommands(RedisConnection connection) {
		Object nativeConnection = connection.getNativeConnection();
		if (nativeConnection instanceof RedisStreamAsyncCommands<?, ?> commands) {
			return (RedisStreamAsyncCommands<byte[], byte[]>) commands;
		}
		throw new IllegalStateException("RedisEventBusProducer needs a Lettuce connection factory "
				+ "(spring.data.redis.client-type=lettuce); the native connection is "
				+ nativeConnection.getClass().getName());
	}

	private static Throwable failure(Stream stream, EventsMetadata metadata, Throwable error) {
		Throwable cause = unwrap(error);
		logger.error(cause, () -> "Could not send event " + metadata.eventType() + " id=" + metadata.id()
				+ " to Redis stream " + stream.name() + ": " + cause);
		// Codec exceptions already name the event type and field; transport ones get the coordinates added.
		return (cause instanceof EventBusException) ? cause
				: new EventBusException("Could not send event " + metadata.eventType() + " id=" + metadata.id()
						+ " to Redis stream " + stream.name() + ": " + cause, cause);
	}

	private static Throwable unwrap(Throwable error) {
		Throwable current = error;
		while (current instanceof CompletionException && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private record Stream(String name, byte[] key) {

		Stream(String name) {
			this(name, StreamFields.utf8(name));
		}

	}

	private record OriginValues(@Nullable String sourceText, @Nullable String sourceHostText,
			@Nullable List<Integer> sourceLibParts, byte[] source, byte[] sourceHost, byte[] sourceLib) {

		static final OriginValues NONE = new OriginValues(null, null, null, new byte[0], new byte[0], new byte[0]);

		boolean matches(EventsMetadata metadata) {
			return metadata.source().equals(this.sourceText) && metadata.sourceHost().equals(this.sourceHostText)
					&& metadata.sourceLib().equals(this.sourceLibParts);
		}

	}

}
