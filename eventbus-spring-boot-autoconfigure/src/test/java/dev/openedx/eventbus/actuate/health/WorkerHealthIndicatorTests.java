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

package dev.openedx.eventbus.actuate.health;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import dev.openedx.eventbus.monitor.BacklogMonitor;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.monitor.BrokerUnreachableException;
import dev.openedx.eventbus.monitor.GroupBacklog;
import dev.openedx.eventbus.monitor.StreamRetention;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditions of a worker as its state, counters and backlog decide them (a unit seam: a worker status and a
 * probe made up for each case; the integration tests show them against real brokers).
 */
class WorkerHealthIndicatorTests {

	private final Instant started = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void aRunningWorkerWithABacklogThatHandledNothingForLongerThanStuckAfterIsStuck() {
		Health health = health(status(ConsumerState.RUNNING, 0), backlog(5L, null), Duration.ofMinutes(10));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("condition", "stuck").containsEntry("lag", 5L);
	}

	@Test
	void theSameWorkerWithinStuckAfterIsRunning() {
		Health health = health(status(ConsumerState.RUNNING, 0), backlog(5L, null), Duration.ofMinutes(1));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("condition", "running");
	}

	@Test
	void aRunningWorkerWithoutBacklogIsIdleHoweverLongItWaits() {
		Health health = health(status(ConsumerState.RUNNING, 0), backlog(0L, null), Duration.ofHours(5));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("condition", "idle");
	}

	@Test
	void failuresInARowBelowTheLimitAreFailingButUp() {
		Health health = health(status(ConsumerState.RUNNING, 2), backlog(0L, null), Duration.ofMinutes(1));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("condition", "failing").containsEntry("consecutiveFailures", 2);
	}

	@Test
	void aWorkerStoppedOnRequestIsUpAndAFailedOneDown() {
		assertThat(health(status(ConsumerState.STOPPED, 0), backlog(7L, null), Duration.ofHours(1)).getDetails())
			.containsEntry("condition", "stopped");
		assertThat(health(status(ConsumerState.STOPPED, 0), backlog(7L, null), Duration.ofHours(1)).getStatus())
			.isEqualTo(Status.UP);
		assertThat(health(status(ConsumerState.FAILED, 3), backlog(7L, null), Duration.ofHours(1)).getStatus())
			.isEqualTo(Status.DOWN);
	}

	@Test
	void aGroupWhoseOldestUnhandledEntryIsNearTheTrimPointIsAtRiskEvenWhenStopped() {
		StreamRetention nearTrim = new StreamRetention(10_000, 10_000, "1-0", "5-0", 0.02, false);
		StreamRetention safe = new StreamRetention(10_000, 10_000, "1-0", "5-0", 0.5, false);
		StreamRetention notTrimming = new StreamRetention(100, 10_000, "1-0", "5-0", 0.02, false);
		assertThat(health(status(ConsumerState.STOPPED, 0), backlog(9_800L, nearTrim), Duration.ZERO).getDetails())
			.containsEntry("condition", "trim-risk");
		assertThat(health(status(ConsumerState.RUNNING, 0), backlog(5_000L, safe), Duration.ZERO).getDetails())
			.containsEntry("condition", "running");
		assertThat(health(status(ConsumerState.RUNNING, 0), backlog(90L, notTrimming), Duration.ZERO).getDetails())
			.containsEntry("condition", "running");
	}

	@Test
	void aRunningWorkerWhoseBrokerDoesNotAnswerIsUnreachableAndDown() {
		Health health = health(status(ConsumerState.RUNNING, 0), new UnreachableProbe(), Duration.ZERO);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("condition", "unreachable")
			.containsEntry("backlogError", "BrokerUnreachableException: No answer from the broker at nowhere:9092");
	}

	@Test
	void aWorkerThatHandledAnEventAfterTheFailedReadReachedItsBroker() {
		ConsumerStatus handledSince = new ConsumerStatus("books", "redis", "loans", "reports", ConsumerState.RUNNING,
				1, Map.of(), 0, 3, null, Instant.now().plusSeconds(60), null, this.started);
		assertThat(health(handledSince, new UnreachableProbe(), Duration.ZERO).getDetails())
			.containsEntry("condition", "running");
	}

	@Test
	void aStoppedWorkerWhoseBrokerDoesNotAnswerIsStillStopped() {
		assertThat(health(status(ConsumerState.STOPPED, 0), new UnreachableProbe(), Duration.ZERO).getDetails())
			.containsEntry("condition", "stopped");
	}

	private Health health(ConsumerStatus status, GroupBacklog backlog, Duration later) {
		return health(status, new Probe(backlog), later);
	}

	private Health health(ConsumerStatus status, BrokerProbe probe, Duration later) {
		EventBusConsumerRegistry registry = new Registry(new Worker(status));
		BacklogMonitor monitor = new BacklogMonitor(registry, probe, Duration.ofMinutes(1), Duration.ofSeconds(1));
		monitor.refresh();
		Instant now = monitor.reading("books").orElseThrow().readAt().plus(later);
		return new WorkerHealthIndicator("books", registry, monitor, Duration.ofMinutes(5), 0.1,
				Clock.fixed(now, ZoneOffset.UTC))
			.health();
	}

	private ConsumerStatus status(ConsumerState state, int consecutive) {
		return new ConsumerStatus("books", "redis", "loans", "reports", state, 0, Map.of(), consecutive, 3, null, null,
				null, this.started);
	}

	private static GroupBacklog backlog(long lag, @Nullable StreamRetention retention) {
		return new GroupBacklog(Instant.now(), lag, 0L, retention);
	}

	private record Worker(ConsumerStatus status) implements EventBusConsumer {

		@Override
		public String name() {
			return this.status.name();
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

	private record UnreachableProbe() implements BrokerProbe {

		@Override
		public String transport() {
			return "redis";
		}

		@Override
		public String ping(Duration timeout) {
			throw unreachable();
		}

		@Override
		public GroupBacklog backlog(String destination, String group, Duration timeout) {
			throw unreachable();
		}

		private static BrokerUnreachableException unreachable() {
			return new BrokerUnreachableException("No answer from the broker at nowhere:9092",
					new ConnectException("Connection refused"));
		}

	}

	private record Probe(GroupBacklog backlog) implements BrokerProbe {

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
			return this.backlog;
		}

	}

}
