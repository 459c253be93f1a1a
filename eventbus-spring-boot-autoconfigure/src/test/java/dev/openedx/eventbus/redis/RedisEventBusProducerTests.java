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

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.event.EventBusException;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.event.TopicNames;
import dev.openedx.eventbus.redis.RedisTestSupport.RawEntry;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisEventBusProducerTests {

	private static final List<String> WIRE_ORDER = List.of("type", "id", "source", "time", "minorversion",
			"sourcehost", "sourcelib", "event_data");

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	private final EventCodec codec = TestEvents.codec();

	@LocalRedis
	private RedisTestSupport redis;

	@Test
	void writesTheEightFieldsInWireOrderWithPythonTextEncodings() throws Exception {
		String stream = this.redis.uniqueStream("order");
		UUID id = UUID.fromString("01b4cdfa-63fb-585d-a74e-56d8adb2d62f");
		EventsMetadata metadata = EventsMetadata.builder(TestEvents.PING)
			.id(id)
			.source("openedx/lms/web")
			.sourceHost("edx.devstack.lms")
			.time(Instant.parse("2026-01-02T03:04:05.678901Z"))
			.sourceLib(List.of(11, 2, 0))
			.build();
		OpenEdxEvent<TestEvents.Ping> event = TestEvents.ping(7, metadata);

		producer(RedisProducerSettings.defaults()).send(stream, null, event).get(10, TimeUnit.SECONDS);

		List<RawEntry> entries = this.redis.rawXrange(stream);
		assertThat(entries).hasSize(1);
		RawEntry entry = entries.get(0);
		assertThat(entry.names()).containsExactlyElementsOf(WIRE_ORDER);
		assertThat(entry.text("type")).isEqualTo("org.openedx.test.redis.ping.v1");
		assertThat(entry.text("id")).isEqualTo("01b4cdfa-63fb-585d-a74e-56d8adb2d62f");
		assertThat(entry.text("source")).isEqualTo("openedx/lms/web");
		assertThat(entry.text("time")).isEqualTo("2026-01-02T03:04:05.678901+00:00");
		assertThat(entry.text("minorversion")).isEqualTo("0");
		assertThat(entry.text("sourcehost")).isEqualTo("edx.devstack.lms");
		assertThat(entry.text("sourcelib")).isEqualTo("11.2.0");
		assertThat(entry.value("event_data")).isEqualTo(this.codec.encode(TestEvents.PING, event.data()));
	}

	@Test
	void writesTimesWithoutMicrosecondsAsPythonDoes() throws Exception {
		String stream = this.redis.uniqueStream("time");
		EventsMetadata metadata = EventsMetadata.builder(TestEvents.PING)
			.time(Instant.parse("2026-01-05T00:00:00Z"))
			.build();

		producer(RedisProducerSettings.defaults()).send(stream, null, TestEvents.ping(1, metadata))
			.get(10, TimeUnit.SECONDS);

		assertThat(this.redis.rawXrange(stream).get(0).text("time")).isEqualTo("2026-01-05T00:00:00+00:00");
	}

	@Test
	void sendsToThePrefixedStreamAndReportsTheEntryIdAndEventId() throws Exception {
		String topic = "topic-" + UUID.randomUUID();
		String stream = "stage-" + topic;
		this.redis.deleteOnClose(stream);
		OpenEdxEvent<TestEvents.Ping> event = TestEvents.ping(1);

		SendReceipt receipt = producer(RedisProducerSettings.defaults())
			.send(TopicNames.fullName("stage", topic), "ping.name", event)
			.get(10, TimeUnit.SECONDS);

		List<RawEntry> entries = this.redis.rawXrange(stream);
		assertThat(entries).hasSize(1);
		assertThat(receipt.transport()).isEqualTo("redis");
		assertThat(receipt.destination()).isEqualTo(stream);
		assertThat(receipt.position()).isEqualTo(entries.get(0).id());
		assertThat(receipt.eventId()).isEqualTo(event.metadata().id());
		assertThat(entries.get(0).text("id")).isEqualTo(event.metadata().id().toString());
	}

	@Test
	void writesTheOriginTheEventWasStampedWith() throws Exception {
		String stream = this.redis.uniqueStream("origin");
		EventOrigin origin = new EventOrigin("openedx/discovery/web", "discovery-host-1", List.of(11, 2, 0));
		OpenEdxEvent<TestEvents.Ping> event = TestEvents.ping(1);
		event.metadata(origin);

		producer(RedisProducerSettings.defaults()).send(stream, null, event)
			.get(10, TimeUnit.SECONDS);

		RawEntry entry = this.redis.rawXrange(stream).get(0);
		assertThat(entry.text("source")).isEqualTo("openedx/discovery/web");
		assertThat(entry.text("sourcehost")).isEqualTo("discovery-host-1");
		assertThat(event.metadata().source()).isEqualTo("openedx/discovery/web");
	}

	@Test
	void trimsTheStreamApproximatelyToTheMaximumLength() throws Exception {
		String stream = this.redis.uniqueStream("maxlen");
		RedisEventBusProducer producer = producer(RedisProducerSettings.defaults().withStreamMaxLength(100));
		List<CompletableFuture<SendReceipt>> sent = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			sent.add(producer.send(stream, null, TestEvents.ping(i)));
		}
		CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

		// MAXLEN ~ trims whole stream nodes (100 entries each by default), so the length lands between 100 and 200.
		assertThat(this.redis.xlen(stream)).isBetween(100L, 200L);
	}

	@Test
	void worksWithAFactoryThatDoesNotShareItsNativeConnection() throws Exception {
		String stream = this.redis.uniqueStream("dedicated");
		LettuceConnectionFactory dedicated = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisTestSupport.HOST, this.redis.port()));
		dedicated.setShareNativeConnection(false);
		dedicated.afterPropertiesSet();
		dedicated.start();
		try {
			RedisEventBusProducer producer = new RedisEventBusProducer(dedicated, this.codec,
					RedisProducerSettings.defaults());
			List<CompletableFuture<SendReceipt>> sent = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				sent.add(producer.send(stream, null, TestEvents.ping(i)));
			}
			CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
		}
		finally {
			dedicated.destroy();
		}

		assertThat(this.redis.xlen(stream)).isEqualTo(50);
	}

	@Test
	void completesExceptionallyWithTheCodecErrorWhenTheDataCannotBeEncoded() {
		String stream = this.redis.uniqueStream("encode");
		EventCodec failing = new EventCodec() {

			@Override
			public <D> byte[] encode(EventType<D> type, D data) {
				throw new EventEncodingException(type.type(), "ping.name: required field is null");
			}

			@Override
			public <D> D decode(EventType<D> type, byte[] bytes) {
				throw new UnsupportedOperationException();
			}

		};
		RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, failing,
				RedisProducerSettings.defaults());

		CompletableFuture<SendReceipt> result = producer.send(stream, null, TestEvents.ping(1));

		assertThat(result).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(EventEncodingException.class)
			.withMessageContaining("ping.name");
		assertThat(this.redis.xlen(stream)).isZero();
	}

	@Test
	void completesExceptionallyNamingStreamTypeAndIdWhenTheServerRejectsTheCommand() {
		String stream = this.redis.uniqueStream("wrongtype");
		this.redis.raw().set(RedisTestSupport.bytes(stream), RedisTestSupport.bytes("not a stream"));
		OpenEdxEvent<TestEvents.Ping> event = TestEvents.ping(1);

		CompletableFuture<SendReceipt> result = producer(RedisProducerSettings.defaults()).send(stream, null, event);

		assertThat(result).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(EventBusException.class)
			.withMessageContaining(stream)
			.withMessageContaining(TestEvents.PING.type())
			.withMessageContaining(event.metadata().id().toString())
			.withMessageContaining("WRONGTYPE");
	}

	@Test
	void completesExceptionallyWhenRedisIsUnreachable() throws IOException {
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisTestSupport.HOST, freePort()),
				LettuceClientConfiguration.builder().commandTimeout(java.time.Duration.ofSeconds(2)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		try {
			RedisEventBusProducer producer = new RedisEventBusProducer(unreachable, this.codec,
					RedisProducerSettings.defaults());

			CompletableFuture<SendReceipt> result = producer.send("nowhere", null, TestEvents.ping(1));

			assertThat(result).failsWithin(10, TimeUnit.SECONDS)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(EventBusException.class)
				.withMessageContaining("Redis stream nowhere");
		}
		finally {
			unreachable.destroy();
		}
	}

	@Test
	void completesExceptionallyWhenTheConnectionFactoryIsNotLettuce() {
		RedisEventBusProducer producer = new RedisEventBusProducer(new NonLettuceConnectionFactory(connectionFactory),
				this.codec, RedisProducerSettings.defaults());

		assertThat(producer.send(this.redis.uniqueStream("jedis"), null, TestEvents.ping(1)))
			.failsWithin(10, TimeUnit.SECONDS)
			.withThrowableOfType(ExecutionException.class)
			.withMessageContaining("needs a Lettuce connection factory");
	}

	@Test
	void refusesAStreamMaxLengthBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisProducerSettings.defaults().withStreamMaxLength(0))
			.withMessageContaining("streamMaxLength must be at least 1");
	}

	private RedisEventBusProducer producer(RedisProducerSettings settings) {
		return new RedisEventBusProducer(connectionFactory, this.codec, settings);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
