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

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventOrigin;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Builds Redis consumer-group workers from their settings (what the auto-configuration and the
 * {@code consume-events} command use):
 * <pre class="code">
 * EventBusConsumerFactory factory = new RedisEventBusConsumerFactory(connectionFactory, catalog, codec,
 *         EventOrigin.forService("catalog"));
 * EventBusConsumer worker = factory.create(settings, dispatcher, ConsumerObserver.NONE);
 * </pre>
 *
 * @since 0.1.0
 */
public final class RedisEventBusConsumerFactory implements EventBusConsumerFactory {

	private final RedisConnectionFactory connectionFactory;

	private final EventCatalog catalog;

	private final EventCodec codec;

	private final EventOrigin origin;

	private volatile ThreadFactory threadFactory = Thread::new;

	/**
	 * Create a factory.
	 * @param connectionFactory a Lettuce connection factory, must not be {@code null}
	 * @param catalog the event types the workers decode, must not be {@code null}
	 * @param codec the event codec, must not be {@code null}
	 * @param origin this service's origin, the default of missing metadata fields, must not be {@code null}
	 */
	public RedisEventBusConsumerFactory(RedisConnectionFactory connectionFactory, EventCatalog catalog,
			EventCodec codec, EventOrigin origin) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.origin = Objects.requireNonNull(origin, "origin must not be null");
	}

	@Override
	public String transport() {
		return RedisConsumerSettings.TRANSPORT;
	}

	@Override
	public EventBusConsumer create(ConsumerSettings settings, EventDispatcher dispatcher, ConsumerObserver observer) {
		ConsumerSettings worker = settings;
		// A replay time moves the group to the entry id of that millisecond, unless an entry id is given.
		if (settings.replayFrom() != null && settings.redis().lastReadMessageId() == null) {
			worker = settings.withRedis(settings.redis().withLastReadMessageId(idBefore(settings.replayFrom())));
		}
		RedisEventBusConsumer consumer = new RedisEventBusConsumer(this.connectionFactory,
				new RedisConsumerSettings(worker), this.catalog, this.codec, this.origin, dispatcher, observer);
		consumer.threadFactory(this.threadFactory);
		return consumer;
	}

	/**
	 * Run the workers this factory builds on threads of this factory: virtual threads when
	 * {@code spring.threads.virtual.enabled=true} (the auto-configuration sets it), platform threads by default.
	 * @param threadFactory the factory, must not be {@code null}
	 */
	public void setThreadFactory(ThreadFactory threadFactory) {
		this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory must not be null");
	}

	/**
	 * The stream id just before the first entry added at a time: entry ids start with their millisecond time, and the
	 * group delivers the entries after the id it is set to.
	 */
	static String idBefore(Instant time) {
		return (time.toEpochMilli() - 1) + "-18446744073709551615";
	}

}
