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

package dev.openedx.eventbus.devservices;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two services of one development machine against the real in-process broker and registry.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevServicesEnvironmentPostProcessorTests {

	@TempDir
	Path directory;

	@Test
	void theFirstServiceStartsBrokerAndRegistryTheSecondJoinsAndTheOwnerStopsThem() throws Exception {
		Path stateFile = this.directory.resolve("dev-services.properties");
		String servers;
		String registryUrl;
		try (ConfigurableApplicationContext owner = start(stateFile)) {
			servers = owner.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
			registryUrl = owner.getEnvironment().getProperty("eventbus.kafka.schema-registry.url");
			assertThat(servers).startsWith("localhost:");
			assertThat(registryUrl).startsWith("http://127.0.0.1:");
			assertThat(stateFile).exists().content().contains(servers.replace(":", "\\:"));
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
				assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
			}
			HttpResponse<String> subjects = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(registryUrl + "/subjects")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(subjects.statusCode()).isEqualTo(200);

			try (ConfigurableApplicationContext joiner = start(stateFile)) {
				assertThat(joiner.getEnvironment().getProperty("spring.kafka.bootstrap-servers")).isEqualTo(servers);
				assertThat(joiner.getEnvironment().getProperty("eventbus.kafka.schema-registry.url"))
					.isEqualTo(registryUrl);
			}
			assertThat(answers(servers)).as("a joining service leaves the broker running").isTrue();
		}
		assertThat(answers(servers)).as("the owner stops the broker").isFalse();
		assertThat(answers(URI.create(registryUrl).getAuthority())).as("the owner stops the registry").isFalse();
		assertThat(stateFile).doesNotExist();
	}

	@Test
	void theOwnerStopsBrokerAndRegistryOnlyAfterTheApplicationsOwnBeansStopped() {
		Path stateFile = this.directory.resolve("order.properties");
		List<Boolean> brokerUpWhenStopping = new ArrayList<>();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.profiles("dev")
			.properties("eventbus.dev-services.state-file=" + stateFile, "logging.level.org.apache.kafka=WARN",
					"logging.level.kafka=WARN", "logging.level.state.change.logger=WARN")
			.initializers((ApplicationContextInitializer<GenericApplicationContext>) (app) -> app.registerBean("worker",
					SmartLifecycle.class, () -> new WorkerNeedingTheBroker(app, brokerUpWhenStopping)))
			.run();
		String servers = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
		context.close();
		assertThat(brokerUpWhenStopping).as("broker up while a late-phase worker stops").containsExactly(true);
		assertThat(answers(servers)).isFalse();
	}

	@Test
	void theRoutedAndConsumedTopicsExistBeforeTheApplicationStartsAndOneInfoLineSaysWhereEverythingIs(
			CapturedOutput output) throws Exception {
		Path stateFile = this.directory.resolve("topics.properties");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.profiles("dev")
			.properties("eventbus.dev-services.state-file=" + stateFile, "eventbus.dev-services.partitions=2",
					"eventbus.topic-prefix=dev",
					"eventbus.producer.events[org.openedx.learning.course.enrollment.created.v1].enrollments"
							+ ".event-key-field=enrollment.course.course_key",
					"eventbus.consumer.workers.catalog.topic=catalog-info")
			.run()) {
			String servers = context.getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers");
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
				Map<String, TopicDescription> topics = admin
					.describeTopics(List.of("dev-enrollments", "dev-catalog-info", "dev-catalog-info-dlt"))
					.allTopicNames()
					.get(30, TimeUnit.SECONDS);
				assertThat(topics.values()).allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(2));
			}
			assertThat(output.getOut().lines().filter((line) -> line.contains("Event bus dev services")))
				.singleElement()
				.satisfies((line) -> assertThat(line).contains("INFO")
					.contains("started an in-process Kafka broker at " + servers)
					.contains("a schema registry at "
							+ context.getEnvironment().getProperty("eventbus.kafka.schema-registry.url"))
					.contains(stateFile.toString())
					.contains("created the topics dev-enrollments, dev-catalog-info, dev-catalog-info-dlt"));
		}
	}

	@Test
	void theBrokersLoggersAreQuietUnlessTheApplicationSaysOtherwise() {
		try (ConfigurableApplicationContext quiet = start(this.directory.resolve("quiet.properties"))) {
			assertThat(quiet.getEnvironment().getProperty("logging.level.kafka")).isEqualTo("WARN");
			assertThat(quiet.getEnvironment().getProperty("logging.level.org.apache.kafka")).isEqualTo("WARN");
		}
		try (ConfigurableApplicationContext chatty = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.profiles("dev")
			.properties("eventbus.dev-services.state-file=" + this.directory.resolve("chatty.properties"),
					"logging.level.kafka=INFO")
			.run()) {
			assertThat(chatty.getEnvironment().getProperty("logging.level.kafka")).isEqualTo("INFO");
			assertThat(chatty.getEnvironment().getProperty("logging.level.state.change.logger")).isEqualTo("WARN");
		}
	}

	@Test
	void aStaleStateFileIsReplacedByFreshServices() throws Exception {
		Path stateFile = this.directory.resolve("stale.properties");
		Files.writeString(stateFile, "bootstrap-servers=localhost\\:1\nschema-registry-url=http\\://127.0.0.1\\:1\n");
		try (ConfigurableApplicationContext context = start(stateFile)) {
			assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
				.isNotEqualTo("localhost:1");
			assertThat(answers(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))).isTrue();
		}
	}

	@Test
	void aConfiguredBrokerIsNeverReplaced() {
		Path stateFile = this.directory.resolve("unused.properties");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.profiles("dev")
			.properties("spring.kafka.bootstrap-servers=kafka.internal:9092",
					"eventbus.dev-services.state-file=" + stateFile)
			.run()) {
			assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
				.isEqualTo("kafka.internal:9092");
			assertThat(context.getEnvironment().getPropertySources()
				.contains(DevServicesEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
			assertThat(stateFile).doesNotExist();
		}
	}

	private static ConfigurableApplicationContext start(Path stateFile) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.profiles("dev")
			.properties("eventbus.dev-services.state-file=" + stateFile, "logging.level.org.apache.kafka=WARN",
					"logging.level.kafka=WARN", "logging.level.state.change.logger=WARN")
			.run();
	}

	private static boolean answers(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
					Integer.parseInt(hostAndPort.substring(colon + 1))), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	/** Like an event bus worker: stops in a late phase and commits to the broker while stopping. */
	static final class WorkerNeedingTheBroker implements SmartLifecycle {

		private final GenericApplicationContext context;

		private final List<Boolean> brokerUpWhenStopping;

		private volatile boolean running;

		WorkerNeedingTheBroker(GenericApplicationContext context, List<Boolean> brokerUpWhenStopping) {
			this.context = context;
			this.brokerUpWhenStopping = brokerUpWhenStopping;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.brokerUpWhenStopping.add(answers(this.context.getEnvironment()
				.getRequiredProperty("spring.kafka.bootstrap-servers")));
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return Integer.MAX_VALUE - 100;
		}

	}

}
