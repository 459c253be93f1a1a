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

package dev.openedx.eventbus.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the monitor reads the broker (a unit seam: a worker whose handled count the test moves, and a probe that
 * answers what the test says the lag is; the observability integration tests read real brokers).
 */
class BacklogMonitorTests {

	private final AtomicLong handled = new AtomicLong();

	private final AtomicLong lag = new AtomicLong();

	private final AtomicInteger reads = new AtomicInteger();

	private final BacklogMonitor monitor = new BacklogMonitor(new Registry(new Worker(this.handled)), new Probe(),
			Duration.ofMinutes(10), Duration.ofSeconds(1));

	@Test
	void aBacklogDrainedAfterTheLastReadIsReadAgainOnRequestInsteadOfLingeringForAnInterval() {
		this.lag.set(40);
		this.monitor.refresh();
		assertThat(lag()).isEqualTo(40);

		this.lag.set(0);
		this.handled.addAndGet(40);
		await().atMost(Duration.ofSeconds(5)).until(() -> lag() == 0);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void withoutProgressOfTheWorkerTheScheduledReadingStands() throws InterruptedException {
		this.lag.set(40);
		this.monitor.refresh();
		Thread.sleep(1_100);
		this.lag.set(0);

		assertThat(lag()).isEqualTo(40);
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aReadingWithoutBacklogIsNotReadAgainOnRequest() throws InterruptedException {
		this.monitor.refresh();
		this.handled.incrementAndGet();
		Thread.sleep(1_100);

		assertThat(lag()).isZero();
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aBrokerThatDoesNotAnswerIsMarkedUnreachable() {
		BacklogMonitor unreachable = new BacklogMonitor(new Registry(new Worker(this.handled)), new Probe() {

			@Override
			public GroupBacklog backlog(String destination, String group, Duration timeout) {
				throw new BrokerUnreachableException("No answer from the broker at nowhere:9092",
						new IllegalStateException("refused"));
			}

		}, Duration.ofMinutes(10), Duration.ofSeconds(1));
		unreachable.refresh();

		BacklogReading reading = unreachable.reading("books").orElseThrow();
		assertThat(reading.brokerUnreachable()).isTrue();
		assertThat(reading.error()).isEqualTo("BrokerUnreachableException: No answer from the broker at nowhere:9092");
	}

	private long lag() {
		Long value = this.monitor.reading("books").orElseThrow().backlog().lag();
		return (value != null) ? value : -1;
	}

	private class Probe implements BrokerProbe {

		@Override
		public String transport() {
			return "redis";
		}

		@Override
		public String ping(Duration timeout) {
			return "PONG";
		}

		@Override
		public GroupBacklog backlog(String destination, String group, Duration timeout) {
			BacklogMonitorTests.this.reads.incrementAndGet();
			return new GroupBacklog(Instant.now(), BacklogMonitorTests.this.lag.get(), 0L, null);
		}

	}

	private record Worker(AtomicLong handled) implements EventBusConsumer {

		@Override
		public String name() {
			return "books";
		}

		@Override
		public ConsumerStatus status() {
			return new ConsumerStatus("books", "redis", "loans", "reports", ConsumerState.RUNNING, this.handled.get(),
					Map.of(), 0, 0, null, null, null, Instant.now());
		}

		@Override
		public void start() {
		}

		@Override
		public void stop(Duration timeout) {
		}

		@Override
		public CompletableFuture<ConsumerState> termination() {
			return new CompletableFuture<>();
		}

	}

	private record Registry(EventBusConsumer worker) implements EventBusConsumerRegistry {

		@Override
		public List<EventBusConsumer> getConsumers() {
			return List.of(this.worker);
		}

		@Override
		public EventBusConsumer stopConsumer(String name) {
			return this.worker;
		}

		@Override
		public EventBusConsumer startConsumer(String name) {
			return this.worker;
		}

	}

}
