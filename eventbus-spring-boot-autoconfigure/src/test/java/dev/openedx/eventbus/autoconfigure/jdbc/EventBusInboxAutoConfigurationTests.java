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

import javax.sql.DataSource;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.consumer.EventBusConsumerFactory;
import dev.openedx.eventbus.inbox.InboxCleaner;
import dev.openedx.eventbus.inbox.InboxDispatcher;
import dev.openedx.eventbus.inbox.JdbcInbox;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusInboxAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
				EventBusInboxAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class))
		.withBean(EventBusConsumerFactory.class, InMemoryConsumerFactory::new)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:inbox-autoconfig;DB_CLOSE_DELAY=-1",
				"spring.application.name=library", "eventbus.consumer.workers.books.topic=books",
				"eventbus.consumer.workers.members.topic=members");

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(InboxDispatcher.class)
			.doesNotHaveBean(JdbcInbox.class));
	}

	@Test
	void whenEnabledTheTableIsCreatedAndTheWorkersDispatchThroughTheInbox() {
		this.contextRunner
			.withPropertyValues("eventbus.consumer.inbox.enabled=true",
					"spring.datasource.url=jdbc:h2:mem:inbox-enabled;DB_CLOSE_DELAY=-1")
			.run((context) -> {
				assertThat(context).hasSingleBean(InboxDispatcher.class)
					.hasSingleBean(JdbcInbox.class)
					.hasSingleBean(InboxCleaner.class);
				assertThat(tables(context.getBean(DataSource.class))).isEqualTo(1);
			});
	}

	@Test
	void oneWorkerCanHaveItAlone() {
		this.contextRunner.withPropertyValues("eventbus.consumer.workers.books.inbox=true")
			.run((context) -> assertThat(context).hasSingleBean(InboxDispatcher.class));
	}

	@Test
	void enabledWithoutADataSourceFailsAtStartupNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusInboxAutoConfiguration.class))
			.withPropertyValues("eventbus.consumer.inbox.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("eventbus.consumer.inbox.enabled"));
	}

	private static Integer tables(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'eventbus_inbox'",
				Integer.class);
	}

}
