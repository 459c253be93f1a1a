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

package dev.openedx.eventbus.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.worker.EventBusWorkers;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import dev.openedx.eventbus.event.SendReceipt;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What both transports must show through the Spring integration, against a real broker: one application context
 * publishes, another one's listeners receive. Each transport's subclass supplies the broker.
 */
abstract class EndToEndTests {

	static final String ENROLLMENT_DATA = "{\"enrollment\": {\"course\": {\"course_key\": "
			+ "\"course-v1:edX+DemoX0+2026_T1\", \"display_name\": \"Demonstration Course 0\", "
			+ "\"end\": \"2026-06-30T23:59:59+00:00\", \"start\": \"2026-01-05T00:00:00+00:00\"}, "
			+ "\"created_by\": {\"id\": 91000, \"is_active\": true, \"pii\": {\"email\": \"learner90000@example.com\", "
			+ "\"name\": \"L\\u00e9a M\\u00fcller\", \"username\": \"learner90000\"}}, "
			+ "\"creation_date\": \"2026-03-14T15:09:26.535897+00:00\", \"is_active\": true, \"mode\": \"audit\", "
			+ "\"user\": {\"id\": 1000, \"is_active\": true, \"pii\": {\"email\": \"learner00000@example.com\", "
			+ "\"name\": \"Ada Lovelace\", \"username\": \"learner00000\"}}}}";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/**
	 * An application context of a service on this transport.
	 * @param serviceName the service name
	 * @return the runner
	 */
	abstract ApplicationContextRunner service(String serviceName);

	/**
	 * A topic or stream name no other test uses.
	 * @param purpose a readable part of the name
	 * @return the name
	 */
	abstract String uniqueTopic(String purpose);

	/**
	 * The failure kinds recorded with the dead letters of a topic, read straight from the broker.
	 * @param topic the topic without prefix
	 * @return the failure kinds, in order
	 */
	abstract List<String> deadLetterKinds(String topic);

	/**
	 * Make a topic with this many partitions before the test uses it (Kafka); nothing for streams.
	 * @param topic the topic without prefix
	 * @param partitions the partitions
	 */
	void createTopic(String topic, int partitions) {
	}

	/**
	 * Wait until a group has this many members that each own part of the topic (Kafka); nothing for streams.
	 * @param group the consumer group
	 * @param members the members
	 */
	void awaitMembersAssigned(String group, int members) {
	}

	/**
	 * Whether concurrent consumers of one worker keep the order of each key (Kafka: a key's partition has one member).
	 * @return {@code true} on Kafka
	 */
	abstract boolean concurrentConsumersKeepKeyOrder();

	@Test
	void workerWithConcurrencyRunsOneConsumerPerThreadThatEachHandleTheirShareOfTheEvents() {
		String topic = uniqueTopic("concurrent");
		createTopic(topic, 6);
		concurrentConsumer(topic, 3).run((consumer) -> {
			assertThat(consumer).hasNotFailed();
			EventBusWorkers workers = consumer.getBean(EventBusWorkers.class);
			assertThat(workers.getStatuses()).extracting(ConsumerStatus::name)
				.containsExactly("main-1", "main-2", "main-3");
			await().atMost(TIMEOUT)
				.until(() -> workers.getStatuses().stream().allMatch((s) -> s.state() == ConsumerState.RUNNING));
			ThreadRecordingListener listener = consumer.getBean(ThreadRecordingListener.class);
			awaitMembersAssigned("reports-" + topic, 3);
			publishBooks(topic, 30, 4);
			await().atMost(TIMEOUT).until(() -> listener.books.size() >= 120);
			assertThat(listener.books).hasSize(120).doesNotHaveDuplicates();
			assertThat(listener.threads).as("each consumer handles events on its own thread")
				.containsOnlyKeys("eventbus-main-1", "eventbus-main-2", "eventbus-main-3");
			assertThat(workers.getStatuses()).allSatisfy((status) -> assertThat(status.handled()).isPositive());
			if (concurrentConsumersKeepKeyOrder()) {
				assertKeyOrder(listener.books);
			}
		});
	}

	@Test
	void consumersOfOneWorkerHaveTheirOwnErrorLimitAndTheOthersGoOn() {
		String topic = uniqueTopic("concurrent-failing");
		createTopic(topic, 6);
		concurrentConsumer(topic, 3).withPropertyValues("eventbus.consumer.workers.main.consecutive-errors-limit=1")
			.run((consumer) -> {
				EventBusWorkers workers = consumer.getBean(EventBusWorkers.class);
				await().atMost(TIMEOUT)
					.until(() -> workers.getStatuses().stream().allMatch((s) -> s.state() == ConsumerState.RUNNING));
				ThreadRecordingListener listener = consumer.getBean(ThreadRecordingListener.class);
				publish(topic, List.of(new BookData(ThreadRecordingListener.POISON, "Poison", 0)));
				await().atMost(TIMEOUT)
					.until(() -> workers.getStatuses().stream().anyMatch((s) -> s.state() == ConsumerState.FAILED));
				assertThat(workers.getStatuses()).filteredOn((s) -> s.state() == ConsumerState.FAILED)
					.singleElement()
					.satisfies((failed) -> assertThat(failed.failures()).containsEntry(FailureKind.HANDLER_ERROR, 1L));
				assertThat(workers.getStatuses()).filteredOn((s) -> s.state() == ConsumerState.RUNNING).hasSize(2);
				// The others take over (Kafka rebalances the failed member's partitions; Redis has one stream).
				publishBooks(topic, 10, 2);
				await().atMost(TIMEOUT).until(() -> listener.books.size() >= 20);
				assertThat(listener.books).hasSize(20).doesNotHaveDuplicates();
				assertThat(deadLetterKinds(topic)).containsExactly(FailureKind.HANDLER_ERROR.tag());
			});
	}

	@Test
	void shutdownDrainsEveryConsumerAndTheirSuccessorsHandleTheRestOnce() {
		String topic = uniqueTopic("concurrent-drain");
		createTopic(topic, 6);
		List<String> handled = new CopyOnWriteArrayList<>();
		List<ConsumerState> ends = new CopyOnWriteArrayList<>();
		// All on the topic first, and a slow listener: the stop comes while most events wait.
		publishBooks(topic, 20, 5);
		concurrentConsumer(topic, 3).withPropertyValues("test.listener.delay-ms=50").run((consumer) -> {
			EventBusWorkers workers = consumer.getBean(EventBusWorkers.class);
			ThreadRecordingListener listener = consumer.getBean(ThreadRecordingListener.class);
			await().atMost(TIMEOUT).until(() -> listener.books.size() >= 10);
			consumer.close();
			handled.addAll(listener.books);
			workers.getStatuses().forEach((status) -> ends.add(status.state()));
		});
		assertThat(ends).as("every consumer stopped gracefully").containsOnly(ConsumerState.STOPPED).hasSize(3);
		assertThat(handled).doesNotHaveDuplicates().hasSizeLessThan(100);
		concurrentConsumer(topic, 3).run((successor) -> {
			ThreadRecordingListener listener = successor.getBean(ThreadRecordingListener.class);
			await().atMost(TIMEOUT).until(() -> handled.size() + listener.books.size() >= 100);
			List<String> all = new ArrayList<>(handled);
			all.addAll(listener.books);
			assertThat(all).as("every event handled once across the stop").hasSize(100).doesNotHaveDuplicates();
		});
	}

	private ApplicationContextRunner concurrentConsumer(String topic, int concurrency) {
		return service("reports").withUserConfiguration(LibraryEvents.class, ThreadRecordingListener.class)
			.withPropertyValues("eventbus.consumer.workers.main.topic=" + topic,
					"eventbus.consumer.workers.main.group-id=reports-" + topic,
					"eventbus.consumer.workers.main.concurrency=" + concurrency);
	}

	/** Publish {@code perKey} books for each of {@code keys} keys, numbered in order within each key. */
	private void publishBooks(String topic, int keys, int perKey) {
		List<BookData> books = new ArrayList<>();
		for (int n = 0; n < perKey; n++) {
			for (int k = 0; k < keys; k++) {
				books.add(new BookData(topic + "-key-" + k, "copy " + n, n));
			}
		}
		publish(topic, books);
	}

	private void publish(String topic, List<BookData> books) {
		producer("library", TestEvents.BOOK_LOANED_TYPE, topic, "book.isbn").withUserConfiguration(LibraryEvents.class)
			.run((producer) -> {
				EventBusPublisher publisher = producer.getBean(EventBusPublisher.class);
				for (BookData book : books) {
					publisher.publish(TestEvents.BOOK_LOANED.event(book)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				}
			});
	}

	private static void assertKeyOrder(List<String> books) {
		Map<String, Long> last = new HashMap<>();
		for (String book : books) {
			int at = book.lastIndexOf('#');
			String key = book.substring(0, at);
			long copy = Long.parseLong(book.substring(at + 1));
			Long previous = last.put(key, copy);
			assertThat(previous == null || previous < copy).as("%s after copy %s of the same key", book, previous)
				.isTrue();
		}
	}

	@Test
	void catalogEventPublishedByOneServiceReachesAnotherServicesListenerWithEqualDataAndMetadata() {
		String topic = uniqueTopic("enrollments");
		CourseEnrollmentData enrollment = new EventJson(OpenEdxCatalog.catalog())
			.dataFromJson(LearningEvents.COURSE_ENROLLMENT_CREATED, ENROLLMENT_DATA);
		consumer("catalog", topic).withUserConfiguration(EnrollmentListener.class).run((consumer) -> {
			assertThat(consumer).hasNotFailed();
			producer("lms", LearningEvents.Types.COURSE_ENROLLMENT_CREATED, topic, "enrollment.course.course_key")
				.run((producer) -> {
					assertThat(producer).hasNotFailed();
					OpenEdxEvent<CourseEnrollmentData> event = LearningEvents.COURSE_ENROLLMENT_CREATED
						.event(enrollment);
					producer.publishEvent(event);
					EnrollmentListener listener = consumer.getBean(EnrollmentListener.class);
					await().atMost(TIMEOUT).until(() -> !listener.received.isEmpty());
					assertThat(listener.received).containsExactly(enrollment);
					assertThat(listener.metadata).containsExactly(event.metadata());
					assertThat(event.metadata().source()).isEqualTo("openedx/lms/web");
				});
		});
	}

	@Test
	void applicationDefinedEventTypeTravelsEndToEnd() {
		String topic = uniqueTopic("loans");
		consumer("library-reports", topic).withUserConfiguration(LibraryEvents.class, LoanListener.class)
			.run((consumer) -> {
				assertThat(consumer).hasNotFailed();
				producer("library", TestEvents.BOOK_LOANED_TYPE, topic, "book.isbn")
					.withUserConfiguration(LibraryEvents.class)
					.run((producer) -> {
						assertThat(producer).hasNotFailed();
						BookData book = new BookData("978-0441013593", "Dune", 2);
						OpenEdxEvent<BookData> event = TestEvents.BOOK_LOANED.event(book);
						List<SendReceipt> receipts = producer.getBean(EventBusPublisher.class)
							.publish(event)
							.get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
						assertThat(receipts).singleElement()
							.satisfies((receipt) -> assertThat(receipt.eventId()).isEqualTo(event.metadata().id()));
						LoanListener listener = consumer.getBean(LoanListener.class);
						await().atMost(TIMEOUT).until(() -> !listener.events.isEmpty());
						OpenEdxEvent<BookData> received = listener.events.get(0);
						assertThat(received.data()).isEqualTo(book);
						assertThat(received.metadata()).isEqualTo(event.metadata());
						assertThat(received.fromEventBus()).isTrue();
					});
			});
	}

	@Test
	void listenerExceptionReachesTheFailurePolicyAndTheErrorCount() {
		String topic = uniqueTopic("failing");
		consumer("library-reports", topic).withUserConfiguration(LibraryEvents.class, FailingLoanListener.class)
			.withPropertyValues("eventbus.consumer.failure-policy=dead-letter")
			.run((consumer) -> {
				assertThat(consumer).hasNotFailed();
				producer("library", TestEvents.BOOK_LOANED_TYPE, topic, "book.isbn")
					.withUserConfiguration(LibraryEvents.class)
					.run((producer) -> {
						producer.publishEvent(TestEvents.BOOK_LOANED.event(new BookData("isbn-bad", "Bad", 1)));
						EventBusWorkers workers = consumer.getBean(EventBusWorkers.class);
						await().atMost(TIMEOUT).until(() -> workers.getStatuses().get(0).failed() == 1);
						ConsumerStatus status = workers.getStatuses().get(0);
						assertThat(status.failures()).containsEntry(FailureKind.HANDLER_ERROR, 1L);
						assertThat(status.lastError()).contains("shelf is full");
						await().atMost(TIMEOUT).until(() -> !deadLetterKinds(topic).isEmpty());
						assertThat(deadLetterKinds(topic)).containsExactly(FailureKind.HANDLER_ERROR.tag());
					});
			});
	}

	private ApplicationContextRunner consumer(String serviceName, String topic) {
		return service(serviceName).withPropertyValues("eventbus.consumer.workers.main.topic=" + topic,
				"eventbus.consumer.workers.main.group-id=" + serviceName + "-" + UUID.randomUUID());
	}

	private ApplicationContextRunner producer(String serviceName, String eventType, String topic, String keyField) {
		return service(serviceName)
			.withPropertyValues("eventbus.producer.events[" + eventType + "]." + topic + ".event-key-field=" + keyField);
	}

	static class EnrollmentListener {

		final List<CourseEnrollmentData> received = new CopyOnWriteArrayList<>();

		final List<EventsMetadata> metadata = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener(LearningEvents.Types.COURSE_ENROLLMENT_CREATED)
		void on(CourseEnrollmentData enrollment, EventsMetadata metadata) {
			this.received.add(enrollment);
			this.metadata.add(metadata);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LibraryEvents {

		@Bean
		EventType<BookData> bookLoaned() {
			return TestEvents.BOOK_LOANED;
		}

	}

	static class LoanListener {

		final List<OpenEdxEvent<BookData>> events = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener
		void on(OpenEdxEvent<BookData> event) {
			this.events.add(event);
		}

	}

	/** Records each book as {@code isbn#copies} and the thread that handled it; fails on the poison isbn. */
	static class ThreadRecordingListener {

		static final String POISON = "isbn-poison";

		final List<String> books = new CopyOnWriteArrayList<>();

		final Map<String, Integer> threads = new ConcurrentHashMap<>();

		@Value("${test.listener.delay-ms:0}")
		private long delayMillis;

		@OpenEdxEventListener
		void on(BookData book) throws InterruptedException {
			if (book.isbn().equals(POISON)) {
				throw new IllegalStateException("poison book " + book.isbn());
			}
			if (this.delayMillis > 0) {
				Thread.sleep(this.delayMillis);
			}
			this.threads.merge(Thread.currentThread().getName(), 1, Integer::sum);
			this.books.add(book.isbn() + "#" + book.copies());
		}

	}

	static class FailingLoanListener {

		@OpenEdxEventListener
		void on(BookData book) {
			throw new IllegalStateException("shelf is full for " + book.isbn());
		}

	}

}
