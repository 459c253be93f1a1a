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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hand-written fast path of {@link PythonDateTimes} (the shapes Python writes) must agree with the general
 * implementation on every value.
 */
class PythonDateTimesFastPathTests {

	@Test
	void fastFormatAgreesWithTheGeneralFormatterForManyValues() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 20_000; i++) {
			OffsetDateTime value = randomDateTime(random);
			assertThat(PythonDateTimes.format(value)).as("%s", value).isEqualTo(PythonDateTimes.formatGeneral(value));
		}
	}

	@Test
	void fastParseAgreesWithTheGeneralParserOnWhatPythonWrites() {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 20_000; i++) {
			String text = PythonDateTimes.format(randomDateTime(random));
			assertThat(PythonDateTimes.parse(text)).as(text).isEqualTo(PythonDateTimes.parseGeneral(text));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-14T15:09:26.535897+00:00", "2026-01-05T00:00:00+00:00",
			"2024-01-02T03:04:05.000007+02:00", "2024-01-02T03:04:05", "2024-01-02T03:04:05.123456",
			"2024-01-02 03:04:05+00:00", "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.5+00:00",
			"2024-01-02T03:04:05.123456789+00:00", "2024-01-02T03:04:05-05:30", "2024-01-02T03:04:05+0530",
			"2024-01-02T03:04:05+05:30:15", "2024-01-02", "2024-01-02T03:04" })
	void everyShapePythonAcceptsParsesAlikeWithAndWithoutTheFastPath(String text) {
		assertThat(PythonDateTimes.parse(text)).isEqualTo(PythonDateTimes.parseGeneral(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13-14T15:09:26+00:00", "2026-02-30T00:00:00+00:00", "2026-01-05T24:00:00+00:00",
			"2026-01-05T00:00:00+19:00", "2026-01-05X00:00:00+00:00", "yesterday", "" })
	void refusesWhatPythonRefuses(String text) {
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> PythonDateTimes.parse(text));
	}

	private static OffsetDateTime randomDateTime(SplittableRandom random) {
		int nanos = switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> random.nextInt(1_000_000) * 1000;
			default -> random.nextInt(1_000_000_000);
		};
		int offsetSeconds = switch (random.nextInt(4)) {
			case 0, 1 -> 0;
			case 2 -> random.nextInt(-18 * 4, 18 * 4 + 1) * 900;
			default -> random.nextInt(-18 * 3600, 18 * 3600 + 1);
		};
		return OffsetDateTime.of(random.nextInt(1, 10000), random.nextInt(1, 13), random.nextInt(1, 29),
				random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos,
				ZoneOffset.ofTotalSeconds(offsetSeconds));
	}

}
