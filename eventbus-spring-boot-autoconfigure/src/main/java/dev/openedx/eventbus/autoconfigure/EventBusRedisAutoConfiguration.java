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

import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.redis.RedisBrokerProbe;
import dev.openedx.eventbus.redis.RedisDeadLetterReplayer;
import dev.openedx.eventbus.redis.RedisEventBusConsumerFactory;
import dev.openedx.eventbus.redis.RedisEventBusProducer;
import dev.openedx.eventbus.redis.RedisProducerSettings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Auto-configuration of the Redis Streams transport ({@code eventbus.transport=redis}): the event bus producer and
 * the consumer factory of its workers, on Spring Boot's own Lettuce connection ({@code spring.data.redis.*}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = EventBusAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisConnectionFactory.class, LettuceConnectionFactory.class,
		DataRedisAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "eventbus.transport", havingValue = "redis")
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusRedisAutoConfiguration {

	private final EventBusProperties properties;

	EventBusRedisAutoConfiguration(EventBusProperties properties) {
		this.properties = properties;
	}

	@Bean
	@ConditionalOnMissingBean(EventBusProducer.class)
	@ConditionalOnBooleanProperty(name = "eventbus.producer.enabled", matchIfMissing = true)
	RedisEventBusProducer redisEventBusProducer(RedisConnectionFactory redisConnectionFactory,
			AvroEventCodec eventCodec) {
		return new RedisEventBusProducer(redisConnectionFactory, eventCodec,
				new RedisProducerSettings(this.properties.getRedis().getStreamMaxLen()));
	}

	@Bean
	@ConditionalOnMissingBean(EventBusConsumerFactory.class)
	RedisEventBusConsumerFactory redisEventBusConsumerFactory(RedisConnectionFactory redisConnectionFactory,
			EventCatalog eventCatalog, AvroEventCodec eventCodec, EventOrigin eventOrigin, Environment environment) {
		RedisEventBusConsumerFactory factory = new RedisEventBusConsumerFactory(redisConnectionFactory, eventCatalog,
				eventCodec, eventOrigin);
		factory.setThreadFactory(EventBusThreads.factory(environment));
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean(DeadLetterReplayer.class)
	RedisDeadLetterReplayer redisEventBusDeadLetterReplayer(RedisConnectionFactory redisConnectionFactory) {
		return new RedisDeadLetterReplayer(redisConnectionFactory, this.properties.getRedis().getStreamMaxLen());
	}

	@Bean
	@ConditionalOnMissingBean(BrokerProbe.class)
	RedisBrokerProbe redisEventBusBrokerProbe(RedisConnectionFactory redisConnectionFactory) {
		return new RedisBrokerProbe(redisConnectionFactory, this.properties.getRedis().getStreamMaxLen());
	}

}
