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

import com.fasterxml.jackson.databind.JsonNode;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.test.LibraryApplication.BookData;
import dev.openedx.eventbus.test.LibraryApplication.Listeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

import static dev.openedx.eventbus.test.LibraryApplication.BOOK_LOANED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application on {@code eventbus.transport=redis}: the in-memory bus carries the Redis wire form (stream fields,
 * unframed Avro), decoded by the Redis transport's decoder; no redis-server is involved.
 */
@SpringBootTest(classes = LibraryApplication.class, properties = { "spring.application.name=library",
		"eventbus.transport=redis", "eventbus.consumer.failure-policy=log-and-skip",
		"eventbus.producer.events.[org.acme.library.book.loaned.v1].library-loans.event-key-field=book.isbn",
		"eventbus.consumer.workers.loans.topic=library-loans", "eventbus.consumer.workers.loans.group-id=desk",
		"eventbus.consumer.workers.enrollments.topic=learning-course-enrollment-lifecycle",
		"eventbus.consumer.workers.enrollments.group-id=library-enrollments" })
@AutoConfigureInMemoryEventBus
class InMemoryEventBusRedisTests {

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	PublishedEvents published;

	@Autowired
	InboundEvents inbound;

	@Autowired
	Listeners listeners;

	@Test
	void aPublishedEventTravelsAsStreamFieldsWithoutAKey() {
		this.publisher.publishEvent(BOOK_LOANED.event(new BookData("978-0", "Dune", 2)));

		PublishedEvent<?> loan = assertThat(this.published).ofType(BOOK_LOANED).singleEvent().actual();
		assertThat(loan.key()).isNull();
		assertThat(loan.topic()).isEqualTo("library-loans");
	}

	@Test
	void aPythonServicesStreamEntryIsDecodedByTheRealDecoder() {
		EnrollmentVector vector = EnrollmentVector.load();
		InboundEvents.RedisEntry entry = this.inbound.redisEntry(vector.topic());
		for (JsonNode field : vector.redisFields()) {
			entry.field(field.get("name").asText(), EnrollmentVector.hex(field.get("hex").asText()));
		}

		DeliveryOutcome outcome = entry.deliver().awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(this.listeners.enrollments).anySatisfy(
				(enrollment) -> assertThat(enrollment.user().pii().username()).isEqualTo(vector.username()));
	}

	@Test
	void anEntryWithoutItsTypeFieldIsSkippedAsAMetadataFailure() {
		DeliveryOutcome outcome = this.inbound.redisEntry("library-loans").field("event_data", new byte[] { 1 })
			.deliver()
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.SKIPPED);
		assertThat(outcome.failureKind()).isEqualTo(FailureKind.MISSING_METADATA);
	}

	@Test
	void aTypedEventIsDeliveredInTheRedisForm() {
		Delivery delivery = this.inbound.deliver("library-loans", BOOK_LOANED.event(new BookData("1", "Emma", 1)));

		assertThat(delivery.awaitOutcome().result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(delivery.coordinates()).matches("library-loans@\\d+-0");
		assertThat(this.listeners.loans).extracting(BookData::title).contains("Emma");
	}

}
