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

package dev.openedx.eventbus.autoconfigure.jdbc;

import java.time.Clock;

import javax.sql.DataSource;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.outbox.JdbcOutbox;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.OutboxRelaySettings;
import dev.openedx.eventbus.outbox.TransactionalOutbox;
import dev.openedx.eventbus.publish.EventOutbox;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.publish.ProducerObserver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Auto-configuration of the transactional outbox ({@code eventbus.producer.outbox.enabled=true}): the
 * {@code eventbus_outbox} table on the application's DataSource (created at startup for an embedded database, or as
 * {@code eventbus.jdbc.initialize-schema} says), the {@link TransactionalOutbox} the publisher stores events in
 * inside transactions, and the {@link OutboxRelay} that sends them after commit. Fails at startup when the outbox
 * is enabled without a DataSource.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { EventBusAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
		EventBusRedisAutoConfiguration.class },
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, TransactionSynchronizationManager.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "eventbus.producer.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("eventbus.producer.outbox.enabled")
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusOutboxAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(DataSource.class)
	static class MissingDataSourceConfiguration {

		MissingDataSourceConfiguration() {
			throw new InvalidConfigurationPropertyValueException("eventbus.producer.outbox.enabled", true,
					"The transactional outbox stores events in a database table, but the application has no "
							+ "DataSource: configure spring.datasource.url (and a JDBC driver), or switch the "
							+ "outbox off.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnBean({ EventBusProducer.class, EventRoutes.class })
	static class OutboxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JdbcOutbox eventBusJdbcOutbox(DataSource dataSource) {
			return new JdbcOutbox(dataSource, Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		OutboxRelay eventBusOutboxRelay(JdbcOutbox eventBusJdbcOutbox, EventBusProducer eventBusProducer,
				EventCatalog eventCatalog, AvroEventCodec eventCodec, EventRoutes eventRoutes,
				ObjectProvider<ProducerObserver> producerObservers, EventBusProperties properties) {
			return new OutboxRelay(eventBusJdbcOutbox, eventBusProducer, eventCatalog, eventCodec, eventRoutes,
					producerObservers.orderedStream().toList(), settings(properties.getProducer().getOutbox()));
		}

		@Bean
		@ConditionalOnMissingBean(EventOutbox.class)
		TransactionalOutbox eventBusOutbox(JdbcOutbox eventBusJdbcOutbox, AvroEventCodec eventCodec,
				OutboxRelay eventBusOutboxRelay, EventBusProperties properties) {
			return new TransactionalOutbox(eventBusJdbcOutbox, eventCodec, eventBusOutboxRelay::wakeUp,
					properties.getProducer().getOutbox().isStoreOutsideTransactions());
		}

		private static OutboxRelaySettings settings(EventBusProperties.Outbox outbox) {
			if (outbox.getBatchSize() < 1) {
				throw new InvalidConfigurationPropertyValueException("eventbus.producer.outbox.batch-size",
						outbox.getBatchSize(), "A round of the relay sends at least one event.");
			}
			return new OutboxRelaySettings(outbox.getBatchSize(), outbox.getPollInterval(), outbox.getSendTimeout(),
					outbox.getRetryInterval(), outbox.getMaxRetryInterval(), outbox.getGiveUpAfter(),
					outbox.getRetention(), outbox.getStatisticsInterval(), outbox.getUnsentThreshold());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataSourceScriptDatabaseInitializer.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class OutboxSchemaConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "eventBusOutboxSchemaInitializer")
		EventBusSchemaInitializer eventBusOutboxSchemaInitializer(DataSource dataSource,
				EventBusProperties properties) {
			return new EventBusSchemaInitializer(dataSource, properties.getJdbc(), "outbox");
		}

	}

}
