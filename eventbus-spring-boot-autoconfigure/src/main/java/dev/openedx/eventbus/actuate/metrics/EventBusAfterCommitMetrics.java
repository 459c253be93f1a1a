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

package dev.openedx.eventbus.actuate.metrics;

import java.util.Objects;

import dev.openedx.eventbus.publish.AfterCommitSendScheduler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts the events the after-commit mode did not send because their transaction's outcome was unknown
 * ({@value EventBusMeters#PRODUCER_UNKNOWN_OUTCOMES}).
 *
 * @since 0.1.0
 */
public final class EventBusAfterCommitMetrics implements MeterBinder {

	private final AfterCommitSendScheduler scheduler;

	/**
	 * Create the meter of a scheduler.
	 * @param scheduler the after-commit scheduler
	 */
	public EventBusAfterCommitMetrics(AfterCommitSendScheduler scheduler) {
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter
			.builder(EventBusMeters.PRODUCER_UNKNOWN_OUTCOMES, this.scheduler,
					AfterCommitSendScheduler::getUnknownOutcomeCount)
			.description("Events not sent because the outcome of their transaction was unknown")
			.register(registry);
	}

}
