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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.openedx.eventbus.autoconfigure.EventBusProperties;
import dev.openedx.eventbus.inbox.InboxCleaner;
import dev.openedx.eventbus.inbox.InboxDispatcher;
import dev.openedx.eventbus.inbox.InboxObserver;
import dev.openedx.eventbus.inbox.JdbcInbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Auto-configuration of the inbox ({@code eventbus.consumer.inbox.enabled=true}, or
 * {@code eventbus.consumer.workers.<name>.inbox=true} for some workers): the {@code eventbus_inbox} table on the
 * application's DataSource, the {@link InboxDispatcher} that runs each of those workers' dispatches in a transaction
 * of the application's transaction manager recording the event id, and the {@link InboxCleaner} of old rows. Fails at
 * startup when the inbox is on without a DataSource or a transaction manager.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, PlatformTransactionManager.class })
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
@Conditional(OnInboxEnabledCondition.class)
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusInboxAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(MissingInfrastructureCondition.class)
	static class MissingInfrastructureConfiguration {

		MissingInfrastructureConfiguration() {
			throw new InvalidConfigurationPropertyValueException("eventbus.consumer.inbox.enabled", true,
					"The inbox records received events in a database table in the listeners' transaction, but the "
							+ "application has no single DataSource and transaction manager: configure "
							+ "spring.datasource.url (and a JDBC driver), or switch the inbox off.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(InfrastructurePresentCondition.class)
	static class InboxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JdbcInbox eventBusJdbcInbox(DataSource dataSource) {
			return new JdbcInbox(dataSource, Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		InboxDispatcher eventBusInboxDispatcher(JdbcInbox eventBusJdbcInbox,
				PlatformTransactionManager transactionManager, ObjectProvider<InboxObserver> inboxObservers,
				EventBusProperties properties) {
			return new InboxDispatcher(eventBusJdbcInbox, transactionManager, workers(properties.getConsumer()),
					inboxObservers.orderedStream().toList());
		}

		@Bean
		@ConditionalOnMissingBean
		InboxCleaner eventBusInboxCleaner(JdbcInbox eventBusJdbcInbox, EventBusProperties properties) {
			EventBusProperties.Inbox inbox = properties.getConsumer().getInbox();
			return new InboxCleaner(eventBusJdbcInbox, inbox.getRetention(), inbox.getCleanupInterval());
		}

		/** The workers using the inbox: those that say so, or all but those that say not when it is on for all. */
		private static Set<String> workers(EventBusProperties.Consumer consumer) {
			Set<String> names = new LinkedHashSet<>();
			for (Map.Entry<String, EventBusProperties.Worker> worker : consumer.getWorkers().entrySet()) {
				Boolean own = worker.getValue().getInbox();
				if ((own != null) ? own : consumer.getInbox().isEnabled()) {
					names.add(worker.getKey());
				}
			}
			return names;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataSourceScriptDatabaseInitializer.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class InboxSchemaConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "eventBusInboxSchemaInitializer")
		EventBusSchemaInitializer eventBusInboxSchemaInitializer(DataSource dataSource,
				EventBusProperties properties) {
			return new EventBusSchemaInitializer(dataSource, properties.getJdbc(), "inbox");
		}

	}

	static final class InfrastructurePresentCondition extends AllNestedConditions {

		InfrastructurePresentCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnSingleCandidate(DataSource.class)
		static class DataSourcePresent {

		}

		@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
		static class TransactionManagerPresent {

		}

	}

	static final class MissingInfrastructureCondition extends NoneNestedConditions {

		MissingInfrastructureCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(InfrastructurePresentCondition.class)
		static class Present {

		}

	}

}
