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

import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.worker.EventBusWorkers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up checks of the consumer settings: what cannot work is refused when the application starts, naming the
 * property, and what is bound reaches the settings each worker runs with.
 */
class ConsumerSettingsBinderTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class))
		.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
		.withPropertyValues("spring.application.name=library",
				"eventbus.kafka.schema-registry.url=http://localhost:8081",
				"eventbus.consumer.workers.loans.topic=loans");

	@Test
	void theBoundSettingsReachTheWorkers() {
		this.contextRunner
			.withPropertyValues("eventbus.consumer.max-transient-wait=3m", "eventbus.consumer.max-message-size=64KB",
					"eventbus.consumer.workers.members.topic=members",
					"eventbus.consumer.workers.members.max-transient-wait=20s",
					"eventbus.consumer.workers.members.max-message-size=2097152",
					"eventbus.consumer.redis.max-deliveries=2", "eventbus.kafka.consumer.poll-timeout=250ms")
			.run((context) -> {
				ConsumerSettings loans = settings(context.getBean(EventBusWorkers.class), 0);
				assertThat(loans.maxTransientWait()).isEqualTo(Duration.ofMinutes(3));
				assertThat(loans.maxMessageSize()).isEqualTo(64 * 1024);
				assertThat(loans.pollTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(loans.redis().maxDeliveries()).isEqualTo(2);
				ConsumerSettings members = settings(context.getBean(EventBusWorkers.class), 1);
				assertThat(members.maxTransientWait()).isEqualTo(Duration.ofSeconds(20));
				assertThat(members.maxMessageSize()).isEqualTo(2 * 1024 * 1024);
			});
	}

	@Test
	void theDefaultsAreTenMinutesOneMebibyteAndFiveDeliveries() {
		this.contextRunner.run((context) -> {
			ConsumerSettings loans = settings(context.getBean(EventBusWorkers.class), 0);
			assertThat(loans.maxTransientWait()).isEqualTo(Duration.ofMinutes(10));
			assertThat(loans.maxMessageSize()).isEqualTo(1048576);
			assertThat(loans.redis().maxDeliveries()).isEqualTo(5);
		});
	}

	@Test
	void aPollFailureSleepOfZeroIsRefused() {
		assertRefused("eventbus.consumer.poll-failure-sleep", "tight loop", "eventbus.consumer.poll-failure-sleep=0");
	}

	@Test
	void aMaxMessageSizeOfZeroIsRefused() {
		assertRefused("eventbus.consumer.max-message-size", "at least 1 byte", "eventbus.consumer.max-message-size=0");
	}

	@Test
	void aWorkersMaxMessageSizeOfZeroIsRefused() {
		assertRefused("eventbus.consumer.workers.loans.max-message-size", "at least 1 byte",
				"eventbus.consumer.workers.loans.max-message-size=0");
	}

	@Test
	void aMaxTransientWaitOfZeroIsRefused() {
		assertRefused("eventbus.consumer.max-transient-wait", "must be positive",
				"eventbus.consumer.max-transient-wait=0");
	}

	@Test
	void fewerThanOneDeliveryIsRefused() {
		assertRefused("eventbus.consumer.redis.max-deliveries", "at least once",
				"eventbus.consumer.redis.max-deliveries=0");
	}

	@Test
	void aClaimMinIdleNotAboveTheWorstCaseHandlingOfABatchIsRefused() {
		// 10 entries x (10 s + 20 s of retry waits + 3 attempts x 1 s) = 330 s, above the default 5 minutes.
		assertRefused("eventbus.redis.consumer.claim-min-idle", "330 s", "eventbus.transport=redis",
				"eventbus.consumer.retry.max-attempts=3", "eventbus.consumer.retry.initial-interval=10s");
	}

	@Test
	void aClaimMinIdleAboveTheWorstCaseHandlingOfABatchIsAccepted() {
		this.contextRunner
			.withPropertyValues("eventbus.transport=redis", "eventbus.consumer.retry.max-attempts=3",
					"eventbus.consumer.retry.initial-interval=10s", "eventbus.redis.consumer.claim-min-idle=6m")
			.run((context) -> assertThat(settings(context.getBean(EventBusWorkers.class), 0).redis().claimMinIdle())
				.isEqualTo(Duration.ofMinutes(6)));
	}

	@Test
	void theClaimRuleIsForRedisOnly() {
		this.contextRunner
			.withPropertyValues("eventbus.consumer.retry.max-attempts=3",
					"eventbus.consumer.retry.initial-interval=10s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aDeadLetterTopicLongerThanKafkaAllowsIsRefused() {
		// 246 characters: the topic itself fits in 249, its "-dlt" dead-letter topic does not.
		assertRefused("eventbus.consumer.workers.loans.topic", "at most 249",
				"eventbus.consumer.workers.loans.topic=" + "t".repeat(246));
	}

	@Test
	void aTopicOfTheLongestLengthIsAcceptedWhenNothingIsDeadLettered() {
		this.contextRunner
			.withPropertyValues("eventbus.consumer.workers.loans.topic=" + "t".repeat(249),
					"eventbus.consumer.failure-policy=log-and-skip")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aTopicWithCharactersKafkaRefusesIsRefused() {
		assertRefused("eventbus.consumer.workers.loans.topic", "characters Kafka does not allow",
				"eventbus.consumer.workers.loans.topic=loans/2026");
	}

	@Test
	void aWorkerWithConcurrencyRunsConsumersOfTheirOwnNameInTheSameGroup() {
		this.contextRunner
			.withPropertyValues("eventbus.consumer.concurrency=2", "eventbus.consumer.workers.loans.concurrency=3",
					"eventbus.consumer.workers.returns.topic=returns", "eventbus.redis.consumer.name=host-a")
			.run((context) -> {
				EventBusWorkers workers = context.getBean(EventBusWorkers.class);
				assertThat(workers.getDefinitions()).extracting(ConsumerSettings::name)
					.containsExactly("loans-1", "loans-2", "loans-3", "returns-1", "returns-2");
				assertThat(workers.getDefinitions()).extracting(ConsumerSettings::group).containsOnly("library");
				assertThat(workers.getDefinitions()).extracting((settings) -> settings.redis().consumerName())
					.containsExactly("host-a-1", "host-a-2", "host-a-3", "host-a-1", "host-a-2");
			});
	}

	@Test
	void aConcurrencyOfOneKeepsTheWorkersName() {
		this.contextRunner.run((context) -> assertThat(context.getBean(EventBusWorkers.class).getDefinitions())
			.extracting(ConsumerSettings::name)
			.containsExactly("loans"));
	}

	@Test
	void aConcurrencyBelowOneIsRefused() {
		assertRefused("eventbus.consumer.concurrency", "at least 1 consumer", "eventbus.consumer.concurrency=0");
		assertRefused("eventbus.consumer.workers.loans.concurrency", "at least 1 consumer",
				"eventbus.consumer.workers.loans.concurrency=-1");
	}

	@Test
	void aConsumerNameThatAnotherWorkerHasIsRefused() {
		assertRefused("eventbus.consumer.workers.loans.concurrency", "loans-1",
				"eventbus.consumer.workers.loans.concurrency=2", "eventbus.consumer.workers.loans-1.topic=other");
	}

	private void assertRefused(String property, String reason, String... properties) {
		this.contextRunner.withPropertyValues(properties)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property " + property + " with value")
				.hasMessageContaining(reason));
	}

	private static ConsumerSettings settings(EventBusWorkers workers, int index) {
		return workers.getDefinitions().get(index);
	}

}
