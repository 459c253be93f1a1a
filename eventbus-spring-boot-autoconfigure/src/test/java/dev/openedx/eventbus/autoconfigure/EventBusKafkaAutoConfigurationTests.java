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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.kafka.KafkaDefaultPartitioner;
import dev.openedx.eventbus.kafka.KafkaEventBusConsumerFactory;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.consumer.FailurePolicy;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.kafka.Crc32Partitioner;
import dev.openedx.eventbus.kafka.EventBusKafkaCustomizer;
import dev.openedx.eventbus.kafka.KafkaEventBusConsumer;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
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
	void theEventBusProducerLingersAsTheEventBusChose() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(KafkaEventBusProducer.class).clientConfiguration().get(ProducerConfig.LINGER_MS_CONFIG))
			.hasToString(String.valueOf(KafkaEventBusProducer.DEFAULT_LINGER_MS)));
	}

	@Test
	void springKafkasLingerWinsOverTheEventBusDefault() {
		this.contextRunner.withPropertyValues("spring.kafka.producer.properties.linger.ms=20")
			.run((context) -> assertThat(context.getBean(KafkaEventBusProducer.class)
				.clientConfiguration()
				.get(ProducerConfig.LINGER_MS_CONFIG)).hasToString("20"));
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
				KafkaEventBusConsumer worker = (KafkaEventBusConsumer) factory.create(ConsumerSettingsBinder
					.template(context.getBean(EventBusProperties.class), "kafka")
					.forWorker("w", "stage-enrollments", "catalog")
					.withStartPosition(StartPosition.LATEST)
					.withReplayFrom(OffsetDateTime.parse("2026-01-08T06:46:22+01:00").toInstant()), (event) -> {
					}, new ConsumerObserver() {
					});
				assertThat(worker.settings().destination()).isEqualTo("stage-enrollments");
				assertThat(worker.settings().group()).isEqualTo("catalog");
				assertThat(worker.settings().pollTimeout()).hasSeconds(3);
				assertThat(worker.settings().startPosition()).isEqualTo(StartPosition.LATEST);
				assertThat(worker.settings().replayFrom()).hasToString("2026-01-08T05:46:22Z");
			});
	}

	@Test
	void workersStartAtTheConfiguredPositionByDefault() {
		this.contextRunner.withPropertyValues("eventbus.kafka.consumer.start-position=latest").run((context) -> {
			KafkaEventBusConsumer worker = (KafkaEventBusConsumer) context.getBean(KafkaEventBusConsumerFactory.class)
				.create(ConsumerSettings.defaults("kafka", "t", "g").withFailurePolicy(FailurePolicy.LOG_AND_SKIP),
						(event) -> {
						}, new ConsumerObserver() {
						});
			assertThat(worker.settings().startPosition()).isEqualTo(StartPosition.LATEST);
			assertThat(worker.settings().replayFrom()).isNull();
		});
	}

	@Test
	void anAutoOffsetResetTheUserSetIsWhereNewGroupsStart() {
		this.contextRunner.withPropertyValues("spring.kafka.consumer.auto-offset-reset=latest")
			.run((context) -> assertThat(startPosition(context)).isEqualTo(StartPosition.LATEST));
	}

	@Test
	void anAutoOffsetResetThatContradictsTheStartPositionIsRefusedNamingBoth() {
		this.contextRunner
			.withPropertyValues("spring.kafka.consumer.auto-offset-reset=latest",
					"eventbus.kafka.consumer.start-position=earliest")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("spring.kafka.consumer.auto-offset-reset")
				.hasMessageContaining("eventbus.kafka.consumer.start-position=earliest"));
	}

	@Test
	void anAutoOffsetResetThatAgreesWithTheStartPositionIsAccepted() {
		this.contextRunner
			.withPropertyValues("spring.kafka.consumer.auto-offset-reset=earliest",
					"eventbus.kafka.consumer.start-position=earliest")
			.run((context) -> assertThat(startPosition(context))
				.isEqualTo(StartPosition.EARLIEST));
	}

	@Test
	void aResetPolicyTheWorkersCannotFollowIsRefused() {
		this.contextRunner.withPropertyValues("spring.kafka.consumer.properties[auto.offset.reset]=none")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("spring.kafka.consumer.auto-offset-reset")
				.hasMessageContaining("'none'"));
	}

	@Test
	void eventBusKafkaCustomizersChangeTheSettingsOfTheEventBusClientsOnly() {
		List<String> customized = new CopyOnWriteArrayList<>();
		this.contextRunner.withBean(EventBusKafkaCustomizer.class, () -> new EventBusKafkaCustomizer() {

			@Override
			public void customizeProducer(Map<String, Object> config) {
				customized.add("producer " + config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
				config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
			}

			@Override
			public void customizeConsumer(Map<String, Object> config) {
				customized.add("consumer " + config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
				config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
			}

			@Override
			public void customizeAdmin(Map<String, Object> config) {
				customized.add("admin " + config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
			}

		}).run((context) -> {
			assertThat(startPosition(context)).isEqualTo(StartPosition.LATEST);
			assertThat(customized).contains("producer [localhost:9]", "consumer [localhost:9]", "admin [localhost:9]");
			assertThat(context.getBean(KafkaTemplate.class).getProducerFactory().getConfigurationProperties())
				.doesNotContainKey(ProducerConfig.COMPRESSION_TYPE_CONFIG);
		});
	}

	@Test
	void springBootsFactoryCustomizersApplyToTheEventBusFactories() {
		List<Object> customized = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withBean(DefaultKafkaProducerFactoryCustomizer.class,
					() -> (factory) -> customized.add(factory.getConfigurationProperties()
						.get(ProducerConfig.PARTITIONER_CLASS_CONFIG)))
			.withBean(DefaultKafkaConsumerFactoryCustomizer.class,
					() -> (factory) -> customized.add(factory.getConfigurationProperties()
						.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// Ours (the partitioner is the event bus's) besides Spring Boot's own factories.
				assertThat(customized).contains(Crc32Partitioner.class, List.of("localhost:9"));
			});
	}

	private static StartPosition startPosition(
			org.springframework.context.ApplicationContext context) {
		KafkaEventBusConsumer worker = (KafkaEventBusConsumer) context.getBean(KafkaEventBusConsumerFactory.class)
			.create(ConsumerSettings.defaults("kafka", "t", "g"), (event) -> {
			}, new ConsumerObserver() {
			});
		return worker.settings().startPosition();
	}

	@Test
	void consumerClientsPollAHundredRecordsByDefault() {
		assertThat(KafkaClientConfigs.consumer(new KafkaProperties(), null))
			.containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
	}

	@Test
	void consumerClientsPollTheRecordsTheUserSets() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getConsumer().setMaxPollRecords(20);
		assertThat(KafkaClientConfigs.consumer(kafka, null)).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
		KafkaProperties raw = new KafkaProperties();
		raw.getConsumer().getProperties().put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "30");
		assertThat(KafkaClientConfigs.consumer(raw, null)).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "30");
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
