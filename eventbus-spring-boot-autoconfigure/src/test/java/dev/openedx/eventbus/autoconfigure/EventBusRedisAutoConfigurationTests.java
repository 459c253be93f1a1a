package dev.openedx.eventbus.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusRedisAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DataRedisAutoConfiguration.class, EventBusRedisAutoConfiguration.class))
		.withPropertyValues("eventbus.transport=redis");

	@Test
	void runsWhenTheTransportIsRedis() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(EventBusRedisAutoConfiguration.class));
	}

	@Test
	void backsOffByDefault() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, EventBusRedisAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusRedisAutoConfiguration.class));
	}

	@Test
	void backsOffWithoutSpringDataRedis() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusRedisAutoConfiguration.class));
	}

	@Test
	void backsOffWhenTheBusIsDisabled() {
		this.contextRunner.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusRedisAutoConfiguration.class));
	}

}
