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

import dev.openedx.eventbus.autoconfigure.SchemaRegistryConnectionDetails;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.test.LibraryApplication.BookData;
import dev.openedx.eventbus.test.LibraryApplication.Listeners;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static dev.openedx.eventbus.test.LibraryApplication.BOOK_LOANED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @ServiceConnection} on Confluent's Kafka and schema registry containers: Spring Boot gives the broker, this
 * module's factory the registry. Needs Docker: without it (as on the machine this project is built on) JUnit skips the
 * class and says "Docker is not available".
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = LibraryApplication.class, properties = { "spring.application.name=library",
		"eventbus.producer.events.[org.acme.library.book.loaned.v1].library-loans.event-key-field=book.isbn",
		"eventbus.consumer.workers.loans.topic=library-loans", "eventbus.consumer.workers.loans.group-id=desk" })
class SchemaRegistryServiceConnectionTests {

	static final Network network = Network.newNetwork();

	@Container
	@ServiceConnection
	static final ConfluentKafkaContainer kafka = new ConfluentKafkaContainer("confluentinc/cp-kafka:7.9.0")
		.withNetwork(network)
		.withListener("kafka:19092");

	@Container
	@ServiceConnection
	static final GenericContainer<?> registry = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.0")
		.withNetwork(network)
		.withExposedPorts(8081)
		.withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
		.withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
		.dependsOn(kafka)
		.waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

	@Autowired
	SchemaRegistryConnectionDetails connectionDetails;

	@Autowired
	EventBusPublisher bus;

	@Autowired
	Listeners listeners;

	@Test
	void theEventBusUsesTheRegistryContainer() {
		assertThat(this.connectionDetails.getUrl())
			.isEqualTo("http://" + registry.getHost() + ":" + registry.getMappedPort(8081));
		this.bus.publish(BOOK_LOANED.event(new BookData("1", "Persuasion", 1))).join();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.listeners.loans).extracting(BookData::title).contains("Persuasion"));
	}

}
