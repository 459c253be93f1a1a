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
import java.util.UUID;

import dev.openedx.eventbus.redis.RedisDeadLetterRecoverer;
import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Spring integration over Redis Streams: the build's redis-server on 127.0.0.1 (port {@code REDIS_PORT}, default
 * 6379), with stream names no other test uses, deleted afterwards.
 */
class EventBusRedisIntegrationTests extends EndToEndTests {

	private final int port = redisPort();

	private final List<String> streams = new ArrayList<>();

	@AfterEach
	void deleteStreams() {
		withRedis((redis) -> this.streams.forEach(redis::delete));
	}

	@Override
	ApplicationContextRunner service(String serviceName) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					EventBusRedisAutoConfiguration.class, EventBusAutoConfiguration.class))
			.withPropertyValues("spring.application.name=" + serviceName, "eventbus.transport=redis",
					"spring.data.redis.url=redis://127.0.0.1:" + this.port, "eventbus.consumer.shutdown-timeout=10s");
	}

	@Override
	String uniqueTopic(String purpose) {
		String stream = "eventbus-it-" + purpose + "-" + UUID.randomUUID();
		this.streams.add(stream);
		this.streams.add(stream + RedisDeadLetterRecoverer.SUFFIX);
		return stream;
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
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port));
		factory.afterPropertiesSet();
		factory.start();
		try {
			action.accept(new StringRedisTemplate(factory));
		}
		finally {
			factory.destroy();
		}
	}

	private static int redisPort() {
		String port = System.getenv("REDIS_PORT");
		return (port != null && !port.isBlank()) ? Integer.parseInt(port.strip()) : 6379;
	}

}
