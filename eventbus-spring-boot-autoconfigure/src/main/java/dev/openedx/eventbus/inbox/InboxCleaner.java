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

package dev.openedx.eventbus.inbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;

/**
 * Deletes inbox rows older than the retention, on a schedule. The retention bounds how late a redelivery is still
 * recognised: keep it longer than a topic's retention or a replay window.
 *
 * @since 0.1.0
 */
public final class InboxCleaner implements SmartLifecycle {

	private static final LogAccessor logger = new LogAccessor(InboxCleaner.class);

	private final JdbcInbox inbox;

	private final Duration retention;

	private final Duration interval;

	private volatile @Nullable ScheduledExecutorService executor;

	/**
	 * Create the cleaner.
	 * @param inbox the inbox table
	 * @param retention how long rows are kept
	 * @param interval how often old rows are deleted
	 */
	public InboxCleaner(JdbcInbox inbox, Duration retention, Duration interval) {
		this.inbox = Objects.requireNonNull(inbox, "inbox must not be null");
		this.retention = Objects.requireNonNull(retention, "retention must not be null");
		this.interval = Objects.requireNonNull(interval, "interval must not be null");
	}

	/**
	 * Delete the old rows now.
	 * @return how many were deleted
	 */
	public int clean() {
		int deleted = this.inbox.deleteOlderThan(this.retention);
		logger.debug(() -> "Deleted " + deleted + " inbox rows older than " + this.retention);
		return deleted;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "eventbus-inbox-cleaner");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				clean();
			}
			catch (RuntimeException ex) {
				logger.warn(ex, () -> "Could not delete old rows of " + JdbcInbox.TABLE + ": " + ex.getMessage());
			}
		}, this.interval.toMillis(), this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.executor;
		this.executor = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
