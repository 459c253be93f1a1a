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

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a Confluent-compatible schema registry.
 * <pre class="code">
 * SchemaRegistrySettings settings = SchemaRegistrySettings.of("https://psrc-123.confluent.cloud")
 *         .withBasicAuth(apiKey, apiSecret);
 * </pre>
 *
 * @param url the base URL, for example {@code http://localhost:8081} (Python's
 * {@code EVENT_BUS_KAFKA_SCHEMA_REGISTRY_URL})
 * @param apiKey the basic-auth user, or {@code null} for none
 * @param apiSecret the basic-auth password, or {@code null} for none
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer
 * @param maxAttempts how many times a request is sent in all when the connection fails or the registry answers 5xx
 * @param retryBackoff wait before the second attempt, doubled for each further one
 * @since 0.1.0
 */
public record SchemaRegistrySettings(String url, @Nullable String apiKey, @Nullable String apiSecret,
		Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration retryBackoff) {

	public SchemaRegistrySettings {
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
		Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
		Objects.requireNonNull(retryBackoff, "retryBackoff must not be null");
		url = url.strip();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Schema registry URL '" + url + "' is not a URL: "
					+ ex.getMessage(), ex);
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException(
					"Schema registry URL '" + url + "' must be an http or https URL such as http://localhost:8081");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
	}

	/**
	 * Settings with defaults: no authentication, 5 s to connect, 10 s per request, 3 attempts from 200 ms apart.
	 * @param url the base URL
	 * @return the settings
	 */
	public static SchemaRegistrySettings of(String url) {
		return new SchemaRegistrySettings(url, null, null, Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
				Duration.ofMillis(200));
	}

	public SchemaRegistrySettings withBasicAuth(@Nullable String apiKey, @Nullable String apiSecret) {
		return new SchemaRegistrySettings(this.url, apiKey, apiSecret, this.connectTimeout, this.requestTimeout,
				this.maxAttempts, this.retryBackoff);
	}

	public SchemaRegistrySettings withTimeouts(Duration connectTimeout, Duration requestTimeout) {
		return new SchemaRegistrySettings(this.url, this.apiKey, this.apiSecret, connectTimeout, requestTimeout,
				this.maxAttempts, this.retryBackoff);
	}

	public SchemaRegistrySettings withRetries(int maxAttempts, Duration retryBackoff) {
		return new SchemaRegistrySettings(this.url, this.apiKey, this.apiSecret, this.connectTimeout,
				this.requestTimeout, maxAttempts, retryBackoff);
	}

	/**
	 * Whether requests carry basic-auth credentials: when a key or a secret is set and not empty.
	 * @return {@code true} with credentials
	 */
	public boolean hasCredentials() {
		return (this.apiKey != null && !this.apiKey.isEmpty()) || (this.apiSecret != null && !this.apiSecret.isEmpty());
	}

	@Override
	public String toString() {
		// Never print the secret.
		return "SchemaRegistrySettings[url=" + SchemaRegistryClient.maskPassword(this.url) + ", apiKey=" + this.apiKey
				+ ", apiSecret="
				+ (this.apiSecret != null ? "******" : null) + ", connectTimeout=" + this.connectTimeout
				+ ", requestTimeout=" + this.requestTimeout + ", maxAttempts=" + this.maxAttempts + ", retryBackoff="
				+ this.retryBackoff + "]";
	}

}
