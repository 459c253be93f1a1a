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

package dev.openedx.eventbus.kafka;

import java.util.List;

import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * Three small event types for volume, ordering and failure tests: each carries the key it is partitioned by and a
 * sequence number to check order and completeness.
 */
final class TestEvents {

	static final EventType<AlphaData> ALPHA = EventType.of("org.test.kafka.alpha.v1", "alpha", AlphaData.class);

	static final EventType<BetaData> BETA = EventType.of("org.test.kafka.beta.v1", "beta", BetaData.class);

	static final EventType<GammaData> GAMMA = EventType.of("org.test.kafka.gamma.v1", "gamma", GammaData.class);

	static final EventCatalog CATALOG = EventCatalog.of(List.of(ALPHA, BETA, GAMMA));

	static final EventOrigin ORIGIN = EventOrigin.forService("kafka-tests");

	private TestEvents() {
	}

	/**
	 * The i-th event of a mixed stream: types rotate, keys cycle over {@code keys} values.
	 * @param i the sequence number
	 * @param keys how many distinct keys
	 * @return the event
	 */
	static OpenEdxEvent<?> event(long i, int keys) {
		String key = "course-v1:Test+K" + (i % keys) + "+2026";
		return switch ((int) (i % 3)) {
			case 0 -> OpenEdxEvent.of(ALPHA, new AlphaData(key, i), ORIGIN.newMetadata(ALPHA));
			case 1 -> OpenEdxEvent.of(BETA, new BetaData(key, i, i % 2 == 0), ORIGIN.newMetadata(BETA));
			default -> OpenEdxEvent.of(GAMMA, new GammaData(key, i, i / 2.0), ORIGIN.newMetadata(GAMMA));
		};
	}

	/** The key field path of an event made by {@link #event}. */
	static String keyField(OpenEdxEvent<?> event) {
		return event.type().dataKey() + ".key";
	}

	static String key(OpenEdxEvent<?> event) {
		Object data = event.data();
		if (data instanceof AlphaData alpha) {
			return alpha.key();
		}
		if (data instanceof BetaData beta) {
			return beta.key();
		}
		return ((GammaData) data).key();
	}

	static long sequence(OpenEdxEvent<?> event) {
		Object data = event.data();
		if (data instanceof AlphaData alpha) {
			return alpha.sequence();
		}
		if (data instanceof BetaData beta) {
			return beta.sequence();
		}
		return ((GammaData) data).sequence();
	}

	record AlphaData(String key, long sequence) {
	}

	record BetaData(String key, long sequence, boolean even) {
	}

	record GammaData(String key, long sequence, double half) {
	}

}
