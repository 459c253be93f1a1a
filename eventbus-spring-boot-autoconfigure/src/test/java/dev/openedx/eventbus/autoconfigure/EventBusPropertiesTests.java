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

import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.RetryPolicy;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import dev.openedx.eventbus.redis.RedisConsumerSettings;
import dev.openedx.eventbus.redis.RedisProducerSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusPropertiesTests {

	private final EventBusProperties properties = new EventBusProperties();

	@Test
	void consumerDefaultsAreTheEngines() {
		ConsumerSettings engine = ConsumerSettings.defaults("kafka", "t", "g");
		EventBusProperties.Consumer consumer = this.properties.getConsumer();
		assertThat(consumer.getConsecutiveErrorsLimit()).isEqualTo(engine.consecutiveErrorsLimit());
		assertThat(consumer.getPollFailureSleep()).isEqualTo(engine.pollFailureSleep());
		assertThat(consumer.getRetry().getMaxAttempts()).isEqualTo(RetryPolicy.NONE.maxAttempts());
		assertThat(consumer.getRetry().getInitialInterval()).isEqualTo(RetryPolicy.NONE.initialInterval());
		assertThat(consumer.getRetry().getMultiplier()).isEqualTo(RetryPolicy.NONE.multiplier());
		assertThat(consumer.getRetry().getMaxInterval()).isEqualTo(RetryPolicy.NONE.maxInterval());
		assertThat(consumer.getMaxTransientWait()).isEqualTo(engine.maxTransientWait());
		assertThat(consumer.getMaxMessageSize().toBytes()).isEqualTo(engine.maxMessageSize()).isEqualTo(1048576);
	}

	@Test
	void kafkaDefaultsAreTheTransports() {
		assertThat(this.properties.getKafka().getConsumer().getPollTimeout())
			.isEqualTo(ConsumerSettings.defaults("kafka", "t", "g").pollTimeout());
		assertThat(this.properties.getKafka().getConsumer().getStartPosition()).isEqualTo(StartPosition.EARLIEST);
		SchemaRegistrySettings registry = SchemaRegistrySettings.of("http://localhost:8081");
		assertThat(this.properties.getKafka().getSchemaRegistry().getConnectTimeout())
			.isEqualTo(registry.connectTimeout());
	}

	@Test
	void redisDefaultsAreTheTransports() {
		RedisConsumerSettings transport = RedisConsumerSettings.of("s", "g");
		EventBusProperties.RedisConsumer consumer = this.properties.getRedis().getConsumer();
		assertThat(this.properties.getRedis().getStreamMaxLen())
			.isEqualTo(RedisProducerSettings.DEFAULT_STREAM_MAX_LENGTH);
		assertThat(consumer.getBlock()).isEqualTo(transport.worker().pollTimeout());
		assertThat(consumer.getBatchSize()).isEqualTo(transport.batchSize());
		assertThat(consumer.getClaimMinIdle()).isEqualTo(transport.claimMinIdle());
		assertThat(consumer.getClaimInterval()).isEqualTo(transport.claimInterval());
		assertThat(consumer.isCheckBacklog()).isEqualTo(transport.checkBacklog());
		assertThat(consumer.getDeadLetterMaxLen()).isEqualTo(transport.deadLetterMaxLength()).isEqualTo(100_000);
		assertThat(this.properties.getConsumer().getRedis().getMaxDeliveries()).isEqualTo(transport.maxDeliveries())
			.isEqualTo(5);
		assertThat(this.properties.getConsumer().getFailurePolicy().name())
			.isEqualTo(transport.failurePolicy().name());
	}

	@Test
	void pythonDefaultsAreKeptWhereTheyLoseNothing() {
		assertThat(this.properties.getRedis().getStreamMaxLen()).isEqualTo(10000);
		assertThat(this.properties.getAuditLogging().isEnabled()).isTrue();
		assertThat(this.properties.getConsumer().isEnabled()).isTrue();
		assertThat(this.properties.getProducer().getSendMode().name()).isEqualTo("IMMEDIATE");
		assertThat(this.properties.getKafka().getProducer().getPartitioner())
			.isEqualTo(EventBusProperties.Partitioner.CRC32);
	}

}
