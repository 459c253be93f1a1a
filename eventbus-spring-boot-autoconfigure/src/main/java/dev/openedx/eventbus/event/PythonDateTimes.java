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

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date-time text exactly as Python writes it with {@code datetime.isoformat()} and reads it with
 * {@code datetime.fromisoformat()}: the only date-time format on the Open edX wire (metadata {@code time}, and every
 * {@code datetime} field inside event data, which Avro carries as a string).
 * <p>
 * Writing: {@code 2026-03-14T15:09:26.535897+00:00}, or {@code 2026-01-05T00:00:00+00:00} when the microseconds are
 * zero; always an explicit offset ({@code +00:00}, never {@code Z}). Reading accepts what Python 3.11+ accepts for
 * the usual shapes: {@code T} or space separator, 1 to 9 fraction digits (truncated to microseconds, as Python does),
 * offset {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH:MM:SS}, or no offset at all.
 *
 * @since 0.1.0
 */
public final class PythonDateTimes {

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2})(?::(\\d{2})"
			+ "(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?)?" + "(Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2}(?:\\.\\d{1,6})?)?)?)?");

	private PythonDateTimes() {
	}

	/**
	 * Format an instant as Python's {@code isoformat()} of a UTC-aware datetime.
	 * @param instant the instant, must not be {@code null}
	 * @return for example {@code 2026-01-02T03:04:05.678901+00:00}
	 */
	public static String formatUtc(Instant instant) {
		return format(instant.atOffset(ZoneOffset.UTC));
	}

	/**
	 * Format a date-time as Python's {@code isoformat()}: microsecond precision (finer digits are truncated, as a
	 * Python datetime cannot hold them), no fraction when the microseconds are zero, explicit offset.
	 * @param dateTime the date-time, must not be {@code null}
	 * @return the text, never {@code null}
	 */
	public static String format(OffsetDateTime dateTime) {
		int year = dateTime.getYear();
		int offset = dateTime.getOffset().getTotalSeconds();
		if (year < 1 || year > 9999 || offset % 60 != 0) {
			return formatGeneral(dateTime);
		}
		// The shape of almost every value, built without a StringBuilder: this runs for every date-time of every event.
		int micros = dateTime.getNano() / 1000;
		char[] chars = new char[(micros != 0) ? 32 : 25];
		digits(chars, 0, year, 4);
		chars[4] = '-';
		digits(chars, 5, dateTime.getMonthValue(), 2);
		chars[7] = '-';
		digits(chars, 8, dateTime.getDayOfMonth(), 2);
		chars[10] = 'T';
		digits(chars, 11, dateTime.getHour(), 2);
		chars[13] = ':';
		digits(chars, 14, dateTime.getMinute(), 2);
		chars[16] = ':';
		digits(chars, 17, dateTime.getSecond(), 2);
		int i = 19;
		if (micros != 0) {
			chars[i] = '.';
			digits(chars, i + 1, micros, 6);
			i += 7;
		}
		chars[i] = (offset < 0) ? '-' : '+';
		int minutes = Math.abs(offset) / 60;
		digits(chars, i + 1, minutes / 60, 2);
		chars[i + 3] = ':';
		digits(chars, i + 4, minutes % 60, 2);
		return new String(chars);
	}

	/** The general formatter, for every value (also the rare ones the fast path hands over). */
	static String formatGeneral(OffsetDateTime dateTime) {
		StringBuilder sb = new StringBuilder(32);
		int year = dateTime.getYear();
		if (year < 1 || year > 9999) {
			throw new DateTimeException("Year " + year + " is outside Python's datetime range 1..9999");
		}
		pad(sb, year, 4).append('-');
		pad(sb, dateTime.getMonthValue(), 2).append('-');
		pad(sb, dateTime.getDayOfMonth(), 2).append('T');
		pad(sb, dateTime.getHour(), 2).append(':');
		pad(sb, dateTime.getMinute(), 2).append(':');
		pad(sb, dateTime.getSecond(), 2);
		int micros = dateTime.getNano() / 1000;
		if (micros != 0) {
			pad(sb.append('.'), micros, 6);
		}
		int offset = dateTime.getOffset().getTotalSeconds();
		sb.append(offset < 0 ? '-' : '+');
		offset = Math.abs(offset);
		pad(sb, offset / 3600, 2).append(':');
		pad(sb, (offset / 60) % 60, 2);
		if (offset % 60 != 0) {
			pad(sb.append(':'), offset % 60, 2);
		}
		return sb.toString();
	}

	/**
	 * Parse date-time text as Python's {@code fromisoformat()} does. Text without an offset (a naive Python datetime)
	 * is read as UTC, the time zone Open edX services run in.
	 * @param text the text, must not be {@code null}
	 * @return the date-time, truncated to microseconds
	 * @throws DateTimeException when the text is not an ISO-8601 date-time Python would accept
	 */
	public static OffsetDateTime parse(String text) {
		Parsed parsed = parseParts(text);
		return parsed.local.atOffset(parsed.offset != null ? parsed.offset : ZoneOffset.UTC);
	}

	/**
	 * Parse metadata time text, which a Python consumer only accepts when it carries a zero UTC offset.
	 * @param text the text, must not be {@code null}
	 * @return the instant, truncated to microseconds
	 * @throws DateTimeException when the text does not parse, has no offset, or has a non-zero offset
	 */
	public static Instant parseUtc(String text) {
		Parsed parsed = parseParts(text);
		if (parsed.offset == null) {
			throw new DateTimeException("'" + text + "' has no UTC offset (a naive time); expected for example "
					+ "2026-01-02T03:04:05.678901+00:00");
		}
		if (parsed.offset.getTotalSeconds() != 0) {
			throw new DateTimeException("'" + text + "' has offset " + parsed.offset + "; it must be UTC (+00:00)");
		}
		return parsed.local.toInstant(ZoneOffset.UTC);
	}

	/** {@link #parse(String)} without the fast path, to check that both agree. */
	static OffsetDateTime parseGeneral(String text) {
		Parsed parsed = regexParts(text);
		return parsed.local.atOffset(parsed.offset != null ? parsed.offset : ZoneOffset.UTC);
	}

	private static Parsed parseParts(String text) {
		Parsed parsed = canonicalParts(text);
		return (parsed != null) ? parsed : regexParts(text);
	}

	/**
	 * The shapes Python writes ({@code 2026-03-14T15:09:26.535897+00:00}, without the fraction when it is zero, or
	 * naive without offset) read by hand, because a regular expression per date-time costs more than the rest of an
	 * event's decoding; {@code null} for any other shape, which {@link #regexParts} then reads.
	 */
	private static Parsed canonicalParts(String text) {
		int length = text.length();
		if ((length != 19 && length != 25 && length != 26 && length != 32) || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			return null;
		}
		int year = number(text, 0, 4);
		int month = number(text, 5, 7);
		int day = number(text, 8, 10);
		int hour = number(text, 11, 13);
		int minute = number(text, 14, 16);
		int second = number(text, 17, 19);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int i = 19;
		int nanos = 0;
		if (length == 26 || length == 32) {
			int micros = (text.charAt(i) == '.') ? number(text, i + 1, i + 7) : -1;
			if (micros < 0) {
				return null;
			}
			nanos = micros * 1000;
			i += 7;
		}
		ZoneOffset offset = null;
		if (i < length) {
			char sign = text.charAt(i);
			int hours = number(text, i + 1, i + 3);
			int minutes = number(text, i + 4, i + 6);
			if ((sign != '+' && sign != '-') || text.charAt(i + 3) != ':' || (hours | minutes) < 0) {
				return null;
			}
			int seconds = hours * 3600 + minutes * 60;
			offset = (seconds == 0) ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((sign == '-') ? -seconds : seconds);
		}
		return new Parsed(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
	}

	/** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
	private static int number(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			int digit = text.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static void digits(char[] chars, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			chars[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

	private static Parsed regexParts(String text) {
		Matcher m = ISO.matcher(text);
		if (!m.matches()) {
			throw new DateTimeException("'" + text + "' is not an ISO-8601 date-time such as 2026-01-02T03:04:05+00:00");
		}
		int nanos = 0;
		if (m.group(7) != null) {
			String fraction = (m.group(7) + "000000000").substring(0, 9);
			nanos = Integer.parseInt(fraction) / 1000 * 1000;
		}
		LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(3)), group(m, 4), group(m, 5), group(m, 6), nanos);
		return new Parsed(local, offset(m.group(8)));
	}

	private static int group(Matcher m, int group) {
		return (m.group(group) != null) ? Integer.parseInt(m.group(group)) : 0;
	}

	private static ZoneOffset offset(String text) {
		if (text == null) {
			return null;
		}
		if (text.equals("Z")) {
			return ZoneOffset.UTC;
		}
		int sign = text.charAt(0) == '-' ? -1 : 1;
		String digits = text.substring(1).replace(":", "");
		int dot = digits.indexOf('.');
		if (dot >= 0) {
			digits = digits.substring(0, dot);
		}
		int hours = Integer.parseInt(digits.substring(0, 2));
		int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
		int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
		return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
	}

	/**
	 * Truncate to the microsecond precision of a Python datetime.
	 * @param instant the instant
	 * @return the truncated instant
	 */
	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static StringBuilder pad(StringBuilder sb, int value, int width) {
		String digits = Integer.toString(value);
		for (int i = digits.length(); i < width; i++) {
			sb.append('0');
		}
		return sb.append(digits);
	}

	private record Parsed(LocalDateTime local, ZoneOffset offset) {
	}

}
