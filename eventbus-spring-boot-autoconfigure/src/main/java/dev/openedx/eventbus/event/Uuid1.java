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

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-based (version 1) UUIDs, the id format OEP-41 asks for and Python's {@code uuid1()} produces. The JDK has no
 * generator for them and the well-known library for it is an extra dependency for some twenty lines, hence this.
 * The node is random with the multicast bit set (RFC 4122 section 4.5), so no MAC address leaks onto the bus.
 */
final class Uuid1 {

	// 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch.
	private static final long GREGORIAN_OFFSET = 0x01B21DD213814000L;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final long NODE = (RANDOM.nextLong() & 0xFFFFFFFFFFFFL) | 0x010000000000L;

	private static final long CLOCK_SEQUENCE = RANDOM.nextInt(0x4000);

	private static long lastTimestamp;

	private Uuid1() {
	}

	static UUID next() {
		long timestamp = nextTimestamp();
		long timeLow = timestamp & 0xFFFFFFFFL;
		long timeMid = (timestamp >>> 32) & 0xFFFFL;
		long timeHigh = (timestamp >>> 48) & 0x0FFFL;
		long most = (timeLow << 32) | (timeMid << 16) | (1L << 12) | timeHigh;
		long least = (0x8000L | CLOCK_SEQUENCE) << 48 | NODE;
		return new UUID(most, least);
	}

	// Strictly increasing, so two ids made in the same 100 ns tick still differ.
	private static synchronized long nextTimestamp() {
		java.time.Instant now = java.time.Instant.now();
		long timestamp = now.getEpochSecond() * 10_000_000L + now.getNano() / 100 + GREGORIAN_OFFSET;
		if (timestamp <= lastTimestamp) {
			timestamp = lastTimestamp + 1;
		}
		lastTimestamp = timestamp;
		return timestamp;
	}

}
