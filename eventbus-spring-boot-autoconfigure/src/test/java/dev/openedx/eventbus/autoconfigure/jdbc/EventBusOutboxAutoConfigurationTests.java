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

import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.event.EventBusProducer;
import dev.openedx.eventbus.event.SendReceipt;
import dev.openedx.eventbus.outbox.JdbcOutbox;
import dev.openedx.eventbus.outbox.OutboxRelay;
import dev.openedx.eventbus.outbox.TransactionalOutbox;
import dev.openedx.eventbus.publish.EventBusPublisher;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusOutboxAutoConfigurationTests {

	private static final String LOANED = "eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE + "]";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class))
		.withBean(EventBusProducer.class, RecordingProducer::new)
		.withBean("bookLoaned", dev.openedx.eventbus.event.EventType.class, () -> TestEvents.BOOK_LOANED)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:outbox-autoconfig;DB_CLOSE_DELAY=-1",
				LOANED + ".books.event-key-field=book.isbn");

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(JdbcOutbox.class)
			.doesNotHaveBean(OutboxRelay.class)
			.doesNotHaveBean(TransactionalOutbox.class));
	}

	@Test
	void whenEnabledThePublisherStoresInTransactionsIntoATableCreatedForTheEmbeddedDatabase() {
		this.contextRunner
			.withPropertyValues("eventbus.producer.outbox.enabled=true",
					"spring.datasource.url=jdbc:h2:mem:outbox-enabled;DB_CLOSE_DELAY=-1")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcOutbox.class)
					.hasSingleBean(OutboxRelay.class)
					.hasSingleBean(TransactionalOutbox.class);
				EventBusPublisher publisher = context.getBean(EventBusPublisher.class);
				List<SendReceipt> receipts = new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
					.execute((status) -> publisher.publish(TestEvents.BOOK_LOANED.event(
							new TestEvents.BookData("978-0", "Dune", 1))))
					.get(5, TimeUnit.SECONDS);
				assertThat(receipts).singleElement()
					.satisfies((receipt) -> assertThat(receipt.transport()).isEqualTo("outbox"));
				RecordingProducer producer = (RecordingProducer) context.getBean(EventBusProducer.class);
				context.getBean(OutboxRelay.class).relayOnce();
				assertThat(producer.sends()).singleElement()
					.satisfies((send) -> assertThat(send.topic()).isEqualTo("books"));
			});
	}

	@Test
	void schemaInitializationCanBeSwitchedOff() {
		this.contextRunner
			.withPropertyValues("eventbus.producer.outbox.enabled=true", "eventbus.jdbc.initialize-schema=never",
					"spring.datasource.url=jdbc:h2:mem:outbox-never;DB_CLOSE_DELAY=-1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Integer tables = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
						"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'eventbus_outbox'",
						Integer.class);
				assertThat(tables).isZero();
			});
	}

	@Test
	void anUnknownPlatformFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("eventbus.producer.outbox.enabled=true", "eventbus.jdbc.platform=oracle",
					"eventbus.jdbc.initialize-schema=always")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("eventbus.jdbc.platform")
				.hasMessageContaining("schema-outbox-oracle.sql"));
	}

	@Test
	void enabledWithoutADataSourceFailsAtStartupNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class,
					EventBusOutboxAutoConfiguration.class))
			.withBean(EventBusProducer.class, RecordingProducer::new)
			.withPropertyValues("eventbus.producer.outbox.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("eventbus.producer.outbox.enabled")
				.hasMessageContaining("spring.datasource.url"));
	}

	@Test
	void backsOffWithoutSpringJdbc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withPropertyValues("eventbus.producer.outbox.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(OutboxRelay.class));
	}

}
