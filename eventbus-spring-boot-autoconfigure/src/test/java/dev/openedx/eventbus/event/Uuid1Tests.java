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

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Uuid1Tests {

	@Test
	void idsAreVersionOneRfc4122WithARandomMulticastNode() {
		UUID id = Uuid1.next();
		assertThat(id.version()).isEqualTo(1);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.node() & 0x010000000000L).as("multicast bit: not a MAC address").isNotZero();
	}

	@Test
	void idsAreUniqueAndTheirTimestampsStrictlyIncreaseEvenWithinOneClockTick() {
		Set<UUID> ids = new HashSet<>();
		long previous = 0;
		for (int i = 0; i < 100_000; i++) {
			UUID id = Uuid1.next();
			assertThat(id.timestamp()).isGreaterThan(previous);
			previous = id.timestamp();
			ids.add(id);
		}
		assertThat(ids).hasSize(100_000);
	}

	@Test
	void theTimestampIsTheCurrentTimeInUuidEpochUnits() {
		long gregorianOffset = 0x01B21DD213814000L;
		long nowIn100ns = System.currentTimeMillis() * 10_000 + gregorianOffset;
		assertThat(Uuid1.next().timestamp()).isBetween(nowIn100ns - 10_000_000, nowIn100ns + 10_000_000);
	}

}
