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

package dev.openedx.eventbus.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The registry as a managed one: HTTPS, basic authentication, bearer tokens and redirects.
 */
class InMemorySchemaRegistrySecurityTests {

	private static final String SECRET = TestCertificates.randomSecret();

	private static final String TOKEN = TestCertificates.randomSecret();

	private static TestCertificates certificates;

	private static InMemorySchemaRegistry registry;

	@BeforeAll
	static void start() {
		certificates = TestCertificates.generate();
		registry = InMemorySchemaRegistry.builder()
			.tls(certificates.serverSslContext())
			.basicAuth("key", SECRET)
			.bearerToken(TOKEN)
			.start();
	}

	@AfterAll
	static void stop() {
		registry.close();
		certificates.close();
	}

	@Test
	void servesHttpsUnderTheNameInTheCertificate() throws Exception {
		assertThat(registry.url()).isEqualTo("https://localhost:" + registry.port());
		assertThat(get(trusting(), "Basic " + basic("key", SECRET)).statusCode()).isEqualTo(200);
	}

	@Test
	void acceptsTheBearerToken() throws Exception {
		assertThat(get(trusting(), "Bearer " + TOKEN).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesWrongOrMissingCredentials() throws Exception {
		assertThat(get(trusting(), "Basic " + basic("key", "wrong")).statusCode()).isEqualTo(401);
		assertThat(get(trusting(), "Bearer wrong").statusCode()).isEqualTo(401);
		assertThat(get(trusting(), null).statusCode()).isEqualTo(401);
	}

	@Test
	void aClientThatDoesNotTrustTheTestAuthorityCannotConnect() {
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> get(HttpClient.newHttpClient(), "Bearer " + TOKEN));
	}

	@Test
	void redirectsEveryRequestWhenToldTo() throws Exception {
		try (InMemorySchemaRegistry moving = new InMemorySchemaRegistry()) {
			moving.redirectTo("http://localhost:1");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(moving.url() + "/schemas/types?x=1")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(307);
			assertThat(response.headers().firstValue("Location")).hasValue("http://localhost:1/schemas/types?x=1");
			moving.redirectTo(null);
			assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(moving.url() + "/schemas/types")).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);
		}
	}

	private static HttpClient trusting() {
		return HttpClient.newBuilder().sslContext(certificates.trustingSslContext()).build();
	}

	private static HttpResponse<String> get(HttpClient client, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + "/schemas/types"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
