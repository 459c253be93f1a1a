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

package dev.openedx.eventbus.kafka;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaConsumerOptionsTests {

	@Test
	void defaultsStartNewGroupsAtTheEarliestOffsetWithoutReplay() {
		KafkaConsumerOptions options = KafkaConsumerOptions.defaults();
		assertThat(options.startPosition()).isEqualTo(StartPosition.EARLIEST);
		assertThat(options.replayFrom()).isNull();
		assertThat(StartPosition.EARLIEST.configValue()).isEqualTo("earliest");
		assertThat(StartPosition.LATEST.configValue()).isEqualTo("latest");
	}

	@Test
	void replayTimesWithAnOffsetNameOneInstant() {
		Instant expected = Instant.parse("2026-01-08T06:46:22Z");
		assertThat(KafkaConsumerOptions.parseReplayFrom("2026-01-08T06:46:22+00:00")).isEqualTo(expected);
		assertThat(KafkaConsumerOptions.parseReplayFrom("2026-01-08T06:46:22Z")).isEqualTo(expected);
		assertThat(KafkaConsumerOptions.parseReplayFrom(" 2026-01-08T08:46:22+02:00 ")).isEqualTo(expected);
		assertThat(KafkaConsumerOptions.parseReplayFrom("2026-01-08T06:46:22.5+00:00"))
			.isEqualTo(expected.plusMillis(500));
	}

	@Test
	void naiveReplayTimesAreRefusedInsteadOfReadInTheLocalTimeZone() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaConsumerOptions.parseReplayFrom("2023-01-08T06:46:22"))
			.withMessageContaining("'2023-01-08T06:46:22' has no UTC offset")
			.withMessageContaining("2023-01-08T06:46:22+00:00");
	}

	@Test
	void textThatIsNoDateTimeIsRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaConsumerOptions.parseReplayFrom("yesterday"))
			.withMessageContaining("'yesterday' is not an ISO-8601 date-time");
	}

}
