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

package dev.openedx.eventbus.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.EventEncodingException;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerObserver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventBusPublisherTests {

	private final RecordingProducer producer = new RecordingProducer();

	private final EventRoutes routes = new EventRoutes(
			List.of(new EventRoute(TestEvents.BOOK_LOANED, "loans", "book.isbn", true),
					new EventRoute(TestEvents.BOOK_LOANED, "audit", "book.isbn", true),
					new EventRoute(TestEvents.BOOK_LOANED, "later", "book.isbn", false)));

	private final List<String> observed = new ArrayList<>();

	private final EventBusPublisher publisher = new EventBusPublisher(this.routes, this.producer,
			new EventMetadataStamper(EventOrigin.forService("library")), List.of(new ProducerObserver() {

				@Override
				public void sent(EventRoute route, OpenEdxEvent<?> event, SendReceipt receipt, long nanos) {
					EventBusPublisherTests.this.observed.add("sent " + route.topic());
				}

				@Override
				public void failed(EventRoute route, OpenEdxEvent<?> event, Throwable error) {
					EventBusPublisherTests.this.observed.add("failed " + route.topic() + ": " + error.getMessage());
				}

			}), SendScheduler.IMMEDIATE);

	@Test
	void sendsOncePerEnabledRouteWithItsKeyField() {
		List<SendReceipt> receipts = this.publisher.publish(loan()).join();
		assertThat(receipts).extracting(SendReceipt::destination).containsExactly("loans", "audit");
		assertThat(this.producer.sends()).extracting(RecordingProducer.Send::topic).containsExactly("loans", "audit");
		assertThat(this.producer.sends()).extracting(RecordingProducer.Send::eventKeyField).containsOnly("book.isbn");
		assertThat(this.publisher.getSentCount()).isEqualTo(2);
	}

	@Test
	void stampsUnstampedEventsWithTheServiceOrigin() {
		OpenEdxEvent<BookData> event = loan();
		this.publisher.publish(event).join();
		assertThat(event.metadata().source()).isEqualTo("openedx/library/web");
	}

	@Test
	void routeSwitchedOnAtRunTimeIsUsedForTheNextEvent() {
		this.routes.setEnabled(TestEvents.BOOK_LOANED_TYPE, "later", true);
		this.publisher.publish(loan()).join();
		assertThat(this.producer.sends()).extracting(RecordingProducer.Send::topic)
			.containsExactly("loans", "audit", "later");
	}

	@Test
	void routeSwitchedOffAtRunTimeIsSkipped() {
		boolean before = this.routes.setEnabled(TestEvents.BOOK_LOANED_TYPE, "audit", false);
		this.publisher.publish(loan()).join();
		assertThat(before).isTrue();
		assertThat(this.producer.sends()).extracting(RecordingProducer.Send::topic).containsExactly("loans");
	}

	@Test
	void switchingAnUnknownRouteIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.routes.setEnabled(TestEvents.BOOK_LOANED_TYPE, "nowhere", true))
			.withMessageContaining("nowhere")
			.withMessageContaining("eventbus.producer.events");
	}

	@Test
	void eventWithoutRouteIsNotSent() {
		List<SendReceipt> receipts = this.publisher
			.publish(TestEvents.MEMBER_JOINED.event(new TestEvents.MemberData("ann")))
			.join();
		assertThat(receipts).isEmpty();
		assertThat(this.producer.sends()).isEmpty();
	}

	@Test
	void eventReceivedFromTheBusIsNeverSentBack() {
		OpenEdxEvent<BookData> received = OpenEdxEvent.received(TestEvents.BOOK_LOANED, book(),
				EventOrigin.forService("lms").newMetadata(TestEvents.BOOK_LOANED));
		assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.publish(received))
			.withMessageContaining("received from the event bus");
		assertThat(this.producer.sends()).isEmpty();
	}

	@Test
	void failedTopicFailsTheResultNamingItWhileOtherTopicsAreStillSent() {
		this.producer.failTopic("audit", "broker down");
		CompletableFuture<List<SendReceipt>> result = this.publisher.publish(loan());
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join)
			.havingCause()
			.isInstanceOf(EventPublicationException.class)
			.withMessageContaining("could not be sent to 1 of 2 topic(s): audit")
			.withMessageContaining("broker down");
		assertThat(this.producer.sends()).extracting(RecordingProducer.Send::topic).containsExactly("loans", "audit");
		assertThat(this.publisher.getFailedCount()).isEqualTo(1);
		assertThat(this.observed).containsExactly("sent loans", "failed audit: broker down");
	}

	@Test
	void exceptionThrownBySendIsReportedThroughTheFutureNotToTheCaller() {
		this.producer.throwOnTopic("loans", new EventEncodingException(TestEvents.BOOK_LOANED_TYPE, "book.isbn: null"));
		CompletableFuture<List<SendReceipt>> result = this.publisher.publish(loan());
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join)
			.havingCause()
			.isInstanceOf(EventPublicationException.class)
			.satisfies((ex) -> assertThat(((EventPublicationException) ex).getFailedTopics()).containsExactly("loans"))
			.withCauseInstanceOf(EventEncodingException.class);
	}

	@Test
	void everyFailedTopicIsKept() {
		this.producer.failTopic("loans", "first");
		this.producer.failTopic("audit", "second");
		CompletableFuture<List<SendReceipt>> result = this.publisher.publish(loan());
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join)
			.havingCause()
			.satisfies((ex) -> {
				assertThat(ex.getCause()).hasMessage("first");
				assertThat(ex.getSuppressed()).singleElement().satisfies((s) -> assertThat(s).hasMessage("second"));
			});
	}

	@Test
	void sendToOneTopicIgnoresTheRoutingTable() {
		SendReceipt receipt = this.publisher.send("elsewhere", null, loan()).join();
		assertThat(receipt.destination()).isEqualTo("elsewhere");
		assertThat(this.producer.sends()).singleElement()
			.satisfies((send) -> assertThat(send.eventKeyField()).isNull());
	}

	@Test
	void schedulerDecidesWhenTheSendsRun() {
		List<Runnable> deferred = new ArrayList<>();
		EventBusPublisher deferring = new EventBusPublisher(this.routes, this.producer, new EventMetadataStamper(EventOrigin.local()), List.of(),
				(event, sends) -> {
					CompletableFuture<List<SendReceipt>> result = new CompletableFuture<>();
					deferred.add(() -> sends.get().thenAccept(result::complete));
					return result;
				});
		CompletableFuture<List<SendReceipt>> result = deferring.publish(loan());
		assertThat(this.producer.sends()).isEmpty();
		deferred.forEach(Runnable::run);
		assertThat(result.join()).hasSize(2);
	}

	private static OpenEdxEvent<BookData> loan() {
		return TestEvents.BOOK_LOANED.event(book());
	}

	private static BookData book() {
		return new BookData("isbn-1", "Dune", 3);
	}

}
