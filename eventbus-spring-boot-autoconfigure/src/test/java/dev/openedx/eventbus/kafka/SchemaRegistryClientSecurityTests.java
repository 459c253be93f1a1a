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

package dev.openedx.eventbus.kafka;

import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import dev.openedx.eventbus.testsupport.TestCertificates;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The registry client against a registry that wants TLS and credentials: it trusts what it is told to trust, sends
 * its credentials to the configured registry only, and never over plain http to another machine unless allowed.
 */
class SchemaRegistryClientSecurityTests {

	private static final Schema STRING = Schema.create(Schema.Type.STRING);

	private static final String SECRET = TestCertificates.randomSecret();

	private static final String TOKEN = TestCertificates.randomSecret();

	private static TestCertificates certificates;

	private static InMemorySchemaRegistry https;

	@BeforeAll
	static void start() {
		certificates = TestCertificates.generate();
		https = InMemorySchemaRegistry.builder()
			.tls(certificates.serverSslContext())
			.basicAuth("key", SECRET)
			.bearerToken(TOKEN)
			.start();
	}

	@AfterAll
	static void stop() {
		https.close();
		certificates.close();
	}

	@Test
	void registersAndFetchesOverHttpsWithBasicAuth() {
		SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistrySettings.of(https.url())
			.withBasicAuth("key", SECRET)
			.withSslContext(certificates.trustingSslContext()));
		int id = client.register("https-basic-string", STRING);
		assertThat(new SchemaRegistryClient(SchemaRegistrySettings.of(https.url())
			.withBasicAuth("key", SECRET)
			.withSslContext(certificates.trustingSslContext())).schemaById(id)).isEqualTo(STRING);
		assertThatNoException().isThrownBy(() -> client.ping(Duration.ofSeconds(5)));
	}

	@Test
	void sendsTheBearerToken() {
		SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistrySettings.of(https.url())
			.withBearerToken(TOKEN)
			.withSslContext(certificates.trustingSslContext()));
		assertThat(client.register("https-bearer-string", STRING)).isPositive();
	}

	@Test
	void wrongCredentialsAreRefusedWithTheStatus() {
		SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistrySettings.of(https.url())
			.withBearerToken("wrong-" + TOKEN)
			.withSslContext(certificates.trustingSslContext()));
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> client.ping(Duration.ofSeconds(5)))
			.withMessageContaining("refused the credentials")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(TOKEN));
	}

	@Test
	void aRegistryWhoseCertificateIsNotTrustedIsNotTalkedTo() {
		SchemaRegistryClient client = new SchemaRegistryClient(
				SchemaRegistrySettings.of(https.url()).withBasicAuth("key", SECRET).withRetries(1, Duration.ZERO));
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client.register("untrusted-string", STRING))
			.withCauseInstanceOf(SSLHandshakeException.class)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET));
	}

	@Test
	void credentialsOverPlainHttpToAnotherMachineAreRefusedUnlessAllowed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SchemaRegistrySettings.of("http://registry.internal:8081").withBasicAuth("key", SECRET))
			.withMessageContaining("plain http to registry.internal")
			.withMessageContaining("https")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SchemaRegistrySettings.of("http://10.0.0.7:8081").withBearerToken(TOKEN));
		assertThat(SchemaRegistrySettings.of("http://registry.internal:8081")
			.allowingCredentialsOverHttp()
			.withBasicAuth("key", SECRET)
			.hasCredentials()).isTrue();
		assertThat(SchemaRegistrySettings.of("https://registry.internal:8081").withBasicAuth("key", SECRET)
			.hasCredentials()).isTrue();
		assertThat(SchemaRegistrySettings.of("http://registry.internal:8081").hasCredentials()).isFalse();
	}

	@Test
	void credentialsOverPlainHttpToThisMachineAreAllowed() {
		for (String url : new String[] { "http://localhost:8081", "http://127.0.0.1:8081", "http://127.1.2.3:8081",
				"http://[::1]:8081", "http://registry.localhost:8081" }) {
			assertThat(SchemaRegistrySettings.of(url).withBasicAuth("key", SECRET).hasCredentials()).as(url).isTrue();
		}
	}

	@Test
	void basicAuthAndABearerTokenTogetherAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SchemaRegistrySettings.of(https.url()).withBasicAuth("key", SECRET).withBearerToken(TOKEN))
			.withMessageContaining("set one only");
	}

	@Test
	void credentialsNeverFollowARedirectToAnotherHost() {
		try (InMemorySchemaRegistry moved = new InMemorySchemaRegistry(0, "key", SECRET);
				InMemorySchemaRegistry target = new InMemorySchemaRegistry(0, "key", SECRET)) {
			// 127.0.0.1 redirects to localhost: another host name, as a hostile or misconfigured proxy could answer.
			moved.redirectTo("http://localhost:" + target.port());
			SchemaRegistryClient client = new SchemaRegistryClient(
					SchemaRegistrySettings.of(moved.url()).withBasicAuth("key", SECRET).withRetries(1, Duration.ZERO));
			assertThatExceptionOfType(SchemaRegistryException.class)
				.isThrownBy(() -> client.register("redirected-string", STRING))
				.withMessageContaining("redirected POST /subjects/redirected-string/versions to http://localhost:"
						+ target.port())
				.withMessageContaining("credentials are not sent there");
			assertThatExceptionOfType(SchemaRegistryException.class)
				.isThrownBy(() -> client.ping(Duration.ofSeconds(5)))
				.withMessageContaining("another origin");
			assertThat(target.requests()).isEmpty();
		}
	}

	@Test
	void aClientWithoutCredentialsFollowsRedirects() {
		try (InMemorySchemaRegistry moved = new InMemorySchemaRegistry();
				InMemorySchemaRegistry target = new InMemorySchemaRegistry()) {
			moved.redirectTo("http://localhost:" + target.port());
			SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistrySettings.of(moved.url()));
			assertThat(client.register("followed-string", STRING)).isEqualTo(1);
			assertThat(target.requests()).containsExactly("POST /subjects/followed-string/versions?normalize=false -> 200");
		}
	}

	@Test
	void settingsNeverShowTheirSecrets() {
		String shown = SchemaRegistrySettings.of("https://user:" + SECRET + "@registry.internal")
			.withBearerToken(TOKEN)
			.withSslContext(certificates.trustingSslContext())
			.toString();
		assertThat(shown).doesNotContain(SECRET).doesNotContain(TOKEN).contains("https://user:******@registry.internal");
	}

}
