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

package dev.openedx.eventbus.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import dev.openedx.eventbus.consumer.ConsumerStatus;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;

/**
 * Reads the backlog of every worker's group from the broker on a schedule, on a thread of its own, so metrics
 * scrapes and health requests read a recent value without waiting for the broker. It reads the groups of stopped and
 * failed workers too: their lag keeps growing while producers write. A reading that showed a backlog is read again
 * on request once the worker has handled more messages since (at most once a second), so a drained backlog does not
 * linger for an interval.
 * <pre class="code">
 * BacklogMonitor monitor = new BacklogMonitor(workers, probe, Duration.ofSeconds(30), Duration.ofSeconds(2));
 * monitor.start();
 * monitor.reading("enrollments").map(BacklogReading::backlog)...
 * </pre>
 *
 * @since 0.1.0
 */
public final class BacklogMonitor implements SmartLifecycle {

	private static final LogAccessor logger = new LogAccessor(BacklogMonitor.class);

	/** How old a reading showing a backlog must be before a worker's progress makes {@link #reading} read again. */
	private static final Duration REREAD_AFTER = Duration.ofSeconds(1);

	private final EventBusConsumerRegistry consumers;

	private final BrokerProbe probe;

	private final Duration interval;

	private final Duration timeout;

	private final Map<String, BacklogReading> readings = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private @Nullable ScheduledExecutorService scheduler;

	private volatile ThreadFactory threadFactory = Thread::new;

	/**
	 * Create a monitor; it reads nothing before {@link #start()} or {@link #refresh()}.
	 * @param consumers the workers to read the groups of
	 * @param probe the transport's probe
	 * @param interval time between two reads
	 * @param timeout how long one read may take
	 */
	public BacklogMonitor(EventBusConsumerRegistry consumers, BrokerProbe probe, Duration interval,
			Duration timeout) {
		this.consumers = Objects.requireNonNull(consumers, "consumers must not be null");
		this.probe = Objects.requireNonNull(probe, "probe must not be null");
		this.interval = Objects.requireNonNull(interval, "interval must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		if (interval.toMillis() < 1) {
			throw new IllegalArgumentException("interval must be at least 1 ms, was " + interval);
		}
	}

	/**
	 * The last reading of a worker's backlog; read again now, on the calling thread, when it showed a backlog and
	 * the worker has handled or failed messages since.
	 * @param worker the worker name
	 * @return the reading, or empty before the first one
	 */
	public Optional<BacklogReading> reading(String worker) {
		BacklogReading reading = this.readings.get(worker);
		if (reading != null && reading.backlog() != null && reading.backlog().hasBacklog()) {
			// A backlog read before the worker handled more messages may be gone by now (drained a moment after the
			// read): read it again rather than show, for up to an interval, a lag that no longer exists.
			ConsumerStatus status = this.consumers.getConsumer(worker).map(EventBusConsumer::status).orElse(null);
			if (status != null && status.handled() + status.failed() != reading.processed()
					&& Duration.between(reading.readAt(), Instant.now()).compareTo(REREAD_AFTER) >= 0) {
				reading = record(status, read(status));
			}
		}
		return Optional.ofNullable(reading);
	}

	/**
	 * The time between two reads.
	 * @return the interval
	 */
	public Duration interval() {
		return this.interval;
	}

	/**
	 * Read every worker's backlog now, on the calling thread.
	 */
	public void refresh() {
		List<EventBusConsumer> workers = this.consumers.getConsumers();
		// Workers sharing a group and topic (several Redis consumers of one group) need one read.
		Map<String, BacklogReading> byGroup = new HashMap<>();
		for (EventBusConsumer worker : workers) {
			ConsumerStatus status = worker.status();
			String key = status.destination() + "\u0000" + status.group();
			record(status, byGroup.computeIfAbsent(key, (k) -> read(status)));
		}
	}

	private BacklogReading record(ConsumerStatus status, BacklogReading shared) {
		long processed = status.handled() + status.failed();
		BacklogReading previous = this.readings.get(status.name());
		Instant progressAt = (previous != null && previous.processed() == processed) ? previous.lastProgressAt()
				: shared.readAt();
		BacklogReading reading = new BacklogReading(status.name(), shared.backlog(), shared.error(), shared.readAt(),
				processed, progressAt, shared.brokerUnreachable());
		this.readings.put(status.name(), reading);
		return reading;
	}

	private BacklogReading read(ConsumerStatus status) {
		Instant now = Instant.now();
		try {
			return new BacklogReading(status.name(),
					this.probe.backlog(status.destination(), status.group(), this.timeout), null, now, 0, now, false);
		}
		catch (Exception ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			logger.debug(ex, () -> "Could not read the backlog of group " + status.group() + " on "
					+ status.destination() + ": " + error);
			return new BacklogReading(status.name(), null, error, now, 0, now,
					ex instanceof BrokerUnreachableException);
		}
		catch (Throwable ex) {
			// The scheduler would silently stop rescheduling after an Error; keep reading instead.
			return new BacklogReading(status.name(), null, ex.toString(), now, 0, now, false);
		}
	}

	/**
	 * Read on a thread of this factory (a virtual thread when {@code spring.threads.virtual.enabled=true}); a platform
	 * daemon thread by default. Takes effect at the next {@link #start()}.
	 * @param threadFactory the factory, must not be {@code null}
	 */
	public void setThreadFactory(ThreadFactory threadFactory) {
		this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory must not be null");
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.scheduler != null) {
				return;
			}
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = this.threadFactory.newThread(runnable);
				thread.setName("eventbus-backlog-monitor");
				if (!thread.isDaemon()) {
					// Virtual threads are always daemon threads; a platform one must not keep the JVM alive.
					thread.setDaemon(true);
				}
				return thread;
			});
			executor.scheduleWithFixedDelay(this::refreshQuietly, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
			this.scheduler = executor;
		}
	}

	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "Could not read consumer backlogs: " + ex);
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			ScheduledExecutorService executor = this.scheduler;
			this.scheduler = null;
			if (executor != null) {
				executor.shutdownNow();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
