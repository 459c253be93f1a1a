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
import java.security.Principal;
import java.util.List;

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
import dev.openedx.eventbus.testing.LogCapture;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code eventbus} endpoint over HTTP, as Spring Boot's access model exposes it: read-only unless
 * {@code management.endpoint.eventbus.access=unrestricted}; every write logged at WARN with who, what and when; a
 * route switched off drops its events loudly (a WARN each, a counter) and shows OFF in health.
 */
class EventBusEndpointAccessTests {

	private static final String ROUTE = "{\"eventType\": \"" + TestEvents.BOOK_LOANED_TYPE
			+ "\", \"topic\": \"loans\", \"enabled\": false}";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void readsButRefusesWritesByDefault() throws Exception {
		try (ConfigurableApplicationContext context = service()) {
			assertThat(get(context, "/actuator/eventbus").statusCode()).isEqualTo(200);
			assertThat(get(context, "/actuator/eventbus").body()).contains("\"topic\":\"loans\"")
				.contains("\"enabled\":true");
			assertThat(post(context, "/actuator/eventbus", ROUTE, "ops-alice").statusCode()).isEqualTo(405);
			assertThat(post(context, "/actuator/eventbus/books", "{\"action\": \"stop\"}", "ops-alice").statusCode())
				.isIn(404, 405);
			assertThat(get(context, "/actuator/eventbus").body()).contains("\"enabled\":true");
		}
	}

	@Test
	void unrestrictedAccessAllowsWritesAndLogsWhoWhatAndWhen() throws Exception {
		// The log is captured once the application has set up its logging system, which resets appenders.
		try (ConfigurableApplicationContext context = service("management.endpoint.eventbus.access=unrestricted");
				LogCapture log = new LogCapture(EventBusEndpoint.class)) {
			HttpResponse<String> response = post(context, "/actuator/eventbus", ROUTE, "ops-alice");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"enabled\":false");
			assertThat(log.messages(Level.WARN)).singleElement()
				.satisfies((message) -> assertThat(message)
					.startsWith("eventbus endpoint: 'ops-alice' switched route " + TestEvents.BOOK_LOANED_TYPE
							+ " -> loans off (was on) at ")
					.matches(".* at \\d{4}-\\d\\d-\\d\\dT.*Z"));
			assertThat(post(context, "/actuator/eventbus", ROUTE.replace("false", "true"), null).statusCode())
				.isEqualTo(200);
			assertThat(log.messages(Level.WARN)).last()
				.satisfies((message) -> assertThat(message).contains("an unauthenticated caller switched route"));
		}
	}

	@Test
	void valuesFromTheRequestAreEscapedInTheAuditLine() throws Exception {
		// The log is captured once the application has set up its logging system, which resets appenders.
		try (ConfigurableApplicationContext context = service("management.endpoint.eventbus.access=unrestricted");
				LogCapture log = new LogCapture(EventBusEndpoint.class)) {
			assertThat(post(context, "/actuator/eventbus", ROUTE, "ops\r\nINFO forged line").statusCode())
				.isEqualTo(200);
			assertThat(log.messages(Level.WARN)).singleElement()
				.satisfies((message) -> assertThat(message).contains("'ops\\r\\nINFO forged line'")
					.doesNotContain("\n")
					.doesNotContain("\r"));
		}
	}

	@Test
	void aRouteSwitchedOffDropsEachEventWithAWarningACountAndShowsOffInHealth() throws Exception {
		// The log is captured once the application has set up its logging system, which resets appenders.
		try (ConfigurableApplicationContext context = service("management.endpoint.eventbus.access=unrestricted");
				LogCapture log = new LogCapture(EventBusPublisher.class)) {
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
		return this.http.send(HttpRequest.newBuilder(uri(context, path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext context, String path, String json, String user)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(context, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (user != null) {
			request.header(Service.USER_HEADER, user.replace("\r\n", "%0D%0A"));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Service {

		/** Stands for an authentication filter (Spring Security's, a container's): the request's principal. */
		static final String USER_HEADER = "X-Test-User";

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
		Filter authentication() {
			return (request, response, chain) -> {
				String user = ((HttpServletRequest) request).getHeader(USER_HEADER);
				if (user == null) {
					chain.doFilter(request, response);
					return;
				}
				String name = java.net.URLDecoder.decode(user, java.nio.charset.StandardCharsets.UTF_8);
				Principal principal = () -> name;
				chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
					@Override
					public Principal getUserPrincipal() {
						return principal;
					}
				}, response);
			};
		}

	}

}
