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

package dev.openedx.eventbus.listener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.MemberData;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

class OpenEdxEventListenerFactoryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ListenerInfrastructure.class);


	@Test
	void methodTakingTheDataReceivesIt() {
		this.contextRunner.withBean(DataListener.class).run((context) -> {
			context.publishEvent(loan("isbn-1"));
			assertThat(context.getBean(DataListener.class).received).extracting(BookData::isbn)
				.containsExactly("isbn-1");
		});
	}

	@Test
	void methodTakingDataAndMetadataReceivesTheEventsMetadata() {
		this.contextRunner.withBean(MetadataListener.class).run((context) -> {
			OpenEdxEvent<BookData> event = loan("isbn-1");
			context.publishEvent(event);
			assertThat(context.getBean(MetadataListener.class).metadata).containsExactly(event.metadata());
		});
	}

	@Test
	void methodTakingTheEventReceivesIt() {
		this.contextRunner.withBean(EnvelopeListener.class).run((context) -> {
			OpenEdxEvent<BookData> event = loan("isbn-1");
			context.publishEvent(event);
			assertThat(context.getBean(EnvelopeListener.class).events).containsExactly(event);
		});
	}

	@Test
	void methodWithoutEventTypesReceivesEveryTypeCarryingItsDataType() {
		this.contextRunner.withBean(DataListener.class).run((context) -> {
			context.publishEvent(loan("loaned"));
			context.publishEvent(TestEvents.BOOK_RETURNED.event(new BookData("returned", "t", 1)));
			context.publishEvent(TestEvents.MEMBER_JOINED.event(new MemberData("ann")));
			assertThat(context.getBean(DataListener.class).received).extracting(BookData::isbn)
				.containsExactly("loaned", "returned");
		});
	}

	@Test
	void methodWithEventTypesReceivesOnlyThose() {
		this.contextRunner.withBean(LoansOnlyListener.class).run((context) -> {
			context.publishEvent(loan("loaned"));
			context.publishEvent(TestEvents.BOOK_RETURNED.event(new BookData("returned", "t", 1)));
			assertThat(context.getBean(LoansOnlyListener.class).received).extracting(BookData::isbn)
				.containsExactly("loaned");
		});
	}

	@Test
	void conditionSelectsEvents() {
		this.contextRunner.withBean(ConditionalListener.class).run((context) -> {
			context.publishEvent(loan("keep"));
			context.publishEvent(loan("drop"));
			assertThat(context.getBean(ConditionalListener.class).received).extracting(BookData::isbn)
				.containsExactly("keep");
		});
	}

	@Test
	void listenersRunInTheirOrder() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.contextRunner.withBean(OrderedListeners.class, () -> new OrderedListeners(calls)).run((context) -> {
			context.publishEvent(loan("x"));
			assertThat(calls).containsExactly("first", "second");
		});
	}

	@Test
	void plainEventListenerOnTheGenericEventSeesOnlyItsDataType() {
		this.contextRunner.withBean(PlainListener.class).run((context) -> {
			context.publishEvent(loan("book"));
			context.publishEvent(TestEvents.MEMBER_JOINED.event(new MemberData("ann")));
			assertThat(context.getBean(PlainListener.class).books).extracting((event) -> event.data().isbn())
				.containsExactly("book");
		});
	}

	@Test
	void exceptionOfALocallyPublishedEventReachesThePublisher() {
		this.contextRunner.withBean(FailingListener.class).run((context) -> {
			assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> context.publishEvent(loan("x"))))
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("listener failed on x");
		});
	}

	@Test
	void unknownEventTypeFailsStartupNamingTheMethod() {
		this.contextRunner.withBean(UnknownTypeListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidOpenEdxEventListenerException.class)
				.hasMessageContaining(UnknownTypeListener.class.getName() + ".on(BookData)")
				.hasMessageContaining("'org.acme.nothing.v1' is unknown"));
	}

	@Test
	void dataTypeNoEventCarriesFailsStartupNamingTheMethod() {
		this.contextRunner.withBean(StrangeDataListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(StrangeDataListener.class.getName() + ".on(String)")
				.hasMessageContaining("no known event type carries java.lang.String data"));
	}

	@Test
	void rawEventParameterWithoutEventTypesFailsStartupAsAmbiguous() {
		this.contextRunner.withBean(RawEventListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("do not tell which event types"));
	}

	@Test
	void eventTypeWhoseDataTheParameterCannotTakeFailsStartup() {
		this.contextRunner.withBean(MismatchedListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("carries " + BookData.class.getName() + " data"));
	}

	@Test
	void twoDataParametersFailStartup() {
		this.contextRunner.withBean(TwoDataListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("more than one event data parameter"));
	}

	@Test
	void methodReturningAValueFailsStartup() {
		this.contextRunner.withBean(ReturningListener.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("returns String; listener methods return void"));
	}

	static OpenEdxEvent<BookData> loan(String isbn) {
		OpenEdxEvent<BookData> event = TestEvents.BOOK_LOANED.event(new BookData(isbn, "title", 1));
		event.metadata(EventOrigin.forService("library"));
		return event;
	}

	static class DataListener {

		final List<BookData> received = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener
		void on(BookData book) {
			this.received.add(book);
		}

	}

	static class MetadataListener {

		final List<EventsMetadata> metadata = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener(TestEvents.BOOK_LOANED_TYPE)
		void on(BookData book, EventsMetadata metadata) {
			this.metadata.add(metadata);
		}

	}

	static class EnvelopeListener {

		final List<OpenEdxEvent<BookData>> events = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener
		void on(OpenEdxEvent<BookData> event) {
			this.events.add(event);
		}

	}

	static class LoansOnlyListener {

		final List<BookData> received = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener(TestEvents.BOOK_LOANED_TYPE)
		void on(BookData book) {
			this.received.add(book);
		}

	}

	static class ConditionalListener {

		final List<BookData> received = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener(condition = "#data.isbn() == 'keep' and type().type() == '" + TestEvents.BOOK_LOANED_TYPE
				+ "'")
		void on(BookData book) {
			this.received.add(book);
		}

	}

	static class OrderedListeners {

		private final List<String> calls;

		OrderedListeners(List<String> calls) {
			this.calls = calls;
		}

		@Order(2)
		@OpenEdxEventListener
		void second(BookData book) {
			this.calls.add("second");
		}

		@Order(1)
		@OpenEdxEventListener
		void first(BookData book) {
			this.calls.add("first");
		}

	}

	static class PlainListener {

		final List<OpenEdxEvent<BookData>> books = new CopyOnWriteArrayList<>();

		@EventListener
		void on(OpenEdxEvent<BookData> event) {
			this.books.add(event);
		}

	}

	static class FailingListener {

		@OpenEdxEventListener
		void on(BookData book) {
			throw new IllegalStateException("listener failed on " + book.isbn());
		}

	}

	static class UnknownTypeListener {

		@OpenEdxEventListener("org.acme.nothing.v1")
		void on(BookData book) {
		}

	}

	static class StrangeDataListener {

		@OpenEdxEventListener
		void on(String text) {
		}

	}

	static class RawEventListener {

		@OpenEdxEventListener
		@SuppressWarnings("rawtypes")
		void on(OpenEdxEvent event) {
		}

	}

	static class MismatchedListener {

		@OpenEdxEventListener(TestEvents.BOOK_LOANED_TYPE)
		void on(MemberData member) {
		}

	}

	static class TwoDataListener {

		@OpenEdxEventListener
		void on(BookData book, MemberData member) {
		}

	}

	static class ReturningListener {

		@OpenEdxEventListener
		String on(BookData book) {
			return book.isbn();
		}

	}

}
