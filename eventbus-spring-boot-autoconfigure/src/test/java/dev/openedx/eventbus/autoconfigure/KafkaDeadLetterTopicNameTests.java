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

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker whose dead-letter topic Kafka cannot have (over 249 characters) is refused at start-up, rather than failing
 * at its first dead letter (workers are created, not started, with eventbus.consumer.enabled=false).
 */
class KafkaDeadLetterTopicNameTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9",
				"eventbus.kafka.schema-registry.url=http://localhost:8081", "eventbus.consumer.enabled=false",
				"eventbus.consumer.workers.books.group-id=books");

	@Test
	void aTopicWhoseDeadLetterTopicWouldBeOver249CharactersIsRefusedNamingTheSetting() {
		this.contextRunner.withPropertyValues("eventbus.consumer.workers.books.topic=" + "t".repeat(246))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Worker books")
				.hasMessageContaining("250 characters long, over Kafka's limit of 249")
				.hasMessageContaining("eventbus.consumer.workers.books.topic")
				.hasMessageContaining("eventbus.consumer.failure-policy=log-and-skip"));
	}

	@Test
	void aTopicWhoseDeadLetterTopicHas249CharactersIsAccepted() {
		this.contextRunner.withPropertyValues("eventbus.consumer.workers.books.topic=" + "t".repeat(245))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aWorkerThatDoesNotDeadLetterNeedsNoDeadLetterTopic() {
		this.contextRunner
			.withPropertyValues("eventbus.consumer.workers.books.topic=" + "t".repeat(246),
					"eventbus.consumer.failure-policy=log-and-skip")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
