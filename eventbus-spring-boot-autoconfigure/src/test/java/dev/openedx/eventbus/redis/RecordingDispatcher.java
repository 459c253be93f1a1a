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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Counts how often each ping sequence number was dispatched, and can fail or slow down on purpose.
 */
final class RecordingDispatcher implements EventDispatcher {

	private final Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final AtomicLong total = new AtomicLong();

	private volatile LongPredicate failing = (sequence) -> false;

	private volatile long delayMillis;

	@Override
	public void dispatch(OpenEdxEvent<?> event) throws Exception {
		if (!event.fromEventBus()) {
			throw new AssertionError("Dispatched an event not marked as received from the bus: " + event);
		}
		long sequence = ((TestEvents.Ping) event.data()).sequence();
		if (this.delayMillis > 0) {
			Thread.sleep(this.delayMillis);
		}
		if (this.failing.test(sequence)) {
			throw new IllegalStateException("Listener refuses ping " + sequence);
		}
		this.counts.computeIfAbsent(sequence, (key) -> new AtomicInteger()).incrementAndGet();
		this.total.incrementAndGet();
	}

	RecordingDispatcher failingOn(LongPredicate failing) {
		this.failing = failing;
		return this;
	}

	RecordingDispatcher slowedBy(long delayMillis) {
		this.delayMillis = delayMillis;
		return this;
	}

	/** How many dispatches succeeded, duplicates included. */
	long total() {
		return this.total.get();
	}

	/** How many distinct sequence numbers were handled. */
	int distinct() {
		return this.counts.size();
	}

	int count(long sequence) {
		AtomicInteger count = this.counts.get(sequence);
		return (count != null) ? count.get() : 0;
	}

	Map<Long, AtomicInteger> counts() {
		return this.counts;
	}

}
