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

package dev.openedx.eventbus.autoconfigure;

import java.time.OffsetDateTime;

import dev.openedx.eventbus.autoconfigure.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.autoconfigure.consumer.FailurePolicy;
import dev.openedx.eventbus.autoconfigure.consumer.WorkerDefinition;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.EventBusConsumer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventCodec;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.TopicNames;
import dev.openedx.eventbus.redis.RedisConsumerSettings;
import dev.openedx.eventbus.redis.RedisEventBusConsumer;
import dev.openedx.eventbus.redis.RedisFailurePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Builds Redis consumer-group workers from worker definitions, with {@code eventbus.redis.consumer.*} as defaults.
 */
final class RedisEventBusConsumerFactory implements EventBusConsumerFactory {

	private final RedisConnectionFactory connectionFactory;

	private final EventCatalog catalog;

	private final EventCodec codec;

	private final EventOrigin origin;

	private final @Nullable String topicPrefix;

	private final EventBusProperties.RedisConsumer defaults;

	RedisEventBusConsumerFactory(RedisConnectionFactory connectionFactory, EventCatalog catalog, EventCodec codec,
			EventOrigin origin, @Nullable String topicPrefix, EventBusProperties.RedisConsumer defaults) {
		this.connectionFactory = connectionFactory;
		this.catalog = catalog;
		this.codec = codec;
		this.origin = origin;
		this.topicPrefix = topicPrefix;
		this.defaults = defaults;
	}

	@Override
	public String transport() {
		return EventBusProperties.Transport.REDIS.id();
	}

	@Override
	public EventBusConsumer create(WorkerDefinition definition, EventDispatcher dispatcher,
			ConsumerObserver observer) {
		ConsumerSettings worker = new ConsumerSettings(definition.name(), transport(),
				TopicNames.fullName(this.topicPrefix, definition.topic()), definition.groupId(),
				definition.consecutiveErrorsLimit(), definition.retry(), this.defaults.getBlock(),
				definition.pollFailureSleep());
		WorkerDefinition.RedisOptions overrides = definition.redis();
		String consumerName = (overrides.consumerName() != null) ? overrides.consumerName()
				: (this.defaults.getName() != null) ? this.defaults.getName()
						: RedisConsumerSettings.defaultConsumerName();
		boolean checkBacklog = (overrides.checkBacklog() != null) ? overrides.checkBacklog()
				: this.defaults.isCheckBacklog();
		String lastRead = (overrides.lastReadMessageId() != null) ? overrides.lastReadMessageId()
				: (definition.replayFrom() != null) ? idBefore(definition.replayFrom())
						: this.defaults.getLastReadMsgId();
		RedisConsumerSettings settings = new RedisConsumerSettings(worker, consumerName,
				this.defaults.getBatchSize(),
				(overrides.claimMinIdle() != null) ? overrides.claimMinIdle() : this.defaults.getClaimMinIdle(),
				this.defaults.getClaimInterval(), checkBacklog, lastRead,
				(definition.failurePolicy() == FailurePolicy.DEAD_LETTER) ? RedisFailurePolicy.DEAD_LETTER
						: RedisFailurePolicy.LOG_AND_SKIP,
				this.defaults.getDeadLetterMaxLen());
		return new RedisEventBusConsumer(this.connectionFactory, settings, this.catalog, this.codec, this.origin,
				dispatcher, observer);
	}

	/**
	 * The stream id just before the first entry added at a time: entry ids start with their millisecond time, and the
	 * group delivers the entries after the id it is set to.
	 */
	static String idBefore(OffsetDateTime time) {
		return (time.toInstant().toEpochMilli() - 1) + "-18446744073709551615";
	}

}
