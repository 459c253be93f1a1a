package dev.openedx.eventbus.sample.producer;

import org.jspecify.annotations.Nullable;

/**
 * Checks of request bodies. An event whose required field is missing would only fail when it is sent, after the
 * request returned, so requests are checked before anything is published.
 */
final class Requests {

	private Requests() {
	}

	static void requireText(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
	}

}
