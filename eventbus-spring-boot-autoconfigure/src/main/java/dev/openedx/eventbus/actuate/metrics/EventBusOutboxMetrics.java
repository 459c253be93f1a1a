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
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.openedx.eventbus.outbox.OutboxRelay;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox meters: pending and failed events and the age of the oldest pending one (as the relay last read them,
 * every {@code eventbus.producer.outbox.statistics-interval}), and the relay's sends by outcome.
 * <pre class="code">
 * new EventBusOutboxMetrics(relay).bindTo(meterRegistry);
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventBusOutboxMetrics implements MeterBinder {

	private final OutboxRelay relay;

	/**
	 * Create the meters of a relay.
	 * @param relay the outbox relay
	 */
	public EventBusOutboxMetrics(OutboxRelay relay) {
		this.relay = Objects.requireNonNull(relay, "relay must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(EventBusMeters.OUTBOX_PENDING, this.relay, (relay) -> relay.getStatistics().pending())
			.description("Events waiting in the outbox to be sent")
			.register(registry);
		Gauge.builder(EventBusMeters.OUTBOX_FAILED, this.relay, (relay) -> relay.getStatistics().failed())
			.description("Outbox events given up, waiting to be resubmitted")
			.register(registry);
		TimeGauge.builder(EventBusMeters.OUTBOX_OLDEST_AGE, this.relay, TimeUnit.MILLISECONDS,
				(relay) -> relay.getStatistics().oldestPendingAge().toMillis())
			.description("How long the oldest pending outbox event has waited")
			.register(registry);
		sends(registry, EventBusMeters.SUCCESS, OutboxRelay::getSentCount);
		sends(registry, EventBusMeters.RETRY, OutboxRelay::getRetriedCount);
		sends(registry, EventBusMeters.FAILURE, OutboxRelay::getFailedCount);
	}

	private void sends(MeterRegistry registry, String outcome, ToDoubleFunction<OutboxRelay> count) {
		FunctionCounter.builder(EventBusMeters.OUTBOX_SENDS, this.relay, count)
			.description("Sends of the outbox relay")
			.tag(EventBusMeters.OUTCOME, outcome)
			.register(registry);
	}

}
