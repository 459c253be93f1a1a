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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.testsupport.RedisServerProcess;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills and restarts a redis-server of its own under a running worker.
 */
class RedisEventBusConsumerRestartTests {

	private static final String STREAM = "restart-stream";

	private static final String GROUP = "restart-group";

	@Test
	void aWorkerRunningWhileRedisIsKilledAndRestartedReconnectsAndHandlesEveryEntry() throws Exception {
		try (RedisServerProcess server = RedisServerProcess.start()) {
			// Spring Boot's defaults: 60 s command timeout, Lettuce auto-reconnect.
			LettuceConnectionFactory connectionFactory = RedisTestSupport.connectionFactory(server.port());
			RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, TestEvents.codec(),
					RedisProducerSettings.defaults());
			RecordingDispatcher dispatcher = new RecordingDispatcher().slowedBy(2);
			RedisConsumerSettings defaults = RedisConsumerSettings.of(STREAM, GROUP).withConsumerName("c1");
			ConsumerSettings worker = defaults.worker().withPollTimeout(Duration.ofMillis(500))
				.withPollFailureSleep(Duration.ofMillis(200));
			RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory, defaults.withWorker(worker),
					TestEvents.CATALOG, TestEvents.codec(), EventOrigin.forService("restart"), dispatcher,
					new ConsumerObserver() {
					});
			try {
				consumer.start();
				send(producer, 0, 300);
				await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.distinct() >= 50);

				server.kill();
				Thread.sleep(500);
				server.restart();
				send(producer, 300, 100);

				await().atMost(Duration.ofSeconds(120)).until(() -> dispatcher.distinct() == 400);
				ConsumerStatus status = consumer.status();
				assertThat(status.state()).isEqualTo(ConsumerState.RUNNING);
				assertThat(status.failed()).isZero();
				try (RedisTestSupport redis = new RedisTestSupport(server.port())) {
					await().atMost(Duration.ofSeconds(30)).until(() -> redis.pendingCount(STREAM, GROUP) == 0);
					assertThat(redis.xlen(STREAM)).isEqualTo(400);
				}
			}
			finally {
				consumer.stop(Duration.ofSeconds(10));
				connectionFactory.destroy();
			}
		}
	}

	@Test
	void aReadOutlastingTheCommandTimeoutWhileRedisIsDownFailsAndIsRetriedInsteadOfHanging() throws Exception {
		try (RedisServerProcess server = RedisServerProcess.start()) {
			LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration(RedisTestSupport.HOST, server.port()),
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
			connectionFactory.afterPropertiesSet();
			connectionFactory.start();
			RedisEventBusProducer producer = new RedisEventBusProducer(connectionFactory, TestEvents.codec(),
					RedisProducerSettings.defaults());
			RecordingDispatcher dispatcher = new RecordingDispatcher();
			AtomicInteger pollFailures = new AtomicInteger();
			RedisConsumerSettings defaults = RedisConsumerSettings.of(STREAM, GROUP).withConsumerName("c1");
			ConsumerSettings worker = defaults.worker().withPollTimeout(Duration.ofMillis(500))
				.withPollFailureSleep(Duration.ofMillis(200));
			RedisEventBusConsumer consumer = new RedisEventBusConsumer(connectionFactory, defaults.withWorker(worker),
					TestEvents.CATALOG, TestEvents.codec(), EventOrigin.forService("restart"), dispatcher,
					new ConsumerObserver() {

						@Override
						public void pollFailed(ConsumerSettings settings, Throwable error) {
							pollFailures.incrementAndGet();
						}

					});
			try {
				consumer.start();
				send(producer, 0, 100);
				await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.distinct() == 100);

				server.kill();
				await().atMost(Duration.ofSeconds(30)).until(() -> pollFailures.get() >= 2);
				assertThat(consumer.status().state()).isEqualTo(ConsumerState.RUNNING);
				server.restart();
				send(producer, 100, 100);

				await().atMost(Duration.ofSeconds(120)).until(() -> dispatcher.distinct() == 200);
				assertThat(consumer.status().state()).isEqualTo(ConsumerState.RUNNING);
				try (RedisTestSupport redis = new RedisTestSupport(server.port())) {
					await().atMost(Duration.ofSeconds(30)).until(() -> redis.pendingCount(STREAM, GROUP) == 0);
				}
			}
			finally {
				consumer.stop(Duration.ofSeconds(10));
				connectionFactory.destroy();
			}
		}
	}

	private static void send(RedisEventBusProducer producer, long from, int count) {
		List<CompletableFuture<SendReceipt>> sent = new ArrayList<>(count);
		for (long sequence = from; sequence < from + count; sequence++) {
			sent.add(producer.send(STREAM, null, TestEvents.ping(sequence)));
		}
		sent.forEach((future) -> future.orTimeout(60, TimeUnit.SECONDS).join());
	}

}
