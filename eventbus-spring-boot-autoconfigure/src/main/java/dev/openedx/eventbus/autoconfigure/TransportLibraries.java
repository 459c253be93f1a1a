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
