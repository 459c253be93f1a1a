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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.monitor.BrokerUnreachableException;
import dev.openedx.eventbus.monitor.GroupBacklog;
import dev.openedx.eventbus.monitor.StreamRetention;
import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * What the Redis probe reads of a group's backlog on a real redis-server, in particular the {@code headroom}: the
 * share of {@code MAXLEN} that can still be added before the group's oldest unhandled entry is trimmed.
 */
class RedisBrokerProbeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@LocalRedis
	private static LettuceConnectionFactory connectionFactory;

	@LocalRedis
	private RedisTestSupport redis;

	@Test
	void twoUnhandledEntriesOfAMaxlenOfTenThousandLeaveNearlyAllTheHeadroom() {
		String stream = this.redis.uniqueStream("headroom");
		add(stream, 2);
		group(stream, "fresh");

		GroupBacklog backlog = probe(10_000).backlog(stream, "fresh", TIMEOUT);

		assertThat(backlog.lag()).isEqualTo(2);
		StreamRetention retention = backlog.retention();
		assertThat(retention.headroom()).isCloseTo(0.9998, within(1e-9));
		assertThat(retention.atRisk(0.1)).isFalse();
	}

	@Test
	void aGroupThatDoesNotExistYetHasTheWholeStreamUnhandled() {
		String stream = this.redis.uniqueStream("headroom-new-group");
		add(stream, 2);

		assertThat(probe(10_000).backlog(stream, "nobody-yet", TIMEOUT).retention().headroom())
			.isCloseTo(0.9998, within(1e-9));
	}

	@Test
	void pendingEntriesCountFromTheOldestPendingOne() {
		String stream = this.redis.uniqueStream("headroom-pending");
		add(stream, 4);
		group(stream, "readers");
		this.redis.raw()
			.xreadgroup(Consumer.from(RedisTestSupport.bytes("readers"), RedisTestSupport.bytes("c1")),
					XReadArgs.Builder.count(1), StreamOffset.lastConsumed(RedisTestSupport.bytes(stream)));

		GroupBacklog backlog = probe(10).backlog(stream, "readers", TIMEOUT);

		assertThat(backlog.pending()).isEqualTo(1);
		assertThat(backlog.lag()).isEqualTo(3);
		// The oldest unhandled entry is the first: 4 of MAXLEN 10 are spoken for, 6 more can come.
		assertThat(backlog.retention().headroom()).isCloseTo(0.6, within(0.11));
	}

	@Test
	void aGroupThatReadEverythingHasFullHeadroomAndAFullStreamOfUnhandledEntriesNone() {
		String stream = this.redis.uniqueStream("headroom-full");
		add(stream, 10);
		group(stream, "behind");
		this.redis.raw().xgroupCreate(StreamOffset.latest(RedisTestSupport.bytes(stream)),
				RedisTestSupport.bytes("caught-up"));

		LettuceBackedProbe probe = probe(10);
		assertThat(probe.backlog(stream, "caught-up", TIMEOUT).retention().headroom()).isEqualTo(1.0);
		StreamRetention behind = probe.backlog(stream, "behind", TIMEOUT).retention();
		assertThat(behind.headroom()).isZero();
		assertThat(behind.atRisk(0.1)).isTrue();
	}

	@Test
	void aServerThatDoesNotAnswerIsUnreachableNamingTheAddress() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		LettuceConnectionFactory nowhere = RedisTestSupport.connectionFactory(port);
		try {
			RedisBrokerProbe probe = new RedisBrokerProbe(nowhere, 10_000);
			assertThatExceptionOfType(BrokerUnreachableException.class).isThrownBy(() -> probe.ping(TIMEOUT))
				.withMessageStartingWith("No answer from Redis at 127.0.0.1:" + port + " within 2000 ms");
		}
		finally {
			nowhere.destroy();
		}
	}

	private void add(String stream, int count) {
		for (int i = 0; i < count; i++) {
			this.redis.raw().xadd(RedisTestSupport.bytes(stream), Map.of(RedisTestSupport.bytes("n"),
					RedisTestSupport.bytes(Integer.toString(i))));
		}
	}

	private void group(String stream, String group) {
		this.redis.raw().xgroupCreate(StreamOffset.from(RedisTestSupport.bytes(stream), "0"),
				RedisTestSupport.bytes(group), XGroupCreateArgs.Builder.mkstream(false));
	}

	private static LettuceBackedProbe probe(long maxLength) {
		return new LettuceBackedProbe(new RedisBrokerProbe(connectionFactory, maxLength));
	}

	/** The probe under test, so the assertions read as what it answers. */
	private record LettuceBackedProbe(RedisBrokerProbe probe) {

		GroupBacklog backlog(String stream, String group, Duration timeout) {
			return this.probe.backlog(stream, group, timeout);
		}

	}

}
