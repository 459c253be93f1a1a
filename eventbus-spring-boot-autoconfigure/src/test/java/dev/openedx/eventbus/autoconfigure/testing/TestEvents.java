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
