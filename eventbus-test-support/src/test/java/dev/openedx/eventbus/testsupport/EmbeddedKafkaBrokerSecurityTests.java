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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The secured listeners of {@link EmbeddedKafkaBroker}: each lets in the right credentials only.
 */
class EmbeddedKafkaBrokerSecurityTests {

	private static final String SCRAM_PASSWORD = TestCertificates.randomSecret();

	private static final String PLAIN_PASSWORD = TestCertificates.randomSecret();

	private static TestCertificates certificates;

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void start() {
		certificates = TestCertificates.generate();
		broker = EmbeddedKafkaBroker.builder()
			.tls(certificates)
			.scramUser("scram-user", SCRAM_PASSWORD)
			.plainUser("plain-user", PLAIN_PASSWORD)
			.start();
	}

	@AfterAll
	static void stop() {
		broker.close();
		certificates.close();
	}

	@Test
	void scramUserLogsInOverSaslSsl() throws Exception {
		Map<String, Object> config = sasl(SecurityProtocol.SASL_SSL, "SCRAM-SHA-512",
				scramJaas("scram-user", SCRAM_PASSWORD));
		trust(config);
		assertThat(clusterId(config)).isNotBlank();
	}

	@Test
	void plainUserLogsInOverSaslPlaintext() throws Exception {
		assertThat(clusterId(sasl(SecurityProtocol.SASL_PLAINTEXT, "PLAIN", plainJaas("plain-user", PLAIN_PASSWORD))))
			.isNotBlank();
	}

	@Test
	void clientCertificateLogsInOverMutualTls() throws Exception {
		Map<String, Object> config = client(SecurityProtocol.SSL);
		trust(config);
		config.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, certificates.clientKeyStore().toString());
		config.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, TestCertificates.STORE_TYPE);
		config.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, certificates.password());
		config.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, certificates.password());
		assertThat(clusterId(config)).isNotBlank();
	}

	@Test
	void wrongScramPasswordIsRefused() {
		Map<String, Object> config = sasl(SecurityProtocol.SASL_SSL, "SCRAM-SHA-512",
				scramJaas("scram-user", "not-" + SCRAM_PASSWORD));
		trust(config);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> clusterId(config))
			.withCauseInstanceOf(SaslAuthenticationException.class);
	}

	@Test
	void mutualTlsListenerRefusesAClientWithoutCertificate() {
		Map<String, Object> config = client(SecurityProtocol.SSL);
		trust(config);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> clusterId(config))
			.withCauseInstanceOf(SslAuthenticationException.class);
	}

	@Test
	void scramClientConfigLogsInOnSaslPlaintext() throws Exception {
		Map<String, Object> config = new LinkedHashMap<>(
				EmbeddedKafkaBroker.scramClientConfig("scram-user", SCRAM_PASSWORD));
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
				broker.bootstrapServers(SecurityProtocol.SASL_PLAINTEXT));
		assertThat(clusterId(config)).isNotBlank();
	}

	@Test
	void quotesInPasswordsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedKafkaBroker.builder().plainUser("u", "a\"b"))
			.withMessageContaining("double quote");
	}

	private static Map<String, Object> sasl(SecurityProtocol protocol, String mechanism, String jaas) {
		Map<String, Object> config = client(protocol);
		config.put(SaslConfigs.SASL_MECHANISM, mechanism);
		config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
		return config;
	}

	private static Map<String, Object> client(SecurityProtocol protocol) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(protocol));
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name);
		config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		return config;
	}

	private static void trust(Map<String, Object> config) {
		config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certificates.trustStore().toString());
		config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TestCertificates.STORE_TYPE);
		config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, certificates.password());
	}

	private static String scramJaas(String user, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
				+ "\" password=\"" + password + "\";";
	}

	private static String plainJaas(String user, String password) {
		return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
				+ "\" password=\"" + password + "\";";
	}

	private static String clusterId(Map<String, Object> config) throws Exception {
		try (Admin admin = Admin.create(config)) {
			return admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
		}
	}

}
