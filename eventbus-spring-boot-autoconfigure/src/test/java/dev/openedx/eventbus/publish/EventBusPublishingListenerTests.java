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

import java.util.List;

import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class EventBusPublishingListenerTests {

	private final RecordingProducer producer = new RecordingProducer();

	private final EventBusPublisher publisher = new EventBusPublisher(
			new EventRoutes(List.of(new EventRoute(TestEvents.BOOK_LOANED, "loans", "book.isbn", true))),
			this.producer, new EventMetadataStamper(EventOrigin.forService("library")), List.of(), SendScheduler.IMMEDIATE);

	@Test
	void publishedEventGoesToTheBus() {
		try (GenericApplicationContext context = context()) {
			context.publishEvent(TestEvents.BOOK_LOANED.event(new BookData("i", "t", 1)));
			assertThat(this.producer.sends()).hasSize(1);
		}
	}

	@Test
	void eventReceivedFromTheBusIsNotSentBack() {
		try (GenericApplicationContext context = context()) {
			context.publishEvent(OpenEdxEvent.received(TestEvents.BOOK_LOANED, new BookData("i", "t", 1),
					EventOrigin.forService("lms").newMetadata(TestEvents.BOOK_LOANED)));
			assertThat(this.producer.sends()).isEmpty();
		}
	}

	@Test
	void failedSendIsLoggedWithTypeAndIdButNeverThrownToThePublisher(CapturedOutput output) {
		this.producer.failTopic("loans", "broker unreachable");
		try (GenericApplicationContext context = context()) {
			OpenEdxEvent<BookData> event = TestEvents.BOOK_LOANED.event(new BookData("secret-isbn", "t", 1));
			context.publishEvent(event);
			assertThat(output).contains("Event " + TestEvents.BOOK_LOANED_TYPE + " id=" + event.metadata().id()
					+ " was published but not sent to the event bus")
				.contains("broker unreachable")
				.doesNotContain("secret-isbn");
			assertThat(this.publisher.getFailedCount()).isEqualTo(1);
		}
	}

	@Test
	void eventIsSentBeforeTheApplicationsListenersRunSoTheirFailureDoesNotKeepItOffTheBus() {
		try (GenericApplicationContext context = context(FailingListener.class)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> context.publishEvent(TestEvents.BOOK_LOANED.event(new BookData("i", "t", 1))))
				.withMessage("local listener failed");
			assertThat(this.producer.sends()).hasSize(1);
		}
	}

	private GenericApplicationContext context(Class<?>... beans) {
		GenericApplicationContext context = new GenericApplicationContext();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBean(EventMetadataStamper.class, () -> new EventMetadataStamper(EventOrigin.local()));
		context.registerBean(EventBusPublishingListener.class, () -> new EventBusPublishingListener(this.publisher));
		for (Class<?> bean : beans) {
			context.registerBean(bean);
		}
		context.refresh();
		return context;
	}

	static class FailingListener {

		@EventListener
		void on(OpenEdxEvent<BookData> event) {
			throw new IllegalStateException("local listener failed");
		}

	}

}
