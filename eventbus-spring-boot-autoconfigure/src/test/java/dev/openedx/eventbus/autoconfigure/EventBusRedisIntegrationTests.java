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

import java.util.ArrayList;
import java.util.List;

import dev.openedx.eventbus.redis.LocalRedis;
import dev.openedx.eventbus.redis.RedisDeadLetterRecoverer;
import dev.openedx.eventbus.redis.RedisTestSupport;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Spring integration over Redis Streams: the build's redis-server on 127.0.0.1 (port {@code REDIS_PORT}, default
 * 6379), with stream names no other test uses, deleted afterwards.
 */
class EventBusRedisIntegrationTests extends EndToEndTests {

	@LocalRedis
	private RedisTestSupport redis;

	@Override
	ApplicationContextRunner service(String serviceName) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					EventBusRedisAutoConfiguration.class, EventBusAutoConfiguration.class))
			.withPropertyValues("spring.application.name=" + serviceName, "eventbus.transport=redis",
					"spring.data.redis.url=redis://127.0.0.1:" + this.redis.port(),
					"eventbus.consumer.shutdown-timeout=10s");
	}

	@Override
	String uniqueTopic(String purpose) {
		return this.redis.uniqueStream(purpose);
	}

	@Override
	boolean concurrentConsumersKeepKeyOrder() {
		// Entries of one key may go to different consumers of the group and be handled side by side.
		return false;
	}

	@Override
	List<String> deadLetterKinds(String topic) {
		List<String> kinds = new ArrayList<>();
		withRedis((redis) -> redis.opsForStream()
			.range(topic + RedisDeadLetterRecoverer.SUFFIX, org.springframework.data.domain.Range.unbounded())
			.forEach((entry) -> kinds.add(String.valueOf(entry.getValue().get(RedisDeadLetterRecoverer.FAILURE_KIND)))));
		return kinds;
	}

	private void withRedis(java.util.function.Consumer<StringRedisTemplate> action) {
		LettuceConnectionFactory factory = RedisTestSupport.connectionFactory(this.redis.port());
		try {
			action.accept(new StringRedisTemplate(factory));
		}
		finally {
			factory.destroy();
		}
	}

}
