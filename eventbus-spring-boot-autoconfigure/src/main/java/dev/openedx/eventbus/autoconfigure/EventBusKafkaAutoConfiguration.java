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
import java.util.Map;

import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.consumer.StartPosition;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.kafka.EventBusKafkaCustomizer;
import dev.openedx.eventbus.kafka.KafkaBrokerProbe;
import dev.openedx.eventbus.kafka.KafkaDeadLetterReplayer;
import dev.openedx.eventbus.kafka.KafkaEventBusConsumerFactory;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.KafkaMessageDecoder;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Auto-configuration of the Kafka transport ({@code eventbus.transport=kafka}, the default): the event bus producer
 * and the consumer factory of its workers, on Spring Boot's own Kafka settings ({@code spring.kafka.*} and its
 * connection details) with byte-array serializers, and the Confluent-compatible schema registry of
 * {@code eventbus.kafka.schema-registry.*} or of a {@link SchemaRegistryConnectionDetails} bean (Testcontainers,
 * Docker Compose). The event bus builds its own clients: the application's
 * {@code KafkaTemplate} and listener containers are left as they are. Spring Boot's
 * {@code DefaultKafkaProducerFactoryCustomizer} and {@code DefaultKafkaConsumerFactoryCustomizer} beans apply to the
 * event bus's factories too (so Boot's {@code kafka.producer.*} and {@code kafka.consumer.*} meters cover its
 * clients), and {@link EventBusKafkaCustomizer} beans change settings the properties do not reach. A
 * {@code spring.kafka.consumer.auto-offset-reset} is where new groups start unless
 * {@code eventbus.kafka.consumer.start-position} says otherwise, which is refused.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = EventBusAutoConfiguration.class,
		afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({ KafkaTemplate.class, KafkaProperties.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "eventbus.transport", havingValue = "kafka", matchIfMissing = true)
@EnableConfigurationProperties({ EventBusProperties.class, KafkaProperties.class })
public final class EventBusKafkaAutoConfiguration {

	private final EventBusProperties properties;

	EventBusKafkaAutoConfiguration(EventBusProperties properties) {
		this.properties = properties;
	}

	@Bean
	@ConditionalOnMissingBean(SchemaRegistryConnectionDetails.class)
	PropertiesSchemaRegistryConnectionDetails eventBusSchemaRegistryConnectionDetails() {
		return new PropertiesSchemaRegistryConnectionDetails(this.properties.getKafka().getSchemaRegistry());
	}

	@Bean
	@ConditionalOnMissingBean
	SchemaRegistryClient eventBusSchemaRegistryClient(SchemaRegistryConnectionDetails connectionDetails,
			ObjectProvider<SslBundles> sslBundles) {
		return new SchemaRegistryClient(SchemaRegistrySettingsFactory.create(connectionDetails,
				this.properties.getKafka().getSchemaRegistry(), sslBundles.getIfAvailable()));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(EventBusProducer.class)
	@ConditionalOnBooleanProperty(name = "eventbus.producer.enabled", matchIfMissing = true)
	KafkaEventBusProducer kafkaEventBusProducer(KafkaProperties kafkaProperties,
			ObjectProvider<KafkaConnectionDetails> connectionDetails, SchemaRegistryClient eventBusSchemaRegistryClient,
			AvroEventCodec eventCodec, Environment environment, ObjectProvider<EventBusKafkaCustomizer> customizers,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> producerFactoryCustomizers) {
		return new KafkaEventBusProducer(producerFactory(kafkaProperties, connectionDetails, environment, customizers,
				producerFactoryCustomizers), eventBusSchemaRegistryClient, eventCodec,
				this.properties.getProducer().getMaxBlock());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "eventbus.kafka.schema-registry.check-on-startup", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = "eventbus.producer.enabled", matchIfMissing = true)
	static SmartInitializingSingleton eventBusSchemaStartupCheck(ObjectProvider<KafkaEventBusProducer> producer,
			ObjectProvider<EventRoutes> eventRoutes) {
		return () -> {
			KafkaEventBusProducer kafkaProducer = producer.getIfUnique();
			EventRoutes routes = eventRoutes.getIfUnique();
			if (kafkaProducer == null || routes == null) {
				return;
			}
			List<KafkaEventBusProducer.RouteSpec> specs = new ArrayList<>();
			for (EventRoute route : routes.all()) {
				if (route.eventKeyField() != null && route.eventType().busCapable()) {
					specs.add(new KafkaEventBusProducer.RouteSpec(route.destination(), route.eventKeyField(),
							route.eventType()));
				}
			}
			kafkaProducer.prepare(specs);
		};
	}

	@Bean
	@ConditionalOnMissingBean(EventBusConsumerFactory.class)
	KafkaEventBusConsumerFactory kafkaEventBusConsumerFactory(KafkaProperties kafkaProperties,
			ObjectProvider<KafkaConnectionDetails> connectionDetails, SchemaRegistryClient eventBusSchemaRegistryClient,
			EventCatalog eventCatalog, AvroEventCodec eventCodec, EventOrigin eventOrigin, Environment environment,
			ObjectProvider<EventBusKafkaCustomizer> customizers,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> producerFactoryCustomizers,
			ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> consumerFactoryCustomizers) {
		Map<String, Object> consumerConfig = KafkaClientConfigs.consumer(kafkaProperties,
				connectionDetails.getIfAvailable());
		customizers.orderedStream().forEach((customizer) -> customizer.customizeConsumer(consumerConfig));
		StartPosition startPosition = KafkaClientConfigs.startPosition(consumerConfig,
				this.properties.getKafka().getConsumer().getStartPosition(), environment);
		DefaultKafkaConsumerFactory<byte[], byte[]> consumerFactory = new DefaultKafkaConsumerFactory<>(
				consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		// Spring Boot's customizers (its Kafka client metrics among them) apply to the event bus's clients too.
		consumerFactoryCustomizers.orderedStream().forEach((customizer) -> customizer.customize(consumerFactory));
		KafkaEventBusConsumerFactory factory = new KafkaEventBusConsumerFactory(consumerFactory,
				producerFactory(kafkaProperties, connectionDetails, environment, customizers,
						producerFactoryCustomizers),
				new KafkaMessageDecoder(eventCatalog, eventCodec, eventBusSchemaRegistryClient, eventOrigin),
				startPosition);
		factory.setThreadFactory(EventBusThreads.factory(environment));
		return factory;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(DeadLetterReplayer.class)
	KafkaDeadLetterReplayer kafkaEventBusDeadLetterReplayer(KafkaProperties kafkaProperties,
			ObjectProvider<KafkaConnectionDetails> connectionDetails, Environment environment,
			ObjectProvider<EventBusKafkaCustomizer> customizers,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> producerFactoryCustomizers) {
		Map<String, Object> consumerConfig = KafkaClientConfigs.consumer(kafkaProperties,
				connectionDetails.getIfAvailable());
		customizers.orderedStream().forEach((customizer) -> customizer.customizeConsumer(consumerConfig));
		return new KafkaDeadLetterReplayer(new DefaultKafkaConsumerFactory<>(consumerConfig,
				new ByteArrayDeserializer(), new ByteArrayDeserializer()), producerFactory(kafkaProperties,
						connectionDetails, environment, customizers, producerFactoryCustomizers));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(BrokerProbe.class)
	KafkaBrokerProbe kafkaEventBusBrokerProbe(KafkaProperties kafkaProperties,
			ObjectProvider<KafkaConnectionDetails> connectionDetails,
			ObjectProvider<EventBusKafkaCustomizer> customizers, Environment environment) {
		KafkaBootstrapServers servers = KafkaBootstrapServers.resolve(kafkaProperties,
				connectionDetails.getIfAvailable(), environment);
		servers.warnIfDefaulted();
		Map<String, Object> adminConfig = KafkaClientConfigs.admin(kafkaProperties, connectionDetails.getIfAvailable());
		customizers.orderedStream().forEach((customizer) -> customizer.customizeAdmin(adminConfig));
		return new KafkaBrokerProbe(adminConfig, servers.details());
	}

	private DefaultKafkaProducerFactory<byte[], byte[]> producerFactory(KafkaProperties kafkaProperties,
			ObjectProvider<KafkaConnectionDetails> connectionDetails, Environment environment,
			ObjectProvider<EventBusKafkaCustomizer> customizers,
			ObjectProvider<DefaultKafkaProducerFactoryCustomizer> producerFactoryCustomizers) {
		Map<String, Object> config = KafkaClientConfigs.producer(kafkaProperties, connectionDetails.getIfAvailable(),
				this.properties, ServiceNames.resolve(this.properties, environment));
		customizers.orderedStream().forEach((customizer) -> customizer.customizeProducer(config));
		// A template only: the producer and the dead-letter recoverers copy it (listeners included) and close their
		// copies.
		DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config,
				new ByteArraySerializer(), new ByteArraySerializer());
		producerFactoryCustomizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		return factory;
	}

}
