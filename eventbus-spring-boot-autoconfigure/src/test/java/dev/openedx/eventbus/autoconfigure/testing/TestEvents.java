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

package dev.openedx.eventbus.autoconfigure.testing;

import java.util.List;

import dev.openedx.eventbus.event.EventType;

/**
 * Application-defined event types for tests that must not depend on the Open edX catalog: the kind an application
 * declares for its own events.
 */
public final class TestEvents {

	public static final String BOOK_LOANED_TYPE = "org.acme.library.book.loaned.v1";

	public static final String BOOK_RETURNED_TYPE = "org.acme.library.book.returned.v1";

	public static final String MEMBER_JOINED_TYPE = "org.acme.library.member.joined.v1";

	public static final EventType<BookData> BOOK_LOANED = EventType.of(BOOK_LOANED_TYPE, "book", BookData.class);

	public static final EventType<BookData> BOOK_RETURNED = EventType.of(BOOK_RETURNED_TYPE, "book", BookData.class);

	public static final EventType<MemberData> MEMBER_JOINED = EventType.of(MEMBER_JOINED_TYPE, "member",
			MemberData.class);

	public static final EventType<MemberData> MEMBER_SCANNED = EventType.unserializable(
			"org.acme.library.member.scanned.v1", "member", MemberData.class, "carries a file handle");

	private TestEvents() {
	}

	public static List<EventType<?>> all() {
		return List.of(BOOK_LOANED, BOOK_RETURNED, MEMBER_JOINED, MEMBER_SCANNED);
	}

	public record BookData(String isbn, String title, long copies) {
	}

	public record MemberData(String name) {
	}

}
