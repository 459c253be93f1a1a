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
