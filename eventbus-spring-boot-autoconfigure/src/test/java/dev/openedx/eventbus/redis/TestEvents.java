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

package dev.openedx.eventbus.redis;

import java.util.List;

import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * A small event type for transport tests, and the real Avro codec they use.
 */
public final class TestEvents {

	/** Test data: a name and a sequence number. */
	public record Ping(String name, long sequence) {
	}

	public static final EventType<Ping> PING = EventType.of("org.openedx.test.redis.ping.v1", "ping", Ping.class);

	public static final EventCatalog CATALOG = EventCatalog.of(List.of(PING));

	private static final AvroEventCodec CODEC = new AvroEventCodec();

	private TestEvents() {
	}

	/** The real codec, shared: it caches schemas per event type. */
	static EventCodec codec() {
		return CODEC;
	}

	static OpenEdxEvent<Ping> ping(long sequence) {
		return PING.event(new Ping("ping", sequence));
	}

	static OpenEdxEvent<Ping> ping(long sequence, EventsMetadata metadata) {
		return PING.event(new Ping("ping", sequence), metadata);
	}

}
