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

package dev.openedx.eventbus.autoconfigure.observability;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.testsupport.EmbeddedKafkaBroker;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.details;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker and registry parts of the health contributor against a broker and a registry of its own, stopped under
 * a running application. The registry comes back on its port; the in-process KRaft broker cannot be restarted on the
 * same port (spring-kafka-test ignores fixed ports with KRaft), so recovery of the broker check is shown on Redis.
 */
class EventBusKafkaBrokerHealthIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void healthGoesDownWhenTheRegistryStopsUpWhenItIsBackAndDownWhenTheBrokerStops() throws Exception {
		int registryPort = freePort();
		EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(1);
		InMemorySchemaRegistry registry = new InMemorySchemaRegistry(registryPort, null, null);
		try {
			String topic = "obs-broker-" + UUID.randomUUID();
			ObservabilityContexts
				.withActuator(new ApplicationContextRunner().withConfiguration(
						AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class)))
				.withPropertyValues("spring.application.name=library",
						"spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
						"eventbus.kafka.schema-registry.url=" + registry.url(), "eventbus.monitoring.timeout=1s")
				.withPropertyValues(ObservabilityContexts.worker(topic, "library-" + UUID.randomUUID()))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));
					assertThat(details(context, "eventbus", "broker")).containsEntry("transport", "kafka")
						.hasEntrySatisfying("answer", (answer) -> assertThat(answer.toString()).contains("1 broker"));

					registry.close();
					await().atMost(TIMEOUT)
						.until(() -> health(context, "eventbus", "schemaRegistry").equals(Status.DOWN));
					assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
					assertThat(details(context, "eventbus", "schemaRegistry")).containsKey("error");
					try (InMemorySchemaRegistry again = new InMemorySchemaRegistry(registryPort, null, null)) {
						await().atMost(TIMEOUT).until(() -> health(context, "eventbus").equals(Status.UP));

						broker.close();
						await().atMost(TIMEOUT).until(() -> health(context, "eventbus", "broker").equals(Status.DOWN));
						assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
						assertThat(details(context, "eventbus", "broker")).containsKey("error");
						assertThat(health(context, "eventbus", "schemaRegistry")).isEqualTo(Status.UP);
					}
				});
		}
		finally {
			registry.close();
			broker.close();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
