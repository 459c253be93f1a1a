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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.command.ConsumeEventsCommand;
import dev.openedx.eventbus.command.EventBusCommandLine;
import dev.openedx.eventbus.command.EventBusCommandRunner;
import dev.openedx.eventbus.command.ProduceEventCommand;
import dev.openedx.eventbus.command.ReplayDeadLettersCommand;
import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.worker.ConsumerAuditLogger;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.worker.EventBusWorkers;
import dev.openedx.eventbus.worker.ExitOnConsumerFailure;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.DispatchInterceptor;
import dev.openedx.eventbus.consumer.WorkerDispatcherDecorator;
import dev.openedx.eventbus.listener.ApplicationEventDispatcher;
import dev.openedx.eventbus.listener.OpenEdxEventListenerFactory;
import dev.openedx.eventbus.publish.AfterCommitSendScheduler;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventBusPublishingListener;
import dev.openedx.eventbus.publish.EventMetadataStamper;
import dev.openedx.eventbus.publish.EventOutbox;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerAuditLogger;
import dev.openedx.eventbus.publish.ProducerObserver;
import dev.openedx.eventbus.publish.SendMode;
import dev.openedx.eventbus.publish.SendScheduler;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.avro.EventJson;
import dev.openedx.eventbus.command.GenerateAvroSchemasCommand;
import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.consumer.ConsumerObserver;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.EventOrigin;
import dev.openedx.eventbus.event.EventType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.log.LogAccessor;

/**
 * Auto-configuration of the Open edX event bus, transport-neutral: the event catalog (the Open edX catalog plus every
 * {@link EventType} bean), the Avro codec and JSON form, this service's origin, metadata stamping and
 * {@code @OpenEdxEventListener} methods (always, so events work locally too), and, unless
 * {@code eventbus.enabled=false}, the routing table, the publisher bridging application events to the bus, and the
 * configured consumer workers. The transports ({@link EventBusKafkaAutoConfiguration},
 * {@link EventBusRedisAutoConfiguration}) contribute the producer and the consumer factory. An application started
 * with a command ({@code consume-events}, {@code produce-event}, {@code generate-avro-schemas}) as its first argument
 * gets the runner that runs it, unless {@code eventbus.commands.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusAutoConfiguration {

	private static final LogAccessor logger = new LogAccessor(EventBusAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static OpenEdxEventListenerFactory openEdxEventListenerFactory(ObjectProvider<EventCatalog> eventCatalog) {
		return new OpenEdxEventListenerFactory(eventCatalog);
	}

	@Bean
	@ConditionalOnMissingBean
	EventCatalog eventCatalog(ObjectProvider<EventType<?>> eventTypes) {
		List<EventType<?>> types = new ArrayList<>(OpenEdxCatalog.all());
		eventTypes.orderedStream().forEach(types::add);
		try {
			return EventCatalog.of(types);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The application's EventType beans clash with the Open edX catalog: "
					+ ex.getMessage(), ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	AvroEventCodec eventCodec() {
		return new AvroEventCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	EventJson eventJson(EventCatalog eventCatalog, AvroEventCodec eventCodec) {
		return new EventJson(eventCatalog, eventCodec);
	}

	@Bean
	@ConditionalOnMissingBean
	EventOrigin eventOrigin(EventBusProperties properties, Environment environment) {
		String serviceName = ServiceNames.resolve(properties, environment);
		return (serviceName != null) ? EventOrigin.forService(serviceName) : EventOrigin.local();
	}

	@Bean
	@ConditionalOnMissingBean
	EventMetadataStamper eventMetadataStamper(EventOrigin eventOrigin) {
		return new EventMetadataStamper(eventOrigin);
	}

	@Bean
	@ConditionalOnMissingBean(EventDispatcher.class)
	ApplicationEventDispatcher eventBusDispatcher(ApplicationEventPublisher applicationEventPublisher) {
		return new ApplicationEventDispatcher(applicationEventPublisher);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
	static class BusConfiguration {

		BusConfiguration(EventBusProperties properties, ApplicationContext context) {
			TransportLibraries.check(properties.getTransport(), context.getClassLoader());
		}

		@Bean
		@ConditionalOnMissingBean
		EventRoutes eventRoutes(EventBusProperties properties, EventCatalog eventCatalog, AvroEventCodec eventCodec,
				Environment environment) {
			SplitEventTypeKeys.checkRoutes(ConfigurationPropertySources.get(environment), eventCatalog);
			return EventRoutesFactory.create(properties, eventCatalog, eventCodec::keyField);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "eventbus.audit-logging.enabled", matchIfMissing = true)
		@ConditionalOnMissingBean
		ProducerAuditLogger producerAuditLogger() {
			return new ProducerAuditLogger();
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "eventbus.audit-logging.enabled", matchIfMissing = true)
		@ConditionalOnMissingBean
		ConsumerAuditLogger consumerAuditLogger(EventBusProperties properties) {
			EventBusProperties.Consumer consumer = properties.getConsumer();
			Map<String, Boolean> workers = new LinkedHashMap<>();
			consumer.getWorkers().forEach((name, worker) -> {
				if (worker.getAuditLog() != null) {
					// A worker with concurrency runs as <name>-1..N: each of them is logged as the worker says.
					for (String consumerName : ConsumerSettingsBinder.consumerNames(properties, name, worker)) {
						workers.put(consumerName, worker.getAuditLog());
					}
				}
			});
			return new ConsumerAuditLogger(consumer.isAuditLog(), workers);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = "eventbus.producer.enabled", matchIfMissing = true)
	@ConditionalOnBean(EventBusProducer.class)
	static class PublishingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EventBusPublisher eventBusPublisher(EventBusProperties properties, EventRoutes eventRoutes,
				EventBusProducer eventBusProducer, EventMetadataStamper eventMetadataStamper,
				ObjectProvider<ProducerObserver> producerObservers, ObjectProvider<SendScheduler> sendScheduler,
				ObjectProvider<EventOutbox> eventOutbox) {
			SendScheduler scheduler = sendScheduler.getIfAvailable(() -> {
				if (properties.getProducer().getSendMode() == SendMode.AFTER_COMMIT) {
					throw new InvalidConfigurationPropertyValueException("eventbus.producer.send-mode", "after-commit",
							"Sending after commit needs spring-tx on the class path (org.springframework:spring-tx).");
				}
				return SendScheduler.IMMEDIATE;
			});
			return new EventBusPublisher(eventRoutes, eventBusProducer, eventMetadataStamper,
					producerObservers.orderedStream().toList(), scheduler, eventOutbox.getIfUnique());
		}

		@Bean
		@ConditionalOnMissingBean
		EventBusPublishingListener eventBusPublishingListener(EventBusPublisher eventBusPublisher) {
			return new EventBusPublishingListener(eventBusPublisher);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.transaction.support.TransactionSynchronizationManager")
		static class TransactionalSendConfiguration {

			@Bean
			@ConditionalOnMissingBean
			SendScheduler eventBusSendScheduler(EventBusProperties properties) {
				return (properties.getProducer().getSendMode() == SendMode.AFTER_COMMIT)
						? new AfterCommitSendScheduler() : SendScheduler.IMMEDIATE;
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
	@ConditionalOnBean(EventBusConsumerFactory.class)
	static class ConsumingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EventBusWorkers eventBusWorkers(EventBusProperties properties, EventCatalog eventCatalog,
				Environment environment, EventBusConsumerFactory eventBusConsumerFactory,
				EventDispatcher eventBusDispatcher, ObjectProvider<ConsumerObserver> consumerObservers,
				ApplicationEventPublisher applicationEventPublisher,
				ObjectProvider<EventBusCommandLine> commandLine,
				ObjectProvider<WorkerDispatcherDecorator> dispatcherDecorators,
				ObjectProvider<DispatchInterceptor> dispatchInterceptors) {
			SplitEventTypeKeys.checkWorkers(ConfigurationPropertySources.get(environment), eventCatalog);
			List<ConsumerSettings> definitions = ConsumerSettingsBinder.workers(properties,
					eventBusConsumerFactory.transport(), eventCatalog,
					ServiceNames.resolve(properties, environment));
			boolean autoStartup = properties.getConsumer().isEnabled() && commandLine.getIfAvailable() == null;
			if (!properties.getConsumer().isEnabled() && !definitions.isEmpty()) {
				logger.warn(() -> "Event bus consumers are not enabled (eventbus.consumer.enabled=false): "
						+ definitions.size() + " configured worker(s) will not start");
			}
			return new EventBusWorkers(definitions, eventBusConsumerFactory, eventBusDispatcher,
					ConsumerObserver.composite(consumerObservers.orderedStream().toList()), applicationEventPublisher,
					autoStartup, properties.getConsumer().getShutdownTimeout(),
					dispatcherDecorators.orderedStream().toList(), dispatchInterceptors.orderedStream().toList());
		}

		@Bean
		@ConditionalOnBooleanProperty("eventbus.consumer.exit-on-failure")
		@ConditionalOnMissingBean
		ExitOnConsumerFailure exitOnConsumerFailure(ApplicationContext applicationContext) {
			return new ExitOnConsumerFailure(applicationContext);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "eventbus.commands.enabled", matchIfMissing = true)
	@ConditionalOnBean(EventBusCommandLine.class)
	static class CommandConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EventBusCommandRunner eventBusCommandRunner(EventBusCommandLine commandLine, EventBusProperties properties,
				EventCatalog eventCatalog, EventJson eventJson, AvroEventCodec eventCodec,
				EventDispatcher eventBusDispatcher, ObjectProvider<ConsumerObserver> consumerObservers,
				ObjectProvider<EventBusConsumerFactory> consumerFactory, ObjectProvider<EventBusPublisher> publisher,
				ObjectProvider<DeadLetterReplayer> deadLetterReplayer,
				ObjectProvider<DispatchInterceptor> dispatchInterceptors) {
			EventBusProperties.Consumer consumer = properties.getConsumer();
			EventBusConsumerFactory factory = consumerFactory.getIfAvailable();
			String transport = (factory != null) ? factory.transport() : properties.getTransport().id();
			ConsumeEventsCommand consumeEvents = new ConsumeEventsCommand(factory, eventBusDispatcher,
					ConsumerObserver.composite(consumerObservers.orderedStream().toList()),
					ConsumerSettingsBinder.template(properties, transport), properties.getTopicPrefix(), eventCatalog,
					eventJson, transport, consumer.isEnabled(), consumer.getShutdownTimeout(),
					dispatchInterceptors.orderedStream().toList());
			ProduceEventCommand produceEvent = new ProduceEventCommand(publisher.getIfAvailable(), eventCatalog,
					eventJson, eventCodec, properties.getTransport() == EventBusProperties.Transport.KAFKA);
			return new EventBusCommandRunner(commandLine, consumeEvents, produceEvent,
					new GenerateAvroSchemasCommand(),
					new ReplayDeadLettersCommand(deadLetterReplayer.getIfAvailable(), properties.getTopicPrefix()),
					eventCatalog, System.err);
		}

	}

}
