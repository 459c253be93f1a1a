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

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The replay times of {@code replay-from} and {@code --extra offset_time} (the tests of the former
 * {@code KafkaConsumerOptions.parseReplayFrom}, whose parser this is now).
 */
class ReplayTimesTests {

	@Test
	void replayTimesWithAnOffsetNameOneMoment() {
		Instant expected = Instant.parse("2026-01-08T06:46:22Z");
		assertThat(ReplayTimes.parse("2026-01-08T06:46:22+00:00").toInstant()).isEqualTo(expected);
		assertThat(ReplayTimes.parse("2026-01-08T06:46:22Z").toInstant()).isEqualTo(expected);
		assertThat(ReplayTimes.parse(" 2026-01-08T08:46:22+02:00 ").toInstant()).isEqualTo(expected);
		assertThat(ReplayTimes.parse("2026-01-08 06:46:22+00:00").toInstant()).isEqualTo(expected);
		assertThat(ReplayTimes.parse("2026-01-08T06:46:22.5+00:00").toInstant())
			.isEqualTo(Instant.parse("2026-01-08T06:46:22.500Z"));
	}

	@Test
	void naiveReplayTimesAreRefusedInsteadOfReadInTheLocalTimeZone() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReplayTimes.parse("2023-01-08T06:46:22"))
			.withMessageContaining("no UTC offset")
			.withMessageContaining("2023-01-08T06:46:22+00:00");
	}

	@Test
	void textThatIsNoDateTimeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReplayTimes.parse("yesterday"))
			.withMessageContaining("'yesterday' is not an ISO-8601 date-time");
	}

}
