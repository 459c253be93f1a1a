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
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ApplicationEventDispatcherTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ListenerInfrastructure.class);

	@Test
	void receivedEventReachesListenersAsTheSameEvent() {
		this.contextRunner.withBean(Recorder.class).run((context) -> {
			OpenEdxEvent<BookData> event = received("isbn-1");
			context.getBean(ApplicationEventDispatcher.class).dispatch(event);
			assertThat(context.getBean(Recorder.class).events).containsExactly(event);
		});
	}

	@Test
	void everyListenerRunsWhenOneFailsAndTheFailureIsRaisedAfterwards() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.contextRunner.withBean(Listeners.class, () -> new Listeners(calls, "second")).run((context) -> {
			Throwable thrown = catchThrowable(
					() -> context.getBean(ApplicationEventDispatcher.class).dispatch(received("isbn-1")));
			assertThat(calls).containsExactly("first", "second", "third");
			assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("second failed");
		});
	}

	@Test
	void severalFailuresAreRaisedTogether() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.contextRunner.withBean(Listeners.class, () -> new Listeners(calls, "first", "third")).run((context) -> {
			OpenEdxEvent<BookData> event = received("isbn-1");
			Throwable thrown = catchThrowable(() -> context.getBean(ApplicationEventDispatcher.class).dispatch(event));
			assertThat(calls).containsExactly("first", "second", "third");
			assertThat(thrown).isInstanceOf(EventListenersFailedException.class)
				.hasMessageContaining("2 listeners failed on " + TestEvents.BOOK_LOANED_TYPE + " id="
						+ event.metadata().id())
				.hasMessageContaining("Listeners.first(BookData)=java.lang.IllegalStateException: first failed")
				.hasCauseInstanceOf(IllegalStateException.class);
			assertThat(thrown.getSuppressed()).singleElement()
				.satisfies((suppressed) -> assertThat(suppressed).hasMessage("third failed"));
		});
	}

	@Test
	void failingPlainEventListenerIsRaisedToo() {
		this.contextRunner.withBean(FailingPlainListener.class).run((context) -> {
			Throwable thrown = catchThrowable(
					() -> context.getBean(ApplicationEventDispatcher.class).dispatch(received("isbn-1")));
			assertThat(thrown).hasMessage("plain listener failed");
		});
	}

	@Test
	void locallyPublishedEventKeepsSpringsFirstFailureSemantics() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.contextRunner.withBean(Listeners.class, () -> new Listeners(calls, "first")).run((context) -> {
			OpenEdxEvent<BookData> local = TestEvents.BOOK_LOANED.event(new BookData("i", "t", 1));
			Throwable thrown = catchThrowable(() -> context.publishEvent(local));
			assertThat(thrown).hasMessage("first failed");
			assertThat(calls).containsExactly("first");
		});
	}

	static OpenEdxEvent<BookData> received(String isbn) {
		return OpenEdxEvent.received(TestEvents.BOOK_LOANED, new BookData(isbn, "t", 1),
				EventOrigin.forService("lms").newMetadata(TestEvents.BOOK_LOANED));
	}

	static class Recorder {

		final List<OpenEdxEvent<BookData>> events = new CopyOnWriteArrayList<>();

		@OpenEdxEventListener
		void on(OpenEdxEvent<BookData> event) {
			this.events.add(event);
		}

	}

	static class Listeners {

		private final List<String> calls;

		private final List<String> failing;

		Listeners(List<String> calls, String... failing) {
			this.calls = calls;
			this.failing = List.of(failing);
		}

		@Order(1)
		@OpenEdxEventListener
		void first(BookData book) {
			call("first");
		}

		@Order(2)
		@OpenEdxEventListener
		void second(BookData book) {
			call("second");
		}

		@Order(3)
		@OpenEdxEventListener
		void third(BookData book) {
			call("third");
		}

		private void call(String name) {
			this.calls.add(name);
			if (this.failing.contains(name)) {
				throw new IllegalStateException(name + " failed");
			}
		}

	}

	static class FailingPlainListener {

		@EventListener
		void on(OpenEdxEvent<BookData> event) {
			throw new IllegalArgumentException("plain listener failed");
		}

	}

}
