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

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.inbox.InboxObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the duplicate deliveries the inbox recognised ({@value EventBusMeters#CONSUMER_DUPLICATES}), by worker,
 * group and event type.
 *
 * @since 0.1.0
 */
public final class EventBusInboxMetrics implements InboxObserver {

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Create the counter.
	 * @param registry where it goes
	 */
	public EventBusInboxMetrics(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
	}

	@Override
	public void duplicate(String worker, String group, OpenEdxEvent<?> event) {
		String type = event.type().type();
		this.counters.computeIfAbsent(worker + " " + group + " " + type, (key) -> Counter
			.builder(EventBusMeters.CONSUMER_DUPLICATES)
			.description("Duplicate deliveries the inbox acknowledged without calling the listeners")
			.tags(EventBusMeters.WORKER, worker, EventBusMeters.GROUP, group, EventBusMeters.EVENT_TYPE, type)
			.register(this.registry)).increment();
	}

}
