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

package dev.openedx.eventbus.test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.test.LibraryApplication.BookData;
import dev.openedx.eventbus.test.LibraryApplication.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;

import static dev.openedx.eventbus.test.LibraryApplication.BOOK_LOANED;
import static dev.openedx.eventbus.test.LibraryApplication.BOOK_RETURNED;
import static dev.openedx.eventbus.test.LibraryApplication.BOOK_SCANNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application on the in-memory bus (Kafka, the default transport, so the Kafka wire form): what it publishes is
 * recorded after a round trip through the real codec, and what other services send reaches its listeners through
 * the real consume path.
 */
@SpringBootTest(classes = LibraryApplication.class, properties = { "spring.application.name=library",
		"eventbus.producer.events.[org.acme.library.book.loaned.v1].library-loans.event-key-field=book.isbn",
		"eventbus.producer.events.[org.acme.library.book.returned.v1].library-loans.event-key-field=book.isbn",
		"eventbus.consumer.workers.loans.topic=library-loans", "eventbus.consumer.workers.loans.group-id=desk",
		"eventbus.consumer.workers.loans.event-types=" + LibraryApplication.LOANED,
		"eventbus.consumer.workers.enrollments.topic=learning-course-enrollment-lifecycle",
		"eventbus.consumer.workers.enrollments.group-id=library-enrollments",
		"eventbus.consumer.retry.max-attempts=3", "eventbus.consumer.retry.initial-interval=10ms" })
@AutoConfigureInMemoryEventBus
class InMemoryEventBusTests {

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	EventBusPublisher bus;

	@Autowired
	PublishedEvents published;

	@Autowired
	InboundEvents inbound;

	@Autowired
	InMemoryTransport transport;

	@Autowired
	Listeners listeners;

	@Autowired
	ApplicationContext context;

	@Test
	void theEventBusRunsOnTheInMemoryTransportWithoutBrokerOrRegistry() {
		assertThat(this.context.getBean(EventBusProducer.class)).isInstanceOf(InMemoryEventBusProducer.class);
		assertThat(this.context.getBeanProvider(SchemaRegistryClient.class).getIfAvailable()).isNull();
		assertThat(this.inbound.workers()).extracting("name").containsExactly("loans", "enrollments");
	}

	@Test
	void aPublishedEventIsRecordedWithItsTopicAndKeyInOrder() {
		this.publisher.publishEvent(BOOK_LOANED.event(new BookData("978-0", "Dune", 2)));
		this.publisher.publishEvent(BOOK_RETURNED.event(new BookData("978-0", "Dune", 3)));

		assertThat(this.published).toTopic("library-loans").hasTypes(BOOK_LOANED, BOOK_RETURNED);
		assertThat(this.published).ofType(BOOK_LOANED)
			.singleEvent()
			.hasTopic("library-loans")
			.hasKey("978-0")
			.hasSource("openedx/library/web")
			.hasDataSatisfying(BookData.class, (book) -> assertThat(book.copies()).isEqualTo(2));
		assertThat(this.published.ofType(BOOK_RETURNED)).singleElement()
			.satisfies((event) -> assertThat(event.data().title()).isEqualTo("Dune"));
	}

	@Test
	void theAssertionsSayWhatWasPublishedWhenTheyFail() {
		this.publisher.publishEvent(BOOK_LOANED.event(new BookData("978-0", "Dune", 2)));

		assertThatThrownBy(() -> assertThat(this.published).ofType(BOOK_LOANED).withKey("978-1").singleEvent())
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected 1 published events of type org.acme.library.book.loaned.v1 with key 978-1")
			.hasMessageContaining("there were 0");
		assertThatThrownBy(() -> assertThat(this.published).ofType(BOOK_LOANED).singleEvent().hasTopic("other"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("it went to library-loans");
	}

	@Test
	void anEventTheWireCannotCarryFailsAsItWouldOnKafka() {
		assertThat(this.bus.publish(BOOK_RETURNED.event(new BookData("978-0", null, 1))))
			.failsWithin(Duration.ofSeconds(1))
			.withThrowableThat()
			.withMessageContaining("field 'book.title' is null");
		assertThat(this.bus.send("library-scans", "book.isbn", BOOK_SCANNED.event(new BookData("1", "x", 1))))
			.failsWithin(Duration.ofSeconds(1))
			.withThrowableThat()
			.withMessageContaining("carries a file handle");
		assertThat(this.published).isEmpty();
	}

	@Test
	void anEventSentFromAnotherThreadIsAwaitedWithoutSleeping() {
		CompletableFuture.runAsync(() -> this.publisher.publishEvent(BOOK_LOANED.event(new BookData("1", "Emma", 1))));

		PublishedEvent<BookData> loan = this.published.await(BOOK_LOANED, Duration.ofSeconds(10));

		assertThat(loan.data().title()).isEqualTo("Emma");
		assertThatThrownBy(() -> this.published.await(BOOK_RETURNED, Duration.ofMillis(50)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("no org.acme.library.book.returned.v1 was published")
			.hasMessageContaining("org.acme.library.book.loaned.v1");
	}

	@Test
	void anInboundEventReachesTheListenerWithItsMetadata() {
		DeliveryOutcome outcome = this.inbound.deliver("library-loans", "book.isbn",
				BOOK_LOANED.event(new BookData("42", "Ulysses", 1))).awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(outcome.group()).isEqualTo("desk");
		assertThat(outcome.attempts()).isEqualTo(1);
		assertThat(this.listeners.loans).extracting(BookData::title).contains("Ulysses");
		assertThat(this.listeners.loanMetadata).extracting((metadata) -> metadata.eventType())
			.contains(LibraryApplication.LOANED);
	}

	@Test
	void aListenerFailureIsRetriedThenDeadLettered() {
		OpenEdxEvent<BookData> event = BOOK_LOANED.event(new BookData("7", "fail", 1));
		Delivery delivery = this.inbound.deliver("library-loans", event);

		DeliveryOutcome outcome = delivery.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DEAD_LETTERED);
		assertThat(outcome.failureKind()).isEqualTo(FailureKind.HANDLER_ERROR);
		assertThat(outcome.failure()).contains("after 3 attempts").contains("the desk is closed");
		assertThat(outcome.attempts()).isEqualTo(3);
		assertThat(this.transport.broker().messages("library-loans-dlt"))
			.anySatisfy((message) -> assertThat(message.eventId()).isEqualTo(event.metadata().id().toString()));
	}

	@Test
	void aListenerThatFailsOnceSucceedsOnTheRetry() {
		DeliveryOutcome outcome = this.inbound
			.deliver("library-loans", BOOK_LOANED.event(new BookData("8", "flaky", 1)))
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(outcome.attempts()).isEqualTo(2);
	}

	@Test
	void anEventTypeTheWorkerDoesNotSelectIsFilteredWithoutCallingTheListeners() {
		DeliveryOutcome outcome = this.inbound
			.deliver("library-loans", BOOK_RETURNED.event(new BookData("9", "Returned", 1)))
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.FILTERED);
		assertThat(outcome.attempts()).isZero();
		assertThat(this.listeners.loans).extracting(BookData::title).doesNotContain("Returned");
	}

	@Test
	void aPythonServicesKafkaRecordIsDecodedByTheRealDecoder() {
		EnrollmentVector vector = EnrollmentVector.load();
		this.inbound.registerSchema(vector.valueSchemaId(), vector.valueSchema());
		InboundEvents.KafkaRecord record = this.inbound.kafkaRecord(vector.topic());
		for (JsonNode header : vector.kafka().get("headers")) {
			record.header(header.get("name").asText(), EnrollmentVector.hex(header.get("hex").asText()));
		}

		DeliveryOutcome outcome = record.key(EnrollmentVector.hex(vector.kafka().get("key_hex").asText()))
			.value(EnrollmentVector.hex(vector.kafka().get("value_hex").asText()))
			.deliver()
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(this.listeners.enrollments).anySatisfy(
				(enrollment) -> assertThat(enrollment.user().pii().username()).isEqualTo(vector.username()));
	}

	@Test
	void aRecordWithoutItsIdHeaderIsAMetadataFailure() {
		DeliveryOutcome outcome = this.inbound.kafkaRecord("library-loans")
			.header("ce_type", LibraryApplication.LOANED)
			.value(new byte[] { 0, 0, 0, 0, 1, 2 })
			.deliver()
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DEAD_LETTERED);
		assertThat(outcome.failureKind()).isEqualTo(FailureKind.MISSING_METADATA);
		assertThat(outcome.attempts()).isZero();
	}

	@Test
	void aValueWhoseSchemaIdNoRegistryKnowsIsUndecodable() {
		DeliveryOutcome outcome = this.inbound.kafkaRecord("library-loans")
			.header("ce_type", LibraryApplication.LOANED)
			.header("ce_id", UUID.randomUUID().toString())
			.value(new byte[] { 0, 0, 0, 0, 0x7f, 1 })
			.deliver()
			.awaitOutcome();

		assertThat(outcome.failureKind()).isEqualTo(FailureKind.UNDECODABLE_VALUE);
		assertThat(outcome.failure()).contains("no schema with id 127");
	}

	@Test
	void noWorkerOnATopicIsSaidAtOnce() {
		assertThatThrownBy(() -> this.inbound.deliver("nobody-reads-this", BOOK_LOANED.event(new BookData("1", "a", 1)))
			.awaitOutcome()).isInstanceOf(AssertionError.class)
			.hasMessageContaining("No worker consumes nobody-reads-this")
			.hasMessageContaining("loans on library-loans");
	}

	@Test
	void publishedEventsAreClearedBeforeEachTest() {
		assertThat(this.published).isEmpty();
		this.publisher.publishEvent(BOOK_LOANED.event(new BookData("1", "a", 1)));
		assertThat(this.published).hasSize(1);
	}

}
