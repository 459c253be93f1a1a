package dev.openedx.eventbus.avro;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.openedx.eventbus.event.PythonDateTimes;

/**
 * {@link PythonDateTimes} on the codec's hot path. The canonical shapes Python writes
 * ({@code 2026-03-14T15:09:26.535897+00:00}, without fraction when it is zero, naive without offset) are formatted
 * and parsed by hand, because a regular expression per date-time would cost more than the rest of an event; every
 * other shape goes to {@link PythonDateTimes}, so both always agree (tested).
 */
final class DateTimeText {

	private DateTimeText() {
	}

	static String format(OffsetDateTime dateTime) {
		int year = dateTime.getYear();
		int offset = dateTime.getOffset().getTotalSeconds();
		if (year < 1 || year > 9999 || offset % 60 != 0) {
			return PythonDateTimes.format(dateTime);
		}
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

	/**
	 * Parse as {@link PythonDateTimes#parse(String)} does: naive text (no offset) is read as UTC.
	 * @throws java.time.DateTimeException when the text is not a date-time Python accepts
	 */
	static OffsetDateTime parse(String text) {
		int length = text.length();
		if ((length != 19 && length != 25 && length != 26 && length != 32) || !canonicalDateTime(text)) {
			return PythonDateTimes.parse(text);
		}
		int i = 19;
		int nanos = 0;
		if (length == 26 || length == 32) {
			if (text.charAt(i) != '.' || !allDigits(text, i + 1, i + 7)) {
				return PythonDateTimes.parse(text);
			}
			nanos = number(text, i + 1, i + 7) * 1000;
			i += 7;
		}
		ZoneOffset offset = ZoneOffset.UTC;
		if (i < length) {
			char sign = text.charAt(i);
			if ((sign != '+' && sign != '-') || text.charAt(i + 3) != ':' || !allDigits(text, i + 1, i + 3)
					|| !allDigits(text, i + 4, i + 6)) {
				return PythonDateTimes.parse(text);
			}
			int seconds = number(text, i + 1, i + 3) * 3600 + number(text, i + 4, i + 6) * 60;
			if (seconds != 0) {
				offset = ZoneOffset.ofTotalSeconds((sign == '-') ? -seconds : seconds);
			}
		}
		LocalDate date = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
		LocalTime time = LocalTime.of(number(text, 11, 13), number(text, 14, 16), number(text, 17, 19), nanos);
		return OffsetDateTime.of(LocalDateTime.of(date, time), offset);
	}

	private static boolean canonicalDateTime(String text) {
		return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
				&& text.charAt(16) == ':' && allDigits(text, 0, 4) && allDigits(text, 5, 7) && allDigits(text, 8, 10)
				&& allDigits(text, 11, 13) && allDigits(text, 14, 16) && allDigits(text, 17, 19);
	}

	private static boolean allDigits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int number(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static void digits(char[] chars, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			chars[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

}
