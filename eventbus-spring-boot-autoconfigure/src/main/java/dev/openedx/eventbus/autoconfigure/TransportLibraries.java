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

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The classes each transport needs and the dependency that brings them.
 */
final class TransportLibraries {

	private static final List<String> KAFKA = List.of("org.springframework.kafka.core.KafkaTemplate",
			"org.apache.kafka.clients.producer.KafkaProducer",
			"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");

	private static final List<String> REDIS = List.of(
			"org.springframework.data.redis.connection.RedisConnectionFactory", "io.lettuce.core.RedisClient",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration");

	private TransportLibraries() {
	}

	static void check(EventBusProperties.Transport transport, @Nullable ClassLoader classLoader) {
		List<String> required = (transport == EventBusProperties.Transport.KAFKA) ? KAFKA : REDIS;
		List<String> missing = new ArrayList<>();
		for (String className : required) {
			if (!ClassUtils.isPresent(className, classLoader)) {
				missing.add(className);
			}
		}
		if (!missing.isEmpty()) {
			String dependency = (transport == EventBusProperties.Transport.KAFKA)
					? "org.springframework.boot:spring-boot-starter-kafka"
					: "org.springframework.boot:spring-boot-starter-data-redis";
			throw new EventBusTransportUnavailableException(transport, missing, dependency);
		}
	}

}
