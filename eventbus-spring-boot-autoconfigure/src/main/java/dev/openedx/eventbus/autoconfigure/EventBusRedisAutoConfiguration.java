package dev.openedx.eventbus.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of the Redis Streams transport ({@code eventbus.transport=redis}): a producer and a consumer
 * factory on Spring Boot's own Redis connection ({@code spring.data.redis.*}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = EventBusAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisConnectionFactory.class,
		org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "eventbus.transport", havingValue = "redis")
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusRedisAutoConfiguration {

	private final EventBusProperties properties;

	EventBusRedisAutoConfiguration(EventBusProperties properties) {
		this.properties = properties;
	}

}
