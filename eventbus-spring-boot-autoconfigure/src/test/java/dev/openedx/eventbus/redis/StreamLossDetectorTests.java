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

package dev.openedx.eventbus.redis;

import dev.openedx.eventbus.redis.StreamLossDetector.Loss;
import dev.openedx.eventbus.redis.StreamLossDetector.Position;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loss arithmetic on readings of {@code XINFO STREAM} and {@code XINFO GROUPS}: what the group will never read,
 * counted once, only when the reading tells it exactly.
 */
class StreamLossDetectorTests {

	@Test
	void aGroupBehindTheTrimPointHasLostTheGapOnTheFirstReading() {
		StreamLossDetector detector = new StreamLossDetector();

		// 25 added, 2 read (up to 10-0), 3 retained from 30-0 on.
		Loss loss = detector.check(new Position(3, "30-0", "32-0", "0-0", 25L, "10-0", 2L));

		assertThat(loss).isEqualTo(new Loss(20, "10-0", "30-0", true));
	}

	@Test
	void aLossIsCountedOnceAndOnlyItsGrowthLater() {
		StreamLossDetector detector = new StreamLossDetector();
		detector.check(new Position(3, "30-0", "32-0", "0-0", 25L, "10-0", 2L));

		assertThat(detector.check(new Position(3, "30-0", "32-0", "0-0", 25L, "10-0", 2L))).isNull();
		// Five more added, trimming five more the group had not read either.
		assertThat(detector.check(new Position(3, "35-0", "37-0", "0-0", 30L, "10-0", 2L)))
			.isEqualTo(new Loss(5, "10-0", "35-0", true));
		// The group reads the three retained entries: nothing new is lost.
		assertThat(detector.check(new Position(3, "35-0", "37-0", "0-0", 30L, "37-0", 5L))).isNull();
	}

	@Test
	void aGapCrossedBetweenReadingsIsCountedWhenTheGroupHasReadEverything() {
		StreamLossDetector detector = new StreamLossDetector();
		assertThat(detector.check(new Position(1, "1-0", "1-0", "0-0", 1L, "0-0", 0L))).isNull();
		// Mid-way: not behind the trim point, not caught up: nothing can be told.
		assertThat(detector.check(new Position(5, "27-0", "31-0", "0-0", 31L, "28-0", 3L))).isNull();

		Loss loss = detector.check(new Position(5, "27-0", "31-0", "0-0", 31L, "31-0", 6L));

		assertThat(loss).isEqualTo(new Loss(25, "0-0", "31-0", false));
	}

	@Test
	void aGroupThatKeepsUpLosesNothingThoughTheStreamIsTrimmed() {
		StreamLossDetector detector = new StreamLossDetector();

		assertThat(detector.check(new Position(20, "31-0", "50-0", "0-0", 50L, "50-0", 50L))).isNull();
		assertThat(detector.check(new Position(20, "41-0", "60-0", "0-0", 60L, "60-0", 60L))).isNull();
	}

	@Test
	void readingsWithoutCountersOrWithDeletionsInTheRetainedRangeAreNotCounted() {
		StreamLossDetector detector = new StreamLossDetector();

		assertThat(detector.check(new Position(3, "30-0", "32-0", "0-0", null, "10-0", 2L))).isNull();
		assertThat(detector.check(new Position(3, "30-0", "32-0", "0-0", 25L, "10-0", null))).isNull();
		assertThat(detector.check(new Position(3, "30-0", "32-0", "31-0", 25L, "10-0", 2L))).isNull();
	}

	@Test
	void idsCompareAsRedisOrdersThem() {
		assertThat(StreamLossDetector.compare("9-0", "10-0")).isNegative();
		assertThat(StreamLossDetector.compare("10-2", "10-10")).isNegative();
		assertThat(StreamLossDetector.compare("10-0", "10")).isZero();
		assertThat(StreamLossDetector.compare("18446744073709551615-0", "1-0")).isPositive();
	}

}
