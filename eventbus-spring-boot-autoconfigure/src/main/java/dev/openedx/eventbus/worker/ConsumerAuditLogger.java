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

package dev.openedx.eventbus.worker;

import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.consumer.ConsumeFailureException;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.LogText;
import dev.openedx.eventbus.event.OpenEdxEvent;

import org.springframework.core.log.LogAccessor;

/**
 * The consumer half of the Python audit log ({@code EVENT_BUS_*_AUDIT_LOGGING_ENABLED}): one INFO line per event,
 * when it was handled or failed for good, with the worker, the message coordinates, the key, the event id, type and
 * time and how long the listeners took, never the data. Logged under {@code dev.openedx.eventbus.audit} as
 * {@code key=value} pairs (wire values escaped), for example:
 * <pre>
 * event handled worker=enrollments at=stage-enrollments-2@1042 key=course-v1:edX+D+T id=8f9c... type=org.openedx...
 *     time=2026-...+00:00 ms=3
 * </pre>
 * The line is built only when the logger is enabled and the worker's audit log is on
 * ({@code eventbus.consumer.audit-log}, per worker {@code eventbus.consumer.workers.<name>.audit-log}); it is written
 * on the worker's thread by the application's appender, so a slow synchronous appender (a console read by a slow
 * terminal) slows the worker: wrap it in an asynchronous appender (Logback's {@code AsyncAppender}, Log4j 2's
 * {@code AsyncLogger}) to take it off the worker's path.
 *
 * @since 0.1.0
 */
public final class ConsumerAuditLogger implements ConsumerObserver {

	private static final LogAccessor logger = new LogAccessor("dev.openedx.eventbus.audit");

	private final boolean enabledByDefault;

	private final Map<String, Boolean> workers;

	/**
	 * An audit logger for every worker.
	 */
	public ConsumerAuditLogger() {
		this(true, Map.of());
	}

	/**
	 * An audit logger switched on or off per worker.
	 * @param enabledByDefault whether workers not in {@code workers} are logged ({@code eventbus.consumer.audit-log})
	 * @param workers whether each named worker is logged ({@code eventbus.consumer.workers.<name>.audit-log})
	 * @since 0.2.0
	 */
	public ConsumerAuditLogger(boolean enabledByDefault, Map<String, Boolean> workers) {
		this.enabledByDefault = enabledByDefault;
		this.workers = Map.copyOf(Objects.requireNonNull(workers, "workers must not be null"));
	}

	/**
	 * Whether events of a worker are logged.
	 * @param worker the worker's name
	 * @return {@code true} when they are
	 * @since 0.2.0
	 */
	public boolean isEnabled(String worker) {
		return this.workers.getOrDefault(worker, this.enabledByDefault);
	}

	@Override
	public void handled(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event, long nanos) {
		if (!logger.isInfoEnabled() || !isEnabled(worker.name())) {
			return;
		}
		StringBuilder line = start("handled", worker, message);
		line.append(" id=").append(event.metadata().id());
		line.append(" type=").append(LogText.escape(event.type().type()));
		line.append(" time=").append(event.metadata().timeText());
		line.append(" ms=").append(nanos / 1_000_000);
		logger.info(line);
	}

	@Override
	public void failed(ConsumerSettings worker, InboundMessage message, ConsumeFailureException failure) {
		if (!logger.isInfoEnabled() || !isEnabled(worker.name())) {
			return;
		}
		logger.info(start("failed", worker, message).append(" failure=").append(failure.kind().tag()));
	}

	private static StringBuilder start(String outcome, ConsumerSettings worker, InboundMessage message) {
		StringBuilder line = new StringBuilder(256).append("event ").append(outcome);
		line.append(" worker=").append(LogText.escape(worker.name()));
		line.append(" at=").append(LogText.escape(message.coordinates()));
		String key = message.key();
		if (key != null) {
			line.append(" key=").append(LogText.escape(key));
		}
		return line;
	}

}
