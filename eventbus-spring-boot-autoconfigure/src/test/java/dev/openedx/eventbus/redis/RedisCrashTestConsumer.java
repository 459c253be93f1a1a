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

import java.util.concurrent.locks.LockSupport;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.testing.ConsumerProcess;

/**
 * The Redis consumer process that {@link RedisFaultSuiteTests} kills with {@code SIGKILL}: consumes a stream with the
 * dead-letter policy, {@linkplain ConsumerProcess#reportHandled reporting} each event once its listener call
 * returned, a little slowly so the kill lands mid-stream. Arguments: the redis-server port, the stream, the group
 * and the consumer name.
 */
public final class RedisCrashTestConsumer {

	private RedisCrashTestConsumer() {
	}

	public static void main(String[] args) {
		int port = Integer.parseInt(args[0]);
		RedisConsumerSettings settings = RedisFaultSuiteTests.settings(args[1], args[2], args[3]);
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(RedisTestSupport.connectionFactory(port), settings,
				TestEvents.CATALOG, TestEvents.codec(), EventOrigin.forService("redis-crash-test"), (event) -> {
					// A little work per event, so the kill lands mid-stream rather than after the last event.
					LockSupport.parkNanos(200_000);
					ConsumerProcess.reportHandled(((TestEvents.Ping) event.data()).sequence());
				}, new ConsumerObserver() {
				});
		consumer.run();
	}

}
