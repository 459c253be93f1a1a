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
import dev.openedx.eventbus.consumer.ConsumerState;
import dev.openedx.eventbus.consumer.EventBusConsumerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.details;
import static dev.openedx.eventbus.autoconfigure.observability.ObservabilityContexts.health;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kafka service whose broker is not where it looks: no {@code spring.kafka.bootstrap-servers} (Spring Boot's
 * {@code localhost:9092}) is said once at WARN and shown in health, and a worker whose broker does not answer is
 * DOWN, not a RUNNING worker that reads UP. No broker runs here: the addresses point at nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventBusKafkaUnreachableBrokerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ApplicationContextRunner contextRunner = ObservabilityContexts
		.withActuator(new ApplicationContextRunner().withConfiguration(
				AutoConfigurations.of(KafkaAutoConfiguration.class, EventBusKafkaAutoConfiguration.class)))
		.withPropertyValues("spring.application.name=library", "eventbus.kafka.schema-registry.url=http://localhost:1",
				"eventbus.monitoring.timeout=1s")
		.withPropertyValues(ObservabilityContexts.worker("books-" + UUID.randomUUID(), "library"));

	@Test
	void withoutBootstrapServersTheDefaultAddressIsSaidOnceAtWarnAndShownInHealth(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output.getOut().lines().filter((line) -> line.contains("WARN")
					&& line.contains("spring.kafka.bootstrap-servers is not set")
					&& line.contains("Spring Boot's default localhost:9092"))).hasSize(1);
			assertThat(details(context, "eventbus", "broker")).containsEntry("bootstrapServers", "localhost:9092")
				.containsEntry("bootstrapServersSource",
						"Spring Boot's default: spring.kafka.bootstrap-servers is not set");
		});
	}

	@Test
	void configuredBootstrapServersAreNotWarnedAboutAndHealthSaysWhereTheyCameFrom(CapturedOutput output)
			throws IOException {
		String servers = "localhost:" + closedPort();
		this.contextRunner.withPropertyValues("spring.kafka.bootstrap-servers=" + servers).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output.getOut()).doesNotContain("spring.kafka.bootstrap-servers is not set");
			assertThat(details(context, "eventbus", "broker")).containsEntry("bootstrapServers", servers)
				.containsEntry("bootstrapServersSource", "spring.kafka.bootstrap-servers");
		});
	}

	@Test
	void aRunningWorkerWhoseBrokerDoesNotAnswerIsDownNamingTheAddress() throws IOException {
		String servers = "localhost:" + closedPort();
		this.contextRunner.withPropertyValues("spring.kafka.bootstrap-servers=" + servers).run((context) -> {
			assertThat(context).hasNotFailed();
			await().atMost(TIMEOUT)
				.until(() -> health(context, "eventbus", "workers", "books").equals(Status.DOWN));
			assertThat(context.getBean(EventBusConsumerRegistry.class).getConsumer("books").orElseThrow().status()
				.state()).isEqualTo(ConsumerState.RUNNING);
			assertThat(details(context, "eventbus", "workers", "books")).containsEntry("condition", "unreachable")
				.hasEntrySatisfying("backlogError", (error) -> assertThat(error.toString())
					.contains("BrokerUnreachableException: No answer from the Kafka broker at " + servers));
			assertThat(health(context, "eventbus", "broker")).isEqualTo(Status.DOWN);
			assertThat(details(context, "eventbus", "broker")).hasEntrySatisfying("error",
					(error) -> assertThat(error.toString()).contains("No answer from the Kafka broker at " + servers)
						.doesNotContain("null"));
			assertThat(health(context, "eventbus")).isEqualTo(Status.DOWN);
		});
	}

	/** A local port nothing listens on (a client connecting to it is refused, as with no broker at all). */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
