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

package dev.openedx.eventbus.autoconfigure.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import dev.openedx.eventbus.actuate.endpoint.EventBusEndpoint;
import dev.openedx.eventbus.autoconfigure.EventBusKafkaAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.EventBusRedisAutoConfiguration;
import dev.openedx.eventbus.autoconfigure.testing.FixedBrokerProbe;
import dev.openedx.eventbus.autoconfigure.testing.RecordingProducer;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents;
import dev.openedx.eventbus.autoconfigure.testing.TestEvents.BookData;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.testing.LogCapture;
import dev.openedx.eventbus.testsupport.TestCertificates;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code eventbus} endpoint over HTTP, as Spring Boot's access model exposes it: read-only unless
 * {@code management.endpoint.eventbus.access=unrestricted}; secured with Spring Security as
 * {@code docs/observability.md} shows ({@link EndpointSecurityConfiguration}); every write logged at WARN with who
 * (the authenticated principal), what and when; a route switched off drops its events loudly (a WARN each, a
 * counter) and shows OFF in health.
 */
class EventBusEndpointAccessTests {

	private static final String ROUTE = "{\"eventType\": \"" + TestEvents.BOOK_LOANED_TYPE
			+ "\", \"topic\": \"loans\", \"enabled\": false}";

	private static final String PASSWORD = TestCertificates.randomSecret();

	/** A user name that tries to forge a log line. */
	private static final String FORGER = "ops\r\nINFO forged line";

	private static ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	// One application for the tests that write, each starting with the route on: an application takes seconds.
	@BeforeAll
	static void start() {
		context = service("management.endpoint.eventbus.access=unrestricted");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@BeforeEach
	void switchTheRouteOn() {
		context.getBean(EventRoutes.class).setEnabled(TestEvents.BOOK_LOANED_TYPE, "loans", true);
	}

	@Test
	void readsButRefusesWritesByDefault() throws Exception {
		try (ConfigurableApplicationContext readOnly = service()) {
			assertThat(get(readOnly, "/actuator/eventbus").statusCode()).isEqualTo(200);
			assertThat(get(readOnly, "/actuator/eventbus").body()).contains("\"topic\":\"loans\"")
				.contains("\"enabled\":true");
			assertThat(post(readOnly, "/actuator/eventbus", ROUTE, "ops-alice").statusCode()).isEqualTo(405);
			assertThat(post(readOnly, "/actuator/eventbus/books", "{\"action\": \"stop\"}", "ops-alice").statusCode())
				.isIn(404, 405);
			assertThat(post(readOnly, "/actuator/eventbus/books/replay-dead-letters", "{\"dryRun\": true}",
					"ops-alice").statusCode()).isIn(404, 405);
			assertThat(get(readOnly, "/actuator/eventbus").body()).contains("\"enabled\":true");
		}
	}

	@Test
	void theDeadLetterReplayIsAWriteForOperatorsAnsweredWithTheReason() throws Exception {
		String path = "/actuator/eventbus/books/replay-dead-letters";
		HttpResponse<String> response = post(context, path, "{\"dryRun\": true}", "ops-alice");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("{\"error\":\"This service runs no workers\"}");
		assertThat(post(context, path, "{}", "viewer-bob").statusCode()).isEqualTo(403);
		assertThat(post(context, path, "{}", null).statusCode()).isEqualTo(401);
	}

	@Test
	void unrestrictedAccessAllowsWritesAndLogsWhoWhatAndWhen() throws Exception {
		try (LogCapture log = new LogCapture(EventBusEndpoint.class)) {
			HttpResponse<String> response = post(context, "/actuator/eventbus", ROUTE, "ops-alice");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"enabled\":false");
			assertThat(log.messages(Level.WARN)).singleElement()
				.satisfies((message) -> assertThat(message)
					.startsWith("eventbus endpoint: 'ops-alice' switched route " + TestEvents.BOOK_LOANED_TYPE
							+ " -> loans off (was on) at ")
					.matches(".* at \\d{4}-\\d\\d-\\d\\dT.*Z"));
			assertThat(post(context, "/actuator/eventbus", ROUTE.replace("false", "true"), null).statusCode())
				.isEqualTo(401);
			assertThat(post(context, "/actuator/eventbus", ROUTE.replace("false", "true"), "viewer-bob").statusCode())
				.isEqualTo(403);
			assertThat(log.messages(Level.WARN)).hasSize(1);
		}
	}

	@Test
	void aWriteWithoutAKnownCallerIsLoggedAsSuch() {
		try (LogCapture log = new LogCapture(EventBusEndpoint.class)) {
			EventBusEndpoint endpoint = new EventBusEndpoint("kafka", new EventRoutes(List.of(new EventRoute(
					TestEvents.BOOK_LOANED, "loans", "stage-loans", "book.isbn", true))), null, null, Map.of(),
					List.of(), Show.NEVER, Set.of());
			assertThat(endpoint.route(TestEvents.BOOK_LOANED_TYPE, "loans", false, SecurityContext.NONE).enabled())
				.isFalse();
			assertThat(log.messages(Level.WARN)).singleElement()
				.satisfies((message) -> assertThat(message).startsWith("eventbus endpoint: an unauthenticated caller "
						+ "switched route " + TestEvents.BOOK_LOANED_TYPE + " -> loans off (was on) at "));
		}
	}

	@Test
	void valuesFromTheRequestAreEscapedInTheAuditLine() throws Exception {
		try (LogCapture log = new LogCapture(EventBusEndpoint.class)) {
			assertThat(post(context, "/actuator/eventbus", ROUTE, FORGER).statusCode()).isEqualTo(200);
			assertThat(log.messages(Level.WARN)).singleElement()
				.satisfies((message) -> assertThat(message).contains("'ops\\r\\nINFO forged line'")
					.doesNotContain("\n")
					.doesNotContain("\r"));
		}
	}

	@Test
	void aRouteSwitchedOffDropsEachEventWithAWarningACountAndShowsOffInHealth() throws Exception {
		try (LogCapture log = new LogCapture(EventBusPublisher.class)) {
			assertThat(get(context, "/actuator/health/eventbus/routes").body())
				.contains("\"" + TestEvents.BOOK_LOANED_TYPE + " -> stage-loans\":\"ON\"");
			assertThat(post(context, "/actuator/eventbus", ROUTE, "ops-alice").statusCode()).isEqualTo(200);
			EventBusPublisher publisher = context.getBean(EventBusPublisher.class);
			for (String isbn : List.of("isbn-1", "isbn-2")) {
				assertThat(publisher.publish(TestEvents.BOOK_LOANED.event(new BookData(isbn, "A Title", 1))).get())
					.isEmpty();
			}
			assertThat(context.getBean(RecordingProducer.class).sends()).isEmpty();
			assertThat(log.messages(Level.WARN)).hasSize(2)
				.allSatisfy((message) -> assertThat(message).contains("was not sent to stage-loans")
					.contains("the route is switched off"));
			assertThat(context.getBean(MeterRegistry.class)
				.get("eventbus.producer.events")
				.tags("outcome", "dropped", "topic", "stage-loans")
				.counter()
				.count()).isEqualTo(2.0);
			assertThat(publisher.getDroppedCount()).isEqualTo(2);
			HttpResponse<String> health = get(context, "/actuator/health/eventbus/routes");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"")
				.contains("\"off\":1")
				.contains("\"" + TestEvents.BOOK_LOANED_TYPE + " -> stage-loans\":\"OFF\"");
		}
	}

	private static ConfigurableApplicationContext service(String... properties) {
		return new SpringApplicationBuilder(Service.class)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.application.name=library",
					"management.endpoints.web.exposure.include=eventbus,health",
					"management.endpoint.health.show-details=always", "eventbus.topic-prefix=stage",
					"eventbus.producer.events[" + TestEvents.BOOK_LOANED_TYPE + "].loans.event-key-field=book.isbn",
					"spring.autoconfigure.exclude=" + EventBusKafkaAutoConfiguration.class.getName() + ","
							+ EventBusRedisAutoConfiguration.class.getName())
			.properties(properties)
			.run();
	}

	private HttpResponse<String> get(ConfigurableApplicationContext context, String path)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(context, path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("viewer-bob:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext context, String path, String json, String user)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(context, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EndpointSecurityConfiguration.class)
	static class Service {

		@Bean
		EventType<BookData> bookLoaned() {
			return TestEvents.BOOK_LOANED;
		}

		@Bean
		RecordingProducer recordingProducer() {
			return new RecordingProducer();
		}

		@Bean
		FixedBrokerProbe brokerProbe() {
			return new FixedBrokerProbe();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops-alice").password("{noop}" + PASSWORD).roles("EVENTBUS_OPERATOR").build(),
					User.withUsername("viewer-bob").password("{noop}" + PASSWORD).roles("EVENTBUS_VIEWER").build(),
					User.withUsername(FORGER).password("{noop}" + PASSWORD).roles("EVENTBUS_OPERATOR").build());
		}

	}

}
