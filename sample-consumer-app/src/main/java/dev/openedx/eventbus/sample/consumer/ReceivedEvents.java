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

package dev.openedx.eventbus.sample.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.openedx.eventbus.event.EventsMetadata;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events this service applied, newest last, with how long each took from the producer to the handler: the
 * handler's receive time minus the event's metadata time (both clocks of one machine in the demo). Remembers the
 * last {@value #CAPACITY} events, in memory: a view for the demo, not what recognises duplicates (the inbox does).
 */
@Component
final class ReceivedEvents {

	static final int CAPACITY = 10_000;

	private final Map<UUID, ReceivedEvent> events = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, ReceivedEvent> eldest) {
			return size() > CAPACITY;
		}

	};

	/** Record once the handler's transaction committed (at once when there is none). */
	void recordOnCommit(EventsMetadata metadata, Instant receivedAt) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			record(metadata, receivedAt);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				record(metadata, receivedAt);
			}

		});
	}

	synchronized void record(EventsMetadata metadata, Instant receivedAt) {
		Duration latency = Duration.between(metadata.time(), receivedAt);
		this.events.put(metadata.id(), new ReceivedEvent(metadata.id().toString(), metadata.eventType(),
				metadata.source(), metadata.timeText(), receivedAt, latency.toNanos() / 1_000_000.0));
	}

	synchronized List<ReceivedEvent> all() {
		return new ArrayList<>(this.events.values());
	}

	/**
	 * One applied event, as served by {@code GET /events}.
	 *
	 * @param id the event id
	 * @param type the event type
	 * @param source where it came from, for example {@code openedx/lms/web}
	 * @param time when it happened (its metadata time)
	 * @param receivedAt when the handler got it
	 * @param latencyMillis {@code receivedAt - time}, in milliseconds
	 */
	record ReceivedEvent(String id, String type, String source, String time, Instant receivedAt,
			double latencyMillis) {
	}

}
