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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEventListener;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A small application of the kind a team writes: event types of its own, listeners, routes in its properties.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class LibraryApplication {

	static final String LOANED = "org.acme.library.book.loaned.v1";

	static final EventType<BookData> BOOK_LOANED = EventType.of(LOANED, "book", BookData.class);

	static final EventType<BookData> BOOK_RETURNED = EventType.of("org.acme.library.book.returned.v1", "book",
			BookData.class);

	static final EventType<BookData> BOOK_SCANNED = EventType.unserializable("org.acme.library.book.scanned.v1",
			"book", BookData.class, "carries a file handle");

	/** Routes and workers as a service's application.yml has them. */
	static final String[] PROPERTIES = { "spring.application.name=library",
			"eventbus.producer.events.[org.acme.library.book.loaned.v1].library-loans.event-key-field=book.isbn",
			"eventbus.producer.events.[org.acme.library.book.returned.v1].library-loans.event-key-field=book.isbn",
			"eventbus.consumer.workers.loans.topic=library-loans", "eventbus.consumer.workers.loans.group-id=desk",
			"eventbus.consumer.workers.loans.event-types=" + LOANED,
			"eventbus.consumer.workers.enrollments.topic=learning-course-enrollment-lifecycle",
			"eventbus.consumer.workers.enrollments.group-id=library-enrollments",
			"eventbus.consumer.retry.max-attempts=3", "eventbus.consumer.retry.initial-interval=10ms" };

	@Bean
	EventType<BookData> bookLoaned() {
		return BOOK_LOANED;
	}

	@Bean
	EventType<BookData> bookReturned() {
		return BOOK_RETURNED;
	}

	@Bean
	EventType<BookData> bookScanned() {
		return BOOK_SCANNED;
	}

	@Bean
	Listeners listeners() {
		return new Listeners();
	}

	record BookData(String isbn, String title, long copies) {
	}

	/** Records what it received; a title of "fail" makes it throw, "flaky" throws on the first call only. */
	static class Listeners {

		final List<BookData> loans = new CopyOnWriteArrayList<>();

		final List<EventsMetadata> loanMetadata = new CopyOnWriteArrayList<>();

		final List<CourseEnrollmentData> enrollments = new CopyOnWriteArrayList<>();

		private volatile boolean failedOnce;

		@OpenEdxEventListener(LOANED)
		void onLoan(BookData book, EventsMetadata metadata) {
			if (book.title().equals("fail")) {
				throw new IllegalStateException("the desk is closed");
			}
			if (book.title().equals("flaky") && !this.failedOnce) {
				this.failedOnce = true;
				throw new IllegalStateException("try again");
			}
			this.loans.add(book);
			this.loanMetadata.add(metadata);
		}

		@OpenEdxEventListener(LearningEvents.Types.COURSE_ENROLLMENT_CREATED)
		void onEnrollment(CourseEnrollmentData enrollment) {
			this.enrollments.add(enrollment);
		}

	}

}
