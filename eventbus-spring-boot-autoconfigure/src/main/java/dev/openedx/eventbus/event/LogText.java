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

package dev.openedx.eventbus.event;

import org.jspecify.annotations.Nullable;

/**
 * Makes values that come from the wire (event types, ids, keys, header values, Redis field names) safe to put in a log
 * line: a producer must not be able to forge log lines (CR/LF injection), hide text (bidirectional overrides) or
 * flood the log with one value. Hand-written because it is a few lines and the JDK has nothing equivalent.
 * <ul>
 * <li>{@code \} becomes {@code \\}, CR, LF and TAB become {@code \r}, {@code \n}, {@code \t}, so an escaped value
 * never reads like another;</li>
 * <li>other control characters (C0, DEL, C1), the Unicode line and paragraph separators and the bidirectional
 * controls become {@code \}{@code uXXXX};</li>
 * <li>a value longer than {@value #MAX_LENGTH} characters is cut, saying how much was left out.</li>
 * </ul>
 * <pre class="code">
 * logger.warn(() -&gt; "Unknown event type " + LogText.escape(typeHeader));
 * </pre>
 *
 * @since 0.1.0
 */
public final class LogText {

	/** Longest value kept whole. */
	public static final int MAX_LENGTH = 200;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private LogText() {
	}

	/**
	 * Escape a value for a log line.
	 * @param value the value, may be {@code null}
	 * @return the escaped value, the value itself when nothing needed escaping, {@code "null"} for {@code null}
	 */
	public static String escape(@Nullable CharSequence value) {
		if (value == null) {
			return "null";
		}
		int length = value.length();
		int kept = Math.min(length, MAX_LENGTH);
		int first = -1;
		for (int i = 0; i < kept; i++) {
			if (needsEscape(value.charAt(i))) {
				first = i;
				break;
			}
		}
		if (first < 0 && length <= MAX_LENGTH) {
			return value.toString();
		}
		StringBuilder out = new StringBuilder(kept + 16);
		int start = (first < 0) ? kept : first;
		out.append(value, 0, start);
		for (int i = start; i < kept; i++) {
			char c = value.charAt(i);
			if (!needsEscape(c)) {
				out.append(c);
				continue;
			}
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
					.append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
			}
		}
		if (length > MAX_LENGTH) {
			out.append("...(").append(length - MAX_LENGTH).append(" more chars)");
		}
		return out.toString();
	}

	private static boolean needsEscape(char c) {
		if (c < 0x20 || c == '\\' || (c >= 0x7f && c <= 0x9f)) {
			return true;
		}
		// Line and paragraph separators, bidirectional embeddings, overrides and isolates, byte-order mark.
		return c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
				|| c == '\u200e' || c == '\u200f' || c == '\ufeff';
	}

}
