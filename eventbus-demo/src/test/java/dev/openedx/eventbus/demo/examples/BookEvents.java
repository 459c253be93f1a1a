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

package dev.openedx.eventbus.demo.examples;

import java.time.OffsetDateTime;

import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.event.EventType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An event type of the application's own ({@code docs/producing.md}, your own events).
 */
// tag::user-defined[]
@Configuration(proxyBeanMethods = false)
public class BookEvents {

	/** One record per event data class; its components become the Avro fields (book_isbn, loaned_at, ...). */
	public record BookLoanData(String bookIsbn, UserData borrower, OffsetDateTime loanedAt) {
	}

	public static final EventType<BookLoanData> BOOK_LOANED =
			EventType.of("org.acme.library.book.loaned.v1", "loan", BookLoanData.class);

	/** A bean: the event bus adds it to the catalog, so it can be routed, consumed and given to the commands. */
	@Bean
	EventType<BookLoanData> bookLoaned() {
		return BOOK_LOANED;
	}

}
// end::user-defined[]
