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

import java.time.Duration;

import dev.openedx.eventbus.kafka.SchemaRegistryClient;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import dev.openedx.eventbus.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@code eventbus.kafka.schema-registry.*} against a registry over HTTPS with credentials: an SSL bundle, basic
 * authentication or a bearer token, and start-up failures that name the property to change.
 */
class SchemaRegistrySettingsFactoryTests {

	private static final String SECRET = TestCertificates.randomSecret();

	private static final String TOKEN = TestCertificates.randomSecret();

	private static TestCertificates certificates;

	private static InMemorySchemaRegistry registry;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, KafkaAutoConfiguration.class,
				EventBusKafkaAutoConfiguration.class, EventBusAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=localhost:9",
				"spring.ssl.bundle.jks.registry.truststore.location=file:" + certificates.trustStore(),
				"spring.ssl.bundle.jks.registry.truststore.password=" + certificates.password(),
				"spring.ssl.bundle.jks.registry.truststore.type=" + TestCertificates.STORE_TYPE,
				"eventbus.kafka.schema-registry.url=" + registry.url());

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
	void sslBundleAndBasicAuthReachTheRegistry() {
		this.contextRunner
			.withPropertyValues("eventbus.kafka.schema-registry.ssl.bundle=registry",
					"eventbus.kafka.schema-registry.api-key=key", "eventbus.kafka.schema-registry.api-secret=" + SECRET)
			.run((context) -> assertThatNoException()
				.isThrownBy(() -> context.getBean(SchemaRegistryClient.class).ping(Duration.ofSeconds(5))));
	}

	@Test
	void sslBundleAndBearerTokenReachTheRegistry() {
		this.contextRunner
			.withPropertyValues("eventbus.kafka.schema-registry.ssl.bundle=registry",
					"eventbus.kafka.schema-registry.bearer-token=" + TOKEN)
			.run((context) -> assertThatNoException()
				.isThrownBy(() -> context.getBean(SchemaRegistryClient.class).ping(Duration.ofSeconds(5))));
	}

	@Test
	void withoutTheBundleTheRegistryIsNotTrusted() {
		this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.bearer-token=" + TOKEN)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(SchemaRegistryClient.class)
				.satisfies((client) -> assertThat(catchPing(client)).contains("could not be reached")
					.contains("PKIX")));
	}

	@Test
	void anUnknownBundleFailsAtStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("eventbus.kafka.schema-registry.ssl.bundle=missing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("eventbus.kafka.schema-registry.ssl.bundle")
				.hasMessageContaining("missing"));
	}

	@Test
	void credentialsOverPlainHttpToAnotherMachineFailAtStartUpNamingTheProperties() {
		this.contextRunner
			.withPropertyValues("eventbus.kafka.schema-registry.url=http://registry.internal:8081",
					"eventbus.kafka.schema-registry.api-key=key", "eventbus.kafka.schema-registry.api-secret=" + SECRET)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("eventbus.kafka.schema-registry.url")
				.hasMessageContaining("eventbus.kafka.schema-registry.allow-credentials-over-http")
				.hasMessageNotContaining(SECRET));
	}

	@Test
	void credentialsOverPlainHttpCanBeAllowedExplicitly() {
		this.contextRunner
			.withPropertyValues("eventbus.kafka.schema-registry.url=http://registry.internal:8081",
					"eventbus.kafka.schema-registry.api-key=key", "eventbus.kafka.schema-registry.api-secret=" + SECRET,
					"eventbus.kafka.schema-registry.allow-credentials-over-http=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(SchemaRegistryClient.class));
	}

	@Test
	void aPasswordInTheUrlIsMaskedInTheStartUpFailure() {
		this.contextRunner
			.withPropertyValues("eventbus.kafka.schema-registry.url=http://key:" + SECRET + "@registry.internal:8081",
					"eventbus.kafka.schema-registry.bearer-token=" + TOKEN)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("http://key:******@registry.internal:8081")
				.hasMessageNotContaining(SECRET)
				.hasMessageNotContaining(TOKEN));
	}

	private static String catchPing(SchemaRegistryClient client) {
		try {
			client.ping(Duration.ofSeconds(5));
			return "answered";
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
	}

}
