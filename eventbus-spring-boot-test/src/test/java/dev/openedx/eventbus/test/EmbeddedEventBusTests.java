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

package dev.openedx.eventbus.test;

import java.time.Duration;

import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.test.LibraryApplication.BookData;
import dev.openedx.eventbus.test.LibraryApplication.Listeners;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static dev.openedx.eventbus.test.LibraryApplication.BOOK_LOANED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same application on a real in-process KRaft broker and schema registry: an event it sends goes over Kafka to
 * its own worker, with its schemas registered as a Python service would find them.
 */
@SpringBootTest(classes = LibraryApplication.class, properties = { "spring.application.name=library",
		"eventbus.producer.events.[org.acme.library.book.loaned.v1].library-loans.event-key-field=book.isbn",
		"eventbus.consumer.workers.loans.topic=library-loans", "eventbus.consumer.workers.loans.group-id=desk",
		"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN" })
@EmbeddedEventBus(topics = "library-loans")
class EmbeddedEventBusTests {

	@Autowired
	EventBusPublisher bus;

	@Autowired
	Listeners listeners;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	InMemorySchemaRegistry registry;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Value("${eventbus.kafka.schema-registry.url}")
	String registryUrl;

	@Test
	void theApplicationIsPointedAtTheBrokerAndTheRegistry() {
		assertThat(this.bootstrapServers).isEqualTo(this.broker.bootstrapServers());
		assertThat(this.registryUrl).isEqualTo(this.registry.url());
	}

	@Test
	void anEventSentGoesOverKafkaToTheWorker() {
		this.bus.publish(BOOK_LOANED.event(new BookData("978-3", "Middlemarch", 1))).join();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.listeners.loans).extracting(BookData::title).contains("Middlemarch"));
		assertThat(this.registry.subjects()).contains("library-loans-string",
				"library-loans-org.acme.library.book.loaned.v1.CloudEvent");
	}

}
