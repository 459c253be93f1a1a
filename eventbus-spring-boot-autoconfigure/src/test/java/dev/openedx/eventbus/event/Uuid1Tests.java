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
