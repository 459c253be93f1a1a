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

import java.time.Duration;
import java.time.OffsetDateTime;

import dev.openedx.eventbus.redis.RedisEventBusConsumerFactory;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.redis.RedisConsumerSettings;
import dev.openedx.eventbus.redis.RedisEventBusConsumer;
import dev.openedx.eventbus.redis.RedisEventBusProducer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusRedisAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				EventBusRedisAutoConfiguration.class, EventBusAutoConfiguration.class))
		.withPropertyValues("eventbus.transport=redis", "spring.data.redis.url=redis://127.0.0.1:9");

	@Test
	void redisTransportProvidesTheProducerAndTheWorkers() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(RedisEventBusProducer.class)
			.hasSingleBean(RedisEventBusConsumerFactory.class)
			.hasSingleBean(EventBusPublisher.class));
	}

	@Test
	void userProducerReplacesOurs() {
		this.contextRunner.withBean(EventBusProducer.class, RecordingProducer::new)
			.run((context) -> assertThat(context).doesNotHaveBean(RedisEventBusProducer.class));
	}

	@Test
	void userConsumerFactoryReplacesOurs() {
		this.contextRunner
			.withBean(EventBusConsumerFactory.class, dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory::new)
			.run((context) -> assertThat(context).doesNotHaveBean(RedisEventBusConsumerFactory.class));
	}

	@Test
	void workersTakeTheRedisConsumerProperties() {
		this.contextRunner.withPropertyValues("eventbus.redis.consumer.name=c7",
				"eventbus.redis.consumer.block=2s", "eventbus.redis.consumer.batch-size=4",
				"eventbus.redis.consumer.claim-min-idle=1m", "eventbus.redis.consumer.claim-interval=5s",
				"eventbus.redis.consumer.check-backlog=false", "eventbus.redis.consumer.dead-letter-max-len=100",
				"eventbus.consumer.redis.max-deliveries=3", "eventbus.consumer.failure-policy=log-and-skip")
			.run((context) -> {
				RedisConsumerSettings settings = create(context.getBean(RedisEventBusConsumerFactory.class),
						template(context).forWorker("w", "dev-user-login", "discovery"));
				assertThat(settings.stream()).isEqualTo("dev-user-login");
				assertThat(settings.group()).isEqualTo("discovery");
				assertThat(settings.consumerName()).isEqualTo("c7");
				assertThat(settings.worker().pollTimeout()).hasSeconds(2);
				assertThat(settings.batchSize()).isEqualTo(4);
				assertThat(settings.claimMinIdle()).hasMinutes(1);
				assertThat(settings.claimInterval()).hasSeconds(5);
				assertThat(settings.checkBacklog()).isFalse();
				assertThat(settings.deadLetterMaxLength()).isEqualTo(100);
				assertThat(settings.maxDeliveries()).isEqualTo(3);
				assertThat(settings.failurePolicy()).isEqualTo(FailurePolicy.LOG_AND_SKIP);
			});
	}

	@Test
	void commandOverridesWinOverTheRedisConsumerProperties() {
		this.contextRunner.withPropertyValues("eventbus.redis.consumer.name=c7").run((context) -> {
			ConsumerSettings template = template(context).forWorker("w", "user-login", "discovery");
			RedisConsumerSettings settings = create(context.getBean(RedisEventBusConsumerFactory.class),
					template.withRedis(template.redis()
						.withConsumerName("c1")
						.withCheckBacklog(false)
						.withLastReadMessageId("1679676448892-0")
						.withClaimMinIdle(Duration.ofMillis(60000))));
			assertThat(settings.consumerName()).isEqualTo("c1");
			assertThat(settings.checkBacklog()).isFalse();
			assertThat(settings.lastReadMessageId()).isEqualTo("1679676448892-0");
			assertThat(settings.claimMinIdle()).hasMinutes(1);
		});
	}

	@Test
	void replayTimeBecomesTheStreamIdJustBeforeIt() {
		this.contextRunner.run((context) -> {
			RedisConsumerSettings settings = create(context.getBean(RedisEventBusConsumerFactory.class),
					template(context).forWorker("w", "user-login", "discovery")
						.withReplayFrom(OffsetDateTime.parse("2023-03-24T16:47:28.892Z").toInstant()));
			assertThat(settings.lastReadMessageId()).isEqualTo("1679676448891-18446744073709551615");
		});
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
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EventBusRedisAutoConfiguration.class))
			.withPropertyValues("eventbus.transport=redis")
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusRedisAutoConfiguration.class));
	}

	@Test
	void backsOffWithoutLettuce() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EventBusRedisAutoConfiguration.class))
			.withPropertyValues("eventbus.transport=redis")
			.withClassLoader(new FilteredClassLoader("io.lettuce", "org.springframework.data.redis.connection.lettuce"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusRedisAutoConfiguration.class));
	}

	@Test
	void backsOffWhenTheBusIsDisabled() {
		this.contextRunner.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EventBusRedisAutoConfiguration.class));
	}

	private static ConsumerSettings template(AssertableApplicationContext context) {
		return ConsumerSettingsBinder.template(context.getBean(EventBusProperties.class), "redis");
	}

	private static RedisConsumerSettings create(RedisEventBusConsumerFactory factory, ConsumerSettings definition) {
		return ((RedisEventBusConsumer) factory.create(definition, (event) -> {
		}, new ConsumerObserver() {
		})).settings();
	}

}
