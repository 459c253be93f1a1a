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

package dev.openedx.eventbus.autoconfigure.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint.DeadLetterDescriptor;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint.DeadLetterReplayDescriptor;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpointWebExtension;
import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import dev.openedx.eventbus.redis.LocalRedis;
import dev.openedx.eventbus.redis.RedisDeadLetterRecoverer;
import dev.openedx.eventbus.redis.RedisTestSupport;
import dev.openedx.eventbus.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint's {@code replay-dead-letters} operation on a worker of a service on the build's redis-server, wired by
 * the auto-configuration: the worker's listener fails and its events are dead-lettered; once it succeeds, the
 * operation lists them (dry run), replays them to the worker's stream (each handled once, audited at WARN), and a
 * second call replays nothing.
 */
class EventBusEndpointReplayTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@LocalRedis
	private RedisTestSupport redis;

	private String stream;

	@AfterEach
	void deleteReplayRecord() {
		LettuceConnectionFactory factory = RedisTestSupport.connectionFactory(this.redis.port());
		try {
			new StringRedisTemplate(factory)
				.delete(RedisDeadLetterRecoverer.deadLetterStream(this.stream) + "-replayed");
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void replaysTheDeadLettersOfAWorkerOnceAndAuditsIt() {
		this.stream = this.redis.uniqueStream("endpoint-replay");
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					EventBusRedisAutoConfiguration.class, EventBusAutoConfiguration.class,
					EndpointAutoConfiguration.class, EventBusEndpointAutoConfiguration.class))
			.withUserConfiguration(Library.class)
			.withPropertyValues("spring.application.name=library", "eventbus.transport=redis",
					"spring.data.redis.url=redis://127.0.0.1:" + this.redis.port(),
					"eventbus.consumer.shutdown-timeout=10s", "management.endpoints.web.exposure.include=eventbus",
					"eventbus.consumer.workers.lending.topic=" + this.stream,
					"eventbus.consumer.workers.lending.group-id=library-lending")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LoanListener listener = context.getBean(LoanListener.class);
				EventBusProducer producer = context.getBean(EventBusProducer.class);
				for (BookData book : List.of(new BookData("isbn-1", "One", 1), new BookData("isbn-2", "Two", 2))) {
					producer.send(this.stream, "book.isbn", TestEvents.BOOK_LOANED.event(book))
						.get(30, TimeUnit.SECONDS);
				}
				await().atMost(WAIT).until(() -> listener.failures.get() && listener.attempts.size() == 2);
				String deadLetters = RedisDeadLetterRecoverer.deadLetterStream(this.stream);
				EventBusEndpoint endpoint = context.getBean(EventBusEndpoint.class);
				await().atMost(WAIT).until(() -> endpoint.replayDeadLetters("lending",
						EventBusEndpoint.REPLAY_DEAD_LETTERS, null, null, null, true, null, SecurityContext.NONE)
					.replayed() == 2);
				listener.failing.set(false);

				DeadLetterReplayDescriptor dryRun = endpoint.replayDeadLetters("lending",
						EventBusEndpoint.REPLAY_DEAD_LETTERS, null, null, null, true, null, SecurityContext.NONE);
				assertThat(dryRun.dryRun()).isTrue();
				assertThat(dryRun.deadLetters()).isEqualTo(deadLetters);
				assertThat(dryRun.letters()).extracting(DeadLetterDescriptor::outcome).containsOnly("would_replay");
				assertThat(listener.handled).isEmpty();

				DeadLetterReplayDescriptor replayed;
				try (LogCapture audit = new LogCapture(EventBusEndpoint.class)) {
					replayed = endpoint.replayDeadLetters("lending", EventBusEndpoint.REPLAY_DEAD_LETTERS, null,
							"2020-01-01T00:00:00Z", null, null, null, SecurityContext.NONE);
					assertThat(audit.messages(Level.WARN)).last()
						.satisfies((line) -> assertThat(line)
							.startsWith("eventbus endpoint: an unauthenticated caller asked to replay the dead letters "
									+ "of worker lending (group library-lending, since 2020-01-01T00:00:00Z): "
									+ "replayed 2 of 2 selected dead letter(s) of " + deadLetters));
				}
				assertThat(replayed.replayed()).isEqualTo(2);
				assertThat(replayed.destination()).isEqualTo(this.stream);
				assertThat(replayed.letters()).extracting(DeadLetterDescriptor::replayedTo)
					.allSatisfy((to) -> assertThat(to).startsWith(this.stream + "@"));
				await().atMost(WAIT).until(() -> listener.handled.size() == 2);
				assertThat(listener.handled).extracting((event) -> event.data().isbn())
					.containsExactlyInAnyOrder("isbn-1", "isbn-2");

				DeadLetterReplayDescriptor again = endpoint.replayDeadLetters("lending",
						EventBusEndpoint.REPLAY_DEAD_LETTERS, null, null, null, null, null, SecurityContext.NONE);
				assertThat(again.replayed()).isZero();
				assertThat(again.alreadyReplayed()).isEqualTo(2);
				assertThat(listener.handled).hasSize(2);

				assertThatExceptionOfType(InvalidEndpointRequestException.class)
					.isThrownBy(() -> endpoint.replayDeadLetters("lending", EventBusEndpoint.REPLAY_DEAD_LETTERS,
							null, "yesterday", null, null, null, SecurityContext.NONE))
					.withMessageContaining("since 'yesterday' is not an ISO-8601 date-time");
				EventBusEndpointWebExtension web = new EventBusEndpointWebExtension(endpoint);
				WebEndpointResponse<?> unknownWorker = web.replayDeadLetters("lendin",
						EventBusEndpoint.REPLAY_DEAD_LETTERS, null, null, null, null, null, SecurityContext.NONE);
				assertThat(unknownWorker.getStatus()).isEqualTo(404);
				assertThat(unknownWorker.getBody()).hasToString("Refusal[error=No worker named 'lendin'; the workers "
						+ "of this service are lending]");
				assertThat(web.replayDeadLetters("lending", "replay", null, null, null, null, null,
						SecurityContext.NONE).getStatus()).isEqualTo(404);
				assertThat(web.replayDeadLetters("lending", EventBusEndpoint.REPLAY_DEAD_LETTERS, null, null,
						"2020-01-01T00:00:00", null, null, SecurityContext.NONE).getStatus()).isEqualTo(400);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Library {

		@Bean
		EventType<BookData> bookLoaned() {
			return TestEvents.BOOK_LOANED;
		}

		@Bean
		LoanListener loanListener() {
			return new LoanListener();
		}

	}

	static class LoanListener {

		final AtomicBoolean failing = new AtomicBoolean(true);

		final AtomicBoolean failures = new AtomicBoolean();

		final List<String> attempts = new CopyOnWriteArrayList<>();

		final List<OpenEdxEvent<BookData>> handled = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener
		void on(OpenEdxEvent<BookData> event) {
			if (this.failing.get()) {
				this.attempts.add(event.data().isbn());
				this.failures.set(true);
				throw new IllegalStateException("the shelf is full");
			}
			this.handled.add(event);
		}

	}

}
