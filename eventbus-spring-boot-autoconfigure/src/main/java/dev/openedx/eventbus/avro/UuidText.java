package dev.openedx.eventbus.avro;

import java.util.UUID;

/**
 * UUID text as Python's {@code str(uuid)} writes it and {@code uuid.UUID(text)} reads it.
 */
final class UuidText {

	private UuidText() {
	}

	/**
	 * Parse like {@code uuid.UUID(text)}: the usual hyphenated form, and also what Python tolerates
	 * ({@code urn:uuid:} prefix, braces, no hyphens). {@link UUID#fromString} alone would accept shapes Python
	 * rejects ({@code 1-2-3-4-5}).
	 * @throws IllegalArgumentException when Python would reject the text
	 */
	static UUID parse(String text) {
		if (text.length() == 36 && text.charAt(8) == '-' && text.charAt(13) == '-' && text.charAt(18) == '-'
				&& text.charAt(23) == '-') {
			return UUID.fromString(text);
		}
		String hex = text.replace("urn:", "").replace("uuid:", "");
		int from = 0;
		int to = hex.length();
		while (from < to && (hex.charAt(from) == '{' || hex.charAt(from) == '}')) {
			from++;
		}
		while (to > from && (hex.charAt(to - 1) == '{' || hex.charAt(to - 1) == '}')) {
			to--;
		}
		hex = hex.substring(from, to).replace("-", "");
		if (hex.length() != 32) {
			throw new IllegalArgumentException("badly formed hexadecimal UUID string");
		}
		for (int i = 0; i < 32; i++) {
			if (Character.digit(hex.charAt(i), 16) < 0) {
				throw new IllegalArgumentException("badly formed hexadecimal UUID string");
			}
		}
		return new UUID(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
	}

}
