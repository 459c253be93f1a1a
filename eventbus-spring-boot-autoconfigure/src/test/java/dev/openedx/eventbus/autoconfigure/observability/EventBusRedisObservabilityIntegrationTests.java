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

package dev.openedx.eventbus.autoconfigure.observability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.BookListener;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import dev.openedx.eventbus.testsupport.RedisServerProcess;
import dev.openedx.eventbus.redis.RedisTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.counter;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.details;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.endpointJson;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.gauge;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics, health and the endpoint of an application on Redis Streams: the build's redis-server with stream names no
 * other test uses, and a redis-server of its own, with a password, that is killed and restarted.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventBusRedisObservabilityIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String PASSWORD = "Redis-Pa55-9c4e";

	private static ApplicationContextRunner service(String url, String stream, String group) {
		return ObservabilityContexts
			.withActuator(new ApplicationContextRunner().withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, EventBusRedisAutoConfiguration.class)))
			.withUserConfiguration(HangingListener.class)
			.withPropertyValues("spring.application.name=library", "eventbus.transport=redis",
					"spring.data.redis.url=" + url)
			.withPropertyValues(ObservabilityContexts.worker(stream, group));
	}

	@Test
	void pendingEntriesLagAndTrimRiskAreReportedAndClearWhenTheWorkerCatchesUp() {
		String stream = "eventbus-obs-" + UUID.randomUUID();
		String group = "library-" + UUID.randomUUID();
		service("redis://127.0.0.1:"
				+ RedisTestSupport.sharedPort(), stream, group).withPropertyValues("eventbus.redis.stream-max-len=150")
			.run((context) -> {
				try {
					assertThat(context).hasNotFailed();
					String[] where = { "transport", "redis", "topic", stream, "group", group };
					HangingListener hanging = context.getBean(HangingListener.class);
					publish(context, HangingListener.HANG);
					publish(context, "isbn-1");
					publish(context, "isbn-2");
					await().atMost(TIMEOUT).until(() -> gauge(context, "eventbus.consumer.pending", where) >= 1);
					assertThat(health(context, "eventbus", "workers", "books")).isEqualTo(Status.UP);
					assertThat(details(context, "eventbus", "workers", "books")).containsEntry("condition", "running")
						.containsKey("pending");
					hanging.release.countDown();
					await().atMost(TIMEOUT).until(() -> gauge(context, "eventbus.consumer.pending", where) == 0
							&& gauge(context, "eventbus.consumer.lag", where) == 0);
					assertThat(context.getBean(BookListener.class).received).hasSize(3);
					await().atMost(TIMEOUT)
						.until(() -> "idle".equals(details(context, "eventbus", "workers", "books").get("condition")));

					publish(context, ObservabilityContexts.BAD_ISBN);
					await().atMost(TIMEOUT).until(() -> counter(context, "eventbus.consumer.failures",
							with(where, "failure.kind", "handler_error")) == 1);
					assertThat(details(context, "eventbus", "workers", "books")).containsEntry("condition", "failing");

					EventBusEndpoint endpoint = context.getBean(EventBusEndpoint.class);
					endpoint.worker("books", "stop", SecurityContext.NONE);
					for (int i = 0; i < 400; i++) {
						publish(context, "isbn-backlog-" + i);
					}
					// The trim-risk margin turns the worker DOWN before the stream is trimmed: wait for the trim itself.
					await().atMost(TIMEOUT)
						.until(() -> String.valueOf(details(context, "eventbus", "workers", "books").get("retention"))
							.contains("trimmed=true"));
					assertThat(health(context, "eventbus", "workers", "books")).isEqualTo(Status.DOWN);
					assertThat(details(context, "eventbus", "workers", "books")).containsEntry("condition", "trim-risk")
						.hasEntrySatisfying("retention", (retention) -> assertThat(retention.toString())
							.contains("trimmed=true")
							.contains("streamMaxLength=150"));
					// The backlog monitor reads the lag on its own schedule: the gauge may still hold the read before.
					await().atMost(TIMEOUT).untilAsserted(
							() -> assertThat(gauge(context, "eventbus.consumer.lag", where)).isBetween(150.0, 399.0));
					assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);

					endpoint.worker("books", "start", SecurityContext.NONE);
					await().atMost(TIMEOUT).until(() -> gauge(context, "eventbus.consumer.lag", where) == 0
							&& gauge(context, "eventbus.consumer.pending", where) == 0);
					await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
				}
				finally {
					context.getBean(StringRedisTemplate.class).delete(stream);
				}
			});
	}

	@Test
	void aDrainedBacklogShowsInHealthAtOnceNotALagIntervalLater() {
		String stream = "eventbus-obs-" + UUID.randomUUID();
		String group = "library-" + UUID.randomUUID();
		service("redis://127.0.0.1:" + RedisTestSupport.sharedPort(), stream, group)
			.withPropertyValues("eventbus.monitoring.lag-interval=1h")
			.run((context) -> {
				try {
					assertThat(context).hasNotFailed();
					context.getBean(HangingListener.class).release.countDown();
					EventBusEndpoint endpoint = context.getBean(EventBusEndpoint.class);
					endpoint.worker("books", "stop", SecurityContext.NONE);
					for (int i = 0; i < 5; i++) {
						publish(context, "isbn-drain-" + i);
					}
					context.getBean(BacklogMonitor.class).refresh();
					assertThat(details(context, "eventbus", "workers", "books")).containsEntry("lag", 5L);

					endpoint.worker("books", "start", SecurityContext.NONE);
					await().atMost(TIMEOUT).until(() -> context.getBean(BookListener.class).received.size() == 5);
					// The scheduled read is an hour away: health reads the drained backlog on request.
					await().atMost(Duration.ofSeconds(10))
						.until(() -> Long.valueOf(0)
							.equals(details(context, "eventbus", "workers", "books").get("lag")));
					assertThat(details(context, "eventbus", "workers", "books")).containsEntry("condition", "idle");
				}
				finally {
					context.getBean(StringRedisTemplate.class).delete(stream);
				}
			});
	}

	@Test
	void healthGoesDownWhenRedisIsKilledAndUpWhenItIsBackAndThePasswordIsNeverShown(CapturedOutput output)
			throws Exception {
		try (RedisServerProcess server = RedisServerProcess.start("--requirepass", PASSWORD)) {
			String url = "redis://default:" + PASSWORD + "@127.0.0.1:" + server.port();
			String stream = "eventbus-obs-" + UUID.randomUUID();
			service(url, stream, "library").withPropertyValues("eventbus.monitoring.timeout=1s").run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(HangingListener.class).release.countDown();
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
				assertThat(details(context, "eventbus", "broker")).containsEntry("transport", "redis")
					.containsEntry("answer", "PING answered PONG");
				publish(context, "isbn-1");
				await().atMost(TIMEOUT).until(() -> context.getBean(BookListener.class).received.size() == 1);
				String json = endpointJson(context);
				assertThat(json).contains("\"transport\":\"redis\"")
					.contains("\"url\":\"redis://default:******@127.0.0.1:" + server.port() + "\"")
					.doesNotContain(PASSWORD);

				server.kill();
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus", "broker").equals(Status.DOWN));
				assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
				server.restart();
				await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
				publish(context, "isbn-2");
				await().atMost(TIMEOUT).until(() -> context.getBean(BookListener.class).received.size() == 2);
			});
		}
		assertThat(output.getAll()).contains("Event delivered to the event bus").doesNotContain(PASSWORD);
	}

	private static String[] with(String[] tags, String... more) {
		String[] all = new String[tags.length + more.length];
		System.arraycopy(tags, 0, all, 0, tags.length);
		System.arraycopy(more, 0, all, tags.length, more.length);
		return all;
	}

	private static void publish(ApplicationContext context, String isbn) throws Exception {
		context.getBean(EventBusPublisher.class)
			.publish(TestEvents.BOOK_LOANED.event(new BookData(isbn, "A Title", 1)))
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	static class HangingListener {

		static final String HANG = "isbn-hang";

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> seen = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener
		void on(BookData book) throws InterruptedException {
			if (HANG.equals(book.isbn())) {
				this.release.await(60, TimeUnit.SECONDS);
			}
			this.seen.add(book.isbn());
		}

	}

}
