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
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a Confluent-compatible schema registry: its URL, credentials (basic authentication with an API key
 * and secret, or a bearer token), the TLS context of {@code https} URLs, timeouts and retries.
 * <pre class="code">
 * SchemaRegistrySettings settings = SchemaRegistrySettings.of("https://psrc-123.confluent.cloud")
 *         .withBasicAuth(apiKey, apiSecret);
 * </pre>
 * Credentials are refused with a plain {@code http} URL to a host other than this machine (they would cross the
 * network readable by anyone on the path) unless {@link #allowingCredentialsOverHttp() explicitly allowed}.
 * {@link #toString()} never shows a secret.
 *
 * @param url the base URL, for example {@code http://localhost:8081} (Python's
 * {@code EVENT_BUS_KAFKA_SCHEMA_REGISTRY_URL})
 * @param apiKey the basic-auth user, or {@code null} for none
 * @param apiSecret the basic-auth password, or {@code null} for none
 * @param bearerToken a token sent as {@code Authorization: Bearer <token>} instead of basic authentication, or
 * {@code null} for none
 * @param sslContext the TLS context of {@code https} URLs (trust store, optional client certificate), or
 * {@code null} for the JVM's default
 * @param allowCredentialsOverHttp whether credentials may be sent over plain {@code http} to a host other than this
 * machine
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer
 * @param maxAttempts how many times a request is sent in all when the connection fails or the registry answers 5xx
 * @param retryBackoff wait before the second attempt, doubled for each further one
 * @since 0.1.0
 */
public record SchemaRegistrySettings(String url, @Nullable String apiKey, @Nullable String apiSecret,
		@Nullable String bearerToken, @Nullable SSLContext sslContext, boolean allowCredentialsOverHttp,
		Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration retryBackoff) {

	/**
	 * Check and normalize the settings.
	 * @throws IllegalArgumentException when the URL is not an http or https URL, when both basic authentication and
	 * a bearer token are set, or when credentials would go over plain http to another host without being allowed
	 */
	public SchemaRegistrySettings {
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
		Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
		Objects.requireNonNull(retryBackoff, "retryBackoff must not be null");
		url = url.strip();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		String shown = SchemaRegistryClient.maskPassword(url);
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Schema registry URL '" + shown + "' is not a URL: " + ex.getMessage(),
					ex);
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException(
					"Schema registry URL '" + shown + "' must be an http or https URL such as http://localhost:8081");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
		boolean basic = hasText(apiKey) || hasText(apiSecret);
		if (basic && hasText(bearerToken)) {
			throw new IllegalArgumentException("Schema registry " + shown
					+ " is given both basic-auth credentials (API key and secret) and a bearer token: set one only");
		}
		if ((basic || hasText(bearerToken)) && "http".equals(uri.getScheme()) && !isLoopback(uri.getHost())
				&& !allowCredentialsOverHttp) {
			throw new IllegalArgumentException("Schema registry URL '" + shown + "' is plain http to " + uri.getHost()
					+ ", another machine: its credentials would cross the network unencrypted. Use an https URL, "
					+ "or allow credentials over http explicitly (only for a network you trust)");
		}
	}

	/**
	 * Settings with defaults: no authentication, the JVM's TLS defaults, 5 s to connect, 10 s per request, 3
	 * attempts from 200 ms apart.
	 * @param url the base URL
	 * @return the settings
	 */
	public static SchemaRegistrySettings of(String url) {
		return new SchemaRegistrySettings(url, null, null, null, null, false, Duration.ofSeconds(5),
				Duration.ofSeconds(10), 3, Duration.ofMillis(200));
	}

	/**
	 * These settings with basic authentication (Confluent Cloud's API key and secret).
	 * @param apiKey the user, or {@code null}
	 * @param apiSecret the password, or {@code null}
	 * @return new settings
	 */
	public SchemaRegistrySettings withBasicAuth(@Nullable String apiKey, @Nullable String apiSecret) {
		return new SchemaRegistrySettings(this.url, apiKey, apiSecret, this.bearerToken, this.sslContext,
				this.allowCredentialsOverHttp, this.connectTimeout, this.requestTimeout, this.maxAttempts,
				this.retryBackoff);
	}

	/**
	 * These settings with a bearer token instead of basic authentication.
	 * @param bearerToken the token, or {@code null} for none
	 * @return new settings
	 */
	public SchemaRegistrySettings withBearerToken(@Nullable String bearerToken) {
		return new SchemaRegistrySettings(this.url, this.apiKey, this.apiSecret, bearerToken, this.sslContext,
				this.allowCredentialsOverHttp, this.connectTimeout, this.requestTimeout, this.maxAttempts,
				this.retryBackoff);
	}

	/**
	 * These settings with the TLS context of {@code https} URLs, for example from a Spring Boot SSL bundle.
	 * @param sslContext the context, or {@code null} for the JVM's default
	 * @return new settings
	 */
	public SchemaRegistrySettings withSslContext(@Nullable SSLContext sslContext) {
		return new SchemaRegistrySettings(this.url, this.apiKey, this.apiSecret, this.bearerToken, sslContext,
				this.allowCredentialsOverHttp, this.connectTimeout, this.requestTimeout, this.maxAttempts,
				this.retryBackoff);
	}

	/**
	 * These settings allowing credentials over plain {@code http} to another machine: only for a network where no
	 * one can listen.
	 * @return new settings
	 */
	public SchemaRegistrySettings allowingCredentialsOverHttp() {
		return new SchemaRegistrySettings(this.url, this.apiKey, this.apiSecret, this.bearerToken, this.sslContext,
				true, this.connectTimeout, this.requestTimeout, this.maxAttempts, this.retryBackoff);
	}

	/**
	 * These settings with other timeouts.
	 * @param connectTimeout how long to wait for a connection
	 * @param requestTimeout how long to wait for an answer
	 * @return new settings
	 */
	public SchemaRegistrySettings withTimeouts(Duration connectTimeout, Duration requestTimeout) {
		return new SchemaRegistrySettings(this.url, this.apiKey, this.apiSecret, this.bearerToken, this.sslContext,
				this.allowCredentialsOverHttp, connectTimeout, requestTimeout, this.maxAttempts, this.retryBackoff);
	}

	/**
	 * These settings with other retries.
	 * @param maxAttempts how many times a request is sent in all
	 * @param retryBackoff wait before the second attempt, doubled for each further one
	 * @return new settings
	 */
	public SchemaRegistrySettings withRetries(int maxAttempts, Duration retryBackoff) {
		return new SchemaRegistrySettings(this.url, this.apiKey, this.apiSecret, this.bearerToken, this.sslContext,
				this.allowCredentialsOverHttp, this.connectTimeout, this.requestTimeout, maxAttempts, retryBackoff);
	}

	/**
	 * Whether requests carry credentials: basic authentication (a key or a secret set and not empty) or a bearer
	 * token.
	 * @return {@code true} with credentials
	 */
	public boolean hasCredentials() {
		return hasText(this.apiKey) || hasText(this.apiSecret) || hasText(this.bearerToken);
	}

	@Override
	public String toString() {
		// Never print a secret: the key is an identifier, the secret, the token and the URL's password are masked.
		return "SchemaRegistrySettings[url=" + SchemaRegistryClient.maskPassword(this.url) + ", apiKey=" + this.apiKey
				+ ", apiSecret=" + mask(this.apiSecret) + ", bearerToken=" + mask(this.bearerToken) + ", sslContext="
				+ ((this.sslContext != null) ? this.sslContext.getProtocol() : "default")
				+ ", allowCredentialsOverHttp=" + this.allowCredentialsOverHttp + ", connectTimeout="
				+ this.connectTimeout + ", requestTimeout=" + this.requestTimeout + ", maxAttempts=" + this.maxAttempts
				+ ", retryBackoff=" + this.retryBackoff + "]";
	}

	/**
	 * Whether a host name is this machine by name or address, without asking DNS: {@code localhost} (and its
	 * sub-domains), {@code 127.0.0.0/8} and {@code ::1}.
	 */
	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127(\\.\\d{1,3}){3}")
				|| name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
	}

	private static @Nullable String mask(@Nullable String secret) {
		return (secret != null) ? "******" : null;
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isEmpty();
	}

}
