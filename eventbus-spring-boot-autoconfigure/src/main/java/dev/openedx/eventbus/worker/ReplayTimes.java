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

package dev.openedx.eventbus.worker;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the time a replay starts from: an ISO-8601 date-time that must carry its offset. Python reads a time without
 * one in the process's local time zone, which differs between hosts; here it is refused instead.
 *
 * @since 0.1.0
 */
public final class ReplayTimes {

	private ReplayTimes() {
	}

	/**
	 * Parse a replay time.
	 * @param text for example {@code 2023-01-08T06:46:22+00:00} (a space may replace the {@code T}, {@code Z} may
	 * replace {@code +00:00})
	 * @return the time, never {@code null}
	 * @throws IllegalArgumentException with a one-sentence reason when the text has no offset or does not parse
	 */
	public static OffsetDateTime parse(String text) {
		String iso = text.strip().replace(' ', 'T');
		try {
			return OffsetDateTime.parse(iso);
		}
		catch (DateTimeParseException ex) {
			try {
				LocalDateTime.parse(iso);
			}
			catch (DateTimeParseException notLocal) {
				throw new IllegalArgumentException("'" + text
						+ "' is not an ISO-8601 date-time with an offset, such as 2023-01-08T06:46:22+00:00", ex);
			}
			throw new IllegalArgumentException("'" + text + "' has no UTC offset; give one explicitly, for example "
					+ iso + "+00:00 (Python would read it in the local time zone of each host)");
		}
	}

}
