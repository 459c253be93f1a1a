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

import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.avro.AvroEventCodec;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.kafka.IncompatibleSchemaException;
import dev.openedx.eventbus.kafka.KafkaEventBusProducer;
import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup wire self-check and registration of the configured routes' schemas, with a real (in-memory) registry.
 */
class EventBusSchemaStartupCheckTests {

	private static final String ROUTE = "eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE
			+ "].loans.event-key-field=book.isbn";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class,
				EventBusAutoConfiguration.class))
		.withBean("bookLoaned", EventType.class, () -> TestEvents.BOOK_LOANED)
		.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9", "eventbus.producer.max-block=3s", ROUTE);

	@Test
	void theSchemasOfEveryRouteAreRegisteredAtStartup() {
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.url=" + registry.url())
				.run((context) -> {
					assertThat(context).hasSingleBean(KafkaEventBusProducer.class);
					assertThat(registry.subjects()).containsExactlyInAnyOrder("loans-string",
							"loans-" + new AvroEventCodec().schema(TestEvents.BOOK_LOANED).getFullName());
				});
		}
	}

	@Test
	void anIncompatibleRegisteredSchemaFailsStartupWithTheDifferences() {
		try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
			Schema ours = new AvroEventCodec().schema(TestEvents.BOOK_LOANED);
			String subject = "loans-" + ours.getFullName();
			new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())).register(subject,
					new Schema.Parser().parse(ours.toString().replace("\"long\"", "\"string\"")));
			this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.url=" + registry.url())
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context).getFailure()
						.isInstanceOf(IncompatibleSchemaException.class)
						.hasMessageContaining(subject)
						.hasMessageContaining("book.copies");
					FailureAnalysis analysis = new IncompatibleSchemaFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis.getAction()).contains("eventbus.kafka.schema-registry.check-on-startup=false");
				});
			this.contextRunner
				.withPropertyValues("eventbus.kafka.schema-registry.url=" + registry.url(),
						"eventbus.kafka.schema-registry.check-on-startup=false")
				.run((context) -> assertThat(context).hasNotFailed());
		}
	}

	@Test
	void anUnreachableRegistryDoesNotFailStartup() {
		this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.url=http://127.0.0.1:9")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
