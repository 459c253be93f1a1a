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

import java.util.List;

import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.event.EventCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loss meter: messages a transport reports lost are counted on {@code eventbus.consumer.lost} per worker and
 * reason, beside the worker's topic and group.
 */
class EventBusConsumerLostMetricsTests {

	@Test
	void lostMessagesAreCountedPerWorkerAndReason() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		EventBusConsumerMetrics metrics = new EventBusConsumerMetrics(registry, EventCatalog.of(List.of()));
		ConsumerSettings worker = ConsumerSettings.defaults("redis", "stage-loans", "reports").withName("loans");

		metrics.lost(worker, "trimmed_before_read", 20);
		metrics.lost(worker, "trimmed_before_read", 5);
		metrics.lost(worker, "trimmed_while_pending", 3);

		assertThat(registry.get(EventBusMeters.CONSUMER_LOST)
			.tags("worker", "loans", "reason", "trimmed_before_read", "topic", "stage-loans", "group", "reports",
					"transport", "redis")
			.counter()
			.count()).isEqualTo(25);
		assertThat(registry.get(EventBusMeters.CONSUMER_LOST).tags("reason", "trimmed_while_pending").counter().count())
			.isEqualTo(3);
	}

}
