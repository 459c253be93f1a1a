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

import dev.openedx.eventbus.event.SecretMasking;
import dev.openedx.eventbus.kafka.SchemaRegistrySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Turns the registry's connection details (URL and basic-auth credentials, by default from
 * {@code eventbus.kafka.schema-registry.*}) and the rest of {@code eventbus.kafka.schema-registry.*} (bearer token,
 * SSL bundle, timeouts) into the registry client's settings, failing at start-up with the property to change: no
 * URL, an unknown SSL bundle, both kinds of credentials, or credentials over plain http to another machine.
 */
final class SchemaRegistrySettingsFactory {

	private static final String PREFIX = "eventbus.kafka.schema-registry.";

	private SchemaRegistrySettingsFactory() {
	}

	static SchemaRegistrySettings create(SchemaRegistryConnectionDetails connectionDetails,
			EventBusProperties.SchemaRegistry registry, @Nullable SslBundles sslBundles) {
		String url = connectionDetails.getUrl();
		if (!StringUtils.hasText(url)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "url", null,
					"The Kafka transport needs a Confluent-compatible schema registry, for example "
							+ "http://localhost:8081 (EVENT_BUS_KAFKA_SCHEMA_REGISTRY_URL in Python).");
		}
		SchemaRegistrySettings settings;
		try {
			settings = SchemaRegistrySettings.of(url);
			if (registry.isAllowCredentialsOverHttp()) {
				settings = settings.allowingCredentialsOverHttp();
			}
			settings = settings.withBasicAuth(connectionDetails.getUsername(), connectionDetails.getPassword())
				.withBearerToken(registry.getBearerToken())
				.withTimeouts(registry.getConnectTimeout(), registry.getReadTimeout());
		}
		catch (IllegalArgumentException ex) {
			// The URL is shown masked: it may carry a password.
			throw new InvalidConfigurationPropertyValueException(PREFIX + "url", SecretMasking.maskUrls(url),
					ex.getMessage() + advice(connectionDetails, registry));
		}
		String bundle = registry.getSsl().getBundle();
		if (StringUtils.hasText(bundle)) {
			if (sslBundles == null) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "ssl.bundle", bundle,
						"No SSL bundles are configured (spring.ssl.bundle.*)");
			}
			try {
				settings = settings.withSslContext(sslBundles.getBundle(bundle).createSslContext());
			}
			catch (NoSuchSslBundleException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "ssl.bundle", bundle,
						"There is no SSL bundle of that name under spring.ssl.bundle.*");
			}
		}
		return settings;
	}

	private static String advice(SchemaRegistryConnectionDetails connectionDetails,
			EventBusProperties.SchemaRegistry registry) {
		boolean credentials = StringUtils.hasLength(connectionDetails.getUsername())
				|| StringUtils.hasLength(connectionDetails.getPassword())
				|| StringUtils.hasLength(registry.getBearerToken());
		return credentials ? " (credentials: " + PREFIX + "api-key and api-secret, or " + PREFIX + "bearer-token; "
				+ PREFIX + "allow-credentials-over-http=true lets them go over plain http)" : "";
	}

}
