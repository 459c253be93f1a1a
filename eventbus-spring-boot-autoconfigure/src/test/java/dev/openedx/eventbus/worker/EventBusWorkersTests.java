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

package dev.openedx.eventbus.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.DispatchInterceptor;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventBusWorkersTests {

	private final InMemoryConsumerFactory bus = new InMemoryConsumerFactory();

	private final List<OpenEdxEvent<?>> dispatched = new CopyOnWriteArrayList<>();

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final ConsumerSettings defaults = ConsumerSettings.defaults("kafka", "", "");

	private EventBusWorkers workers;

	@AfterEach
	void stop() {
		if (this.workers != null) {
			this.workers.stop();
		}
	}

	@Test
	void workersAreBuiltAtOnceButStartOnlyWithTheContext() {
		this.workers = workers(List.of(this.defaults.forWorker("loans", "loans", "g")));
		assertThat(this.workers.getStatuses()).extracting((status) -> status.state()).containsExactly(ConsumerState.NEW);
		this.workers.start();
		assertThat(this.workers.isRunning()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.workers.getStatuses().get(0).state() == ConsumerState.RUNNING);
	}

	@Test
	void runInALatePhaseLikeSpringKafkaContainers() {
		this.workers = workers(List.of());
		assertThat(this.workers.getPhase()).isEqualTo(Integer.MAX_VALUE - 100);
	}

	@Test
	void workerHandsOnlyItsSelectedEventTypesToTheListenersAndAcknowledgesTheOthers() {
		this.workers = workers(List.of(this.defaults.forWorker("loans", "books", "g")
			.withEventTypes(java.util.Set.of(TestEvents.BOOK_LOANED_TYPE))));
		this.workers.start();
		this.bus.deliver("books", received(TestEvents.BOOK_RETURNED, "returned"));
		InMemoryConsumerFactory.Message loaned = this.bus.deliver("books", received(TestEvents.BOOK_LOANED, "loaned"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.acknowledged().contains(loaned));
		assertThat(this.dispatched).extracting((event) -> ((BookData) event.data()).isbn()).containsExactly("loaned");
		assertThat(this.bus.acknowledged()).hasSize(2);
	}

	@Test
	void interceptorsRunAroundEachDispatchKnowingTheWorkerAndTheMessage() {
		List<String> calls = new CopyOnWriteArrayList<>();
		DispatchInterceptor tracing = (worker, message, event, next) -> {
			calls.add(worker.name() + " " + message.coordinates() + " >");
			next.dispatch(event);
			calls.add("<");
		};
		this.workers = new EventBusWorkers(List.of(this.defaults.forWorker("loans", "books", "g")
			.withEventTypes(java.util.Set.of(TestEvents.BOOK_LOANED_TYPE))), this.bus, (event) -> {
				calls.add("listeners");
				this.dispatched.add(event);
			}, new ConsumerObserver() {
			}, this.published::add, true, Duration.ofSeconds(5), List.of(), List.of(tracing));
		this.workers.start();
		this.bus.deliver("books", received(TestEvents.BOOK_RETURNED, "returned"));
		InMemoryConsumerFactory.Message loaned = this.bus.deliver("books", received(TestEvents.BOOK_LOANED, "loaned"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.acknowledged().contains(loaned));
		assertThat(calls).hasSize(3);
		assertThat(calls.get(0)).startsWith("loans ").endsWith(" >");
		assertThat(calls.subList(1, 3)).containsExactly("listeners", "<");
	}

	@Test
	void aWorkerStoppedWhileItFailsOnItsOwnEndsInAFinalStateAndCanBeStartedAgain() throws Exception {
		java.util.concurrent.CountDownLatch failing = new java.util.concurrent.CountDownLatch(1);
		this.workers = new EventBusWorkers(List.of(this.defaults.forWorker("loans", "loans", "g")
			.withConsecutiveErrorsLimit(1)), this.bus, (event) -> {
				failing.countDown();
				throw new IllegalStateException("listener down");
			}, new ConsumerObserver() {
			}, this.published::add, true, Duration.ofSeconds(5));
		this.workers.start();
		EventBusConsumer first = this.workers.getWorkers().get(0);
		this.bus.deliver("loans", received(TestEvents.BOOK_LOANED, "1"));
		failing.await(10, java.util.concurrent.TimeUnit.SECONDS);
		// The stop request races the worker's own end at its consecutive-errors limit.
		this.workers.stopConsumer("loans");
		ConsumerState end = first.termination().get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(end).isIn(ConsumerState.FAILED, ConsumerState.STOPPED);
		assertThat(first.status().state()).isEqualTo(end);
		EventBusConsumer second = this.workers.startConsumer("loans");
		assertThat(second).isNotSameAs(first);
		await().atMost(Duration.ofSeconds(10)).until(() -> second.status().state() == ConsumerState.RUNNING);
	}

	@Test
	void stopLetsEveryWorkerEndAndRestartBuildsNewOnes() {
		this.workers = workers(List.of(this.defaults.forWorker("a", "a", "g"), this.defaults.forWorker("b", "b", "g")));
		this.workers.start();
		List<EventBusConsumer> first = this.workers.getWorkers();
		this.workers.stop();
		assertThat(first).allSatisfy((worker) -> assertThat(worker.termination()).isCompleted());
		assertThat(this.workers.getStatuses()).extracting((status) -> status.state())
			.containsOnly(ConsumerState.STOPPED);
		this.workers.start();
		assertThat(this.workers.getWorkers()).doesNotContainAnyElementsOf(first).hasSize(2);
	}

	@Test
	void workerThatReachesItsErrorLimitIsReportedWithAnApplicationEvent() {
		this.workers = new EventBusWorkers(List.of(this.defaults.forWorker("loans", "loans", "g")
			.withConsecutiveErrorsLimit(2)), this.bus, (event) -> {
				throw new IllegalStateException("listener down");
			}, new ConsumerObserver() {
			}, this.published::add, true, Duration.ofSeconds(5));
		this.workers.start();
		this.bus.deliver("loans", received(TestEvents.BOOK_LOANED, "1"));
		this.bus.deliver("loans", received(TestEvents.BOOK_LOANED, "2"));
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.published.isEmpty());
		assertThat(this.published).singleElement().isInstanceOfSatisfying(EventBusConsumerFailedEvent.class, (event) -> {
			assertThat(event.getStatus().name()).isEqualTo("loans");
			assertThat(event.getStatus().state()).isEqualTo(ConsumerState.FAILED);
			assertThat(event.getStatus().lastError()).contains("Too many consecutive errors");
			assertThat(event.getWorker()).isSameAs(this.workers.getWorkers().get(0));
		});
	}

	@Test
	void stoppedWorkerIsNotReportedAsFailed() {
		this.workers = workers(List.of(this.defaults.forWorker("loans", "loans", "g")));
		this.workers.start();
		this.workers.stop();
		assertThat(this.published).noneMatch(EventBusConsumerFailedEvent.class::isInstance);
	}

	private EventBusWorkers workers(List<ConsumerSettings> definitions) {
		return new EventBusWorkers(definitions, this.bus, this.dispatched::add, new ConsumerObserver() {
		}, (Object event) -> this.published.add(event), true, Duration.ofSeconds(5));
	}

	private static OpenEdxEvent<BookData> received(dev.openedx.eventbus.event.EventType<BookData> type, String isbn) {
		return OpenEdxEvent.received(type, new BookData(isbn, "t", 1), EventOrigin.forService("lms").newMetadata(type));
	}

}
