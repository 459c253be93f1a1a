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

import java.time.OffsetDateTime;
import java.util.Map;

import dev.openedx.eventbus.kafka.KafkaDefaultPartitioner;
import dev.openedx.eventbus.kafka.KafkaEventBusConsumerFactory;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.consumer.WorkerDefaults;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.kafka.Crc32Partitioner;
import dev.openedx.eventbus.kafka.KafkaEventBusConsumer;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusKafkaAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9", "spring.kafka.producer.properties.max.block.ms=1",
				"eventbus.kafka.schema-registry.url=http://localhost:8081");

	@Test
	void kafkaIsTheDefaultTransport() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(KafkaEventBusProducer.class)
			.hasSingleBean(KafkaEventBusConsumerFactory.class)
			.hasSingleBean(SchemaRegistryClient.class)
			.hasSingleBean(EventBusPublisher.class));
	}

	@Test
	void applicationsOwnKafkaSetupIsLeftAlone() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(KafkaTemplate.class)
			.getBean(KafkaTemplate.class)
			.satisfies((template) -> assertThat(template.getProducerFactory().getConfigurationProperties())
				.doesNotContainKey(ProducerConfig.PARTITIONER_CLASS_CONFIG)));
	}

	@Test
	void userProducerReplacesOurs() {
		this.contextRunner.withBean(EventBusProducer.class, RecordingProducer::new)
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaEventBusProducer.class)
				.hasSingleBean(EventBusProducer.class));
	}

	@Test
	void userConsumerFactoryReplacesOurs() {
		this.contextRunner
			.withBean(EventBusConsumerFactory.class, dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory::new)
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaEventBusConsumerFactory.class));
	}

	@Test
	void producerKillSwitchLeavesNoKafkaProducer() {
		this.contextRunner.withPropertyValues("eventbus.producer.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaEventBusProducer.class)
				.hasSingleBean(KafkaEventBusConsumerFactory.class));
	}

	@Test
	void workersGetTheirTopicTheStartPositionAndTheReplayTime() {
		this.contextRunner.withPropertyValues("eventbus.kafka.consumer.poll-timeout=3s")
			.run((context) -> {
				KafkaEventBusConsumerFactory factory = context.getBean(KafkaEventBusConsumerFactory.class);
				KafkaEventBusConsumer worker = (KafkaEventBusConsumer) factory.create(WorkerDefaults.python()
					.definition("w", "stage-enrollments", "catalog")
					.withStartPosition(StartPosition.LATEST)
					.withReplayFrom(OffsetDateTime.parse("2026-01-08T06:46:22+01:00")), (event) -> {
					}, new ConsumerObserver() {
					});
				assertThat(worker.settings().destination()).isEqualTo("stage-enrollments");
				assertThat(worker.settings().group()).isEqualTo("catalog");
				assertThat(worker.settings().pollTimeout()).hasSeconds(3);
				assertThat(worker.options().startPosition()).isEqualTo(dev.openedx.eventbus.kafka.StartPosition.LATEST);
				assertThat(worker.options().replayFrom()).hasToString("2026-01-08T05:46:22Z");
			});
	}

	@Test
	void workersStartAtTheConfiguredPositionByDefault() {
		this.contextRunner.withPropertyValues("eventbus.kafka.consumer.start-position=latest").run((context) -> {
			KafkaEventBusConsumer worker = (KafkaEventBusConsumer) context.getBean(KafkaEventBusConsumerFactory.class)
				.create(new WorkerDefaults(0, dev.openedx.eventbus.consumer.RetryPolicy.NONE, java.time.Duration.ZERO,
						FailurePolicy.LOG_AND_SKIP).definition("w", "t", "g"), (event) -> {
						}, new ConsumerObserver() {
						});
			assertThat(worker.options().startPosition()).isEqualTo(dev.openedx.eventbus.kafka.StartPosition.LATEST);
			assertThat(worker.options().replayFrom()).isNull();
		});
	}

	@Test
	void producerClientsUseTheCrc32PartitionerAndTheServiceNameAsClientId() {
		Map<String, Object> config = KafkaClientConfigs.producer(new KafkaProperties(), null, new EventBusProperties(),
				"lms");
		assertThat(config).containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, Crc32Partitioner.class)
			.containsEntry(CommonClientConfigs.CLIENT_ID_CONFIG, "lms");
	}

	@Test
	void kafkaDefaultPartitionerCanBeChosen() {
		EventBusProperties properties = new EventBusProperties();
		properties.getKafka().getProducer().setPartitioner(EventBusProperties.Partitioner.KAFKA_DEFAULT);
		assertThat(KafkaClientConfigs.producer(new KafkaProperties(), null, properties, null))
			.containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, KafkaDefaultPartitioner.class)
			.doesNotContainKey(CommonClientConfigs.CLIENT_ID_CONFIG);
	}

	@Test
	void springKafkaSettingsWinOverOurs() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.setClientId("explicit");
		kafka.getProducer().getProperties().put(ProducerConfig.PARTITIONER_CLASS_CONFIG, "com.example.MyPartitioner");
		assertThat(KafkaClientConfigs.producer(kafka, null, new EventBusProperties(), "lms"))
			.containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, "com.example.MyPartitioner")
			.containsEntry(CommonClientConfigs.CLIENT_ID_CONFIG, "explicit");
	}

	@Test
	void userSchemaRegistryClientReplacesOursAndNeedsNoUrl() {
		SchemaRegistryClient own = new SchemaRegistryClient(
				dev.openedx.eventbus.kafka.SchemaRegistrySettings.of("http://registry.internal:8081"));
		this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.url=")
			.withBean(SchemaRegistryClient.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed().getBean(SchemaRegistryClient.class).isSameAs(own));
	}

	@Test
	void kafkaTransportWithoutSchemaRegistryFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.url=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("eventbus.kafka.schema-registry.url"));
	}

	@Test
	void backsOffWithoutSpringKafka() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EventBusKafkaAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusKafkaAutoConfiguration.class));
	}

	@Test
	void backsOffWhenTheTransportIsRedis() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EventBusKafkaAutoConfiguration.class))
			.withPropertyValues("eventbus.transport=redis")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusKafkaAutoConfiguration.class));
	}

	@Test
	void backsOffWhenTheBusIsDisabled() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EventBusKafkaAutoConfiguration.class))
			.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBusKafkaAutoConfiguration.class));
	}

}
