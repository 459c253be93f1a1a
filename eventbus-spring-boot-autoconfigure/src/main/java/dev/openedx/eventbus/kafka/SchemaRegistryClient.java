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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.event.LogText;
import dev.openedx.eventbus.event.SecretMasking;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * A small client of the Confluent Schema Registry REST API: registers the key and value schemas a producer writes
 * with and fetches the writer schemas a consumer reads with, caching both for the life of the process (as the
 * Python serializers do: each schema is registered once per subject and process, each id fetched once).
 * <p>
 * Hand-written on {@code java.net.http} because Confluent's Java client and serializers are not published on Maven
 * Central, and only three calls are needed. Connection failures, timeouts and 5xx, 408 and 429 answers are retried a
 * bounded number of times with exponential backoff; any other answer fails at once. Every error names the registry
 * URL and the subject or id.
 * <p>
 * Credentials (basic authentication or a bearer token) go to the configured registry only: a redirect is followed
 * to the same scheme, host and port, never to another origin while credentials are set (the request fails, saying
 * where it was sent), as no client should hand a registry's secret to whatever address an answer names.
 * <pre class="code">
 * SchemaRegistryClient registry = new SchemaRegistryClient(SchemaRegistrySettings.of("http://localhost:8081"));
 * int id = registry.register("enrollments-org.openedx.learning.course.enrollment.created.v1.CloudEvent", schema);
 * Schema writer = registry.schemaById(id);
 * </pre>
 *
 * @since 0.1.0
 */
public final class SchemaRegistryClient implements WriterSchemas {

	private static final LogAccessor logger = new LogAccessor(SchemaRegistryClient.class);

	private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final ObjectMapper json = new ObjectMapper();

	/** Redirects followed for one request at most. */
	private static final int MAX_REDIRECTS = 5;

	private final SchemaRegistrySettings settings;

	private final HttpClient http;

	private final @Nullable String authorization;

	/** The URL for messages and logs, with any password in it masked. */
	private final String shownUrl;

	private final Map<SubjectSchema, Integer> registered = new ConcurrentHashMap<>();

	private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

	private final Object registrationLock = new Object();

	public SchemaRegistryClient(SchemaRegistrySettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		HttpClient.Builder http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			// Followed here, not by the JDK, which would carry the credentials to any host a redirect names.
			.followRedirects(HttpClient.Redirect.NEVER);
		if (settings.sslContext() != null) {
			http.sslContext(settings.sslContext());
		}
		this.http = http.build();
		this.shownUrl = maskPassword(settings.url());
		this.authorization = authorization(settings);
	}

	private static @Nullable String authorization(SchemaRegistrySettings settings) {
		String token = settings.bearerToken();
		if (token != null && !token.isEmpty()) {
			return "Bearer " + token;
		}
		return settings.hasCredentials() ? "Basic " + Base64.getEncoder()
			.encodeToString((nullToEmpty(settings.apiKey()) + ":" + nullToEmpty(settings.apiSecret()))
				.getBytes(StandardCharsets.UTF_8)) : null;
	}

	/**
	 * The registry base URL.
	 * @return the URL, without a trailing slash
	 */
	public String url() {
		return this.settings.url();
	}

	/**
	 * Register a schema under a subject, or find its id if it is registered already (the registry answers with the
	 * existing id, as the Python producer relies on). Cached: the registry is asked once per subject and schema.
	 * @param subject the subject, for example {@code <topic>-string} or {@code <topic>-<event type>.CloudEvent}
	 * @param schema the schema
	 * @return the global schema id
	 * @throws SchemaRegistryException when the registry refuses the schema or cannot be reached
	 */
	public int register(String subject, Schema schema) {
		SubjectSchema key = new SubjectSchema(subject, schema);
		Integer id = this.registered.get(key);
		if (id != null) {
			return id;
		}
		// Rare (once per subject and schema) and blocking; one at a time keeps "once per process" exact.
		synchronized (this.registrationLock) {
			id = this.registered.get(key);
			if (id == null) {
				id = requestRegistration(subject, schema);
				this.registered.put(key, id);
				this.schemasById.putIfAbsent(id, schema);
			}
			return id;
		}
	}

	/**
	 * The schema registered under an id; cached.
	 * @param id the id read from a message frame
	 * @return the schema, never {@code null}
	 * @throws UnusableSchemaException when the registry answers with a schema that is not Avro, has references or
	 * does not parse, or without a schema
	 * @throws SchemaRegistryException when the id is unknown ({@link SchemaRegistryException#errorCode()} 40403) or
	 * the registry cannot be reached
	 */
	@Override
	public Schema schemaById(int id) {
		Schema schema = this.schemasById.get(id);
		if (schema != null) {
			return schema;
		}
		String idText = Integer.toUnsignedString(id);
		JsonNode answer = send("fetching schema id " + idText,
				HttpRequest.newBuilder(URI.create(url() + "/schemas/ids/" + idText)).GET());
		schema = writerSchema(idText, answer);
		Schema previous = this.schemasById.putIfAbsent(id, schema);
		return (previous != null) ? previous : schema;
	}

	/**
	 * The Avro schema of a {@code GET /schemas/ids/<id>} answer. Confluent leaves {@code schemaType} out for Avro.
	 */
	private Schema writerSchema(String idText, JsonNode answer) {
		String unusable = "Schema registry " + this.shownUrl + " answered for schema id " + idText;
		JsonNode type = answer.get("schemaType");
		if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
			throw new UnusableSchemaException(unusable + " with a " + LogText.escape(type.asText())
					+ " schema; this consumer reads Avro only (the producer of this value registered another format)");
		}
		JsonNode references = answer.get("references");
		if (references != null && references.isArray() && !references.isEmpty()) {
			throw new UnusableSchemaException(unusable + " with an Avro schema that references other subjects ("
					+ LogText.escape(references.toString()) + "); this consumer does not resolve schema references");
		}
		JsonNode text = answer.get("schema");
		if (text == null || !text.isTextual()) {
			throw new UnusableSchemaException(unusable + " without a schema: " + LogText.escape(answer.toString()));
		}
		try {
			return parse(text.asText());
		}
		catch (AvroRuntimeException ex) {
			// SchemaParseException, and the few other failures of the parser on odd but valid JSON.
			throw new UnusableSchemaException(unusable + " with an invalid Avro schema: "
					+ LogText.escape(ex.getMessage()), ex);
		}
	}

	/**
	 * The latest schema registered under a subject (what the registry checks a new schema against).
	 * @param subject the subject
	 * @return the latest version, or {@code null} when the subject has none
	 * @throws SchemaRegistryException when the registry cannot be reached or answers another error
	 */
	public @Nullable RegisteredSchema latestSchema(String subject) {
		JsonNode answer;
		try {
			answer = send("reading the latest schema of subject '" + subject + "'", HttpRequest
				.newBuilder(URI.create(url() + "/subjects/" + encode(subject) + "/versions/latest")).GET());
		}
		catch (SchemaRegistryException ex) {
			if (ex.status() == 404) {
				return null;
			}
			throw ex;
		}
		JsonNode text = answer.get("schema");
		if (text == null || !text.isTextual()) {
			throw new SchemaRegistryException("Schema registry " + this.shownUrl + " answered without a schema for "
					+ "the latest version of subject '" + subject + "': " + LogText.escape(answer.toString()), 200, 0);
		}
		try {
			return new RegisteredSchema(subject, answer.path("id").asInt(), answer.path("version").asInt(),
					parse(text.asText()));
		}
		catch (SchemaParseException ex) {
			throw new SchemaRegistryException("Schema registry " + this.shownUrl + " returned an invalid Avro schema "
					+ "as the latest of subject '" + subject + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * The compatibility level the registry applies to a subject: its own, else the registry's global one, else
	 * Confluent's default {@code BACKWARD} when the registry does not say.
	 * @param subject the subject
	 * @return for example {@code BACKWARD}, {@code FORWARD_TRANSITIVE} or {@code NONE}
	 */
	public String compatibilityLevel(String subject) {
		for (String path : new String[] { "/config/" + encode(subject) + "?defaultToGlobal=true", "/config" }) {
			try {
				JsonNode answer = send("reading the compatibility level of subject '" + subject + "'",
						HttpRequest.newBuilder(URI.create(url() + path)).GET());
				JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel")
						: answer.get("compatibility");
				if (level != null && level.isTextual()) {
					return level.asText();
				}
			}
			catch (SchemaRegistryException ex) {
				if (ex.status() != 404) {
					throw ex;
				}
			}
		}
		return "BACKWARD";
	}

	/**
	 * Check that the registry answers, for health checks: one {@code GET /schemas/types}, no retry.
	 * @param timeout how long to wait for the answer
	 * @throws SchemaRegistryException when the registry cannot be reached, refuses the credentials or answers with an
	 * error
	 */
	public void ping(Duration timeout) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url() + "/schemas/types"))
			.GET()
			.timeout(timeout)
			.header("Accept", CONTENT_TYPE + ", application/json");
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		HttpResponse<String> response;
		try {
			response = exchange(builder.build(), (request) -> {
				try {
					return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
						.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (ExecutionException ex) {
					throw (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause());
				}
				catch (TimeoutException ex) {
					throw new HttpTimeoutException("no answer within " + timeout);
				}
			});
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaRegistryException("Interrupted while checking schema registry " + this.shownUrl, ex);
		}
		catch (IOException ex) {
			throw new SchemaRegistryException("Schema registry " + this.shownUrl
					+ " could not be reached within " + timeout
					+ ": " + ex, ex);
		}
		int status = response.statusCode();
		if (status / 100 != 2) {
			String reason = (status == 401 || status == 403) ? "refused the credentials" : "answered an error";
			throw new SchemaRegistryException("Schema registry " + this.shownUrl + " " + reason + " (HTTP "
					+ status + ")",
					status, 0);
		}
	}

	/**
	 * Parse a schema as the registry stores it. Name validation is off: one Open edX namespace
	 * ({@code org.openedx.enterprise.subsidy.redemption-reversed.v1}) is not a valid Avro name, yet it is on the wire.
	 * @param text the schema JSON
	 * @return the schema
	 */
	static Schema parse(String text) {
		return new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(text);
	}

	private int requestRegistration(String subject, Schema schema) {
		String body = json.createObjectNode().put("schema", schema.toString()).toString();
		// normalize=false, as the Python producer: the registry compares canonical forms anyway.
		URI uri = URI.create(url() + "/subjects/" + encode(subject) + "/versions?normalize=false");
		JsonNode answer = send("registering a schema under subject '" + subject + "'",
				HttpRequest.newBuilder(uri)
					.header("Content-Type", CONTENT_TYPE)
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
		JsonNode id = answer.get("id");
		if (id == null || !id.canConvertToInt()) {
			throw new SchemaRegistryException("Schema registry " + this.shownUrl
					+ " answered without an id when registering "
					+ "under subject '" + subject + "': " + LogText.escape(answer.toString()), 200, 0);
		}
		logger.info(() -> "Registered schema " + schema.getFullName() + " under subject '" + subject + "' with id "
				+ id.asInt() + " at " + this.shownUrl);
		return id.asInt();
	}

	private JsonNode send(String action, HttpRequest.Builder builder) {
		builder.timeout(this.settings.requestTimeout()).header("Accept", CONTENT_TYPE + ", application/json");
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		HttpRequest request = builder.build();
		long backoff = this.settings.retryBackoff().toMillis();
		for (int attempt = 1;; attempt++) {
			String failure;
			Exception cause = null;
			try {
				HttpResponse<String> response = exchange(request, (current) -> this.http.send(current,
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
				int status = response.statusCode();
				if (status / 100 == 2) {
					return readJson(action, response.body());
				}
				JsonNode error = readJsonQuietly(response.body());
				int code = (error != null && error.path("error_code").canConvertToInt())
						? error.path("error_code").asInt() : 0;
				// The answer's text goes into messages and logs: escaped, and cut when long (an HTML error page).
				String message = LogText.escape((error != null && error.path("message").isTextual())
						? error.path("message").asText() : response.body());
				failure = "HTTP " + status + ((code != 0) ? ", error code " + code : "") + ": " + message;
				if (!retryable(status) || attempt >= this.settings.maxAttempts()) {
					throw new SchemaRegistryException("Schema registry " + this.shownUrl + " failed " + action + " ("
							+ describeAttempts(attempt) + "): " + failure, status, code);
				}
			}
			catch (IOException ex) {
				failure = ex.toString();
				cause = ex;
				if (attempt >= this.settings.maxAttempts()) {
					throw new SchemaRegistryException("Schema registry " + this.shownUrl
							+ " could not be reached while "
							+ action + " (" + describeAttempts(attempt) + "): " + ex, ex);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SchemaRegistryException("Interrupted while " + action + " at schema registry "
						+ this.shownUrl, ex);
			}
			long wait = backoff;
			String reason = failure;
			int failed = attempt;
			logger.warn(cause, () -> "Schema registry " + this.shownUrl + " failed " + action + " (attempt "
					+ failed + " of "
					+ this.settings.maxAttempts() + "): " + reason + "; retrying in " + wait + " ms");
			sleep(wait, action);
			backoff = Math.min(backoff * 2, 30_000);
		}
	}

	/**
	 * Send a request, following redirects ({@code 307} and {@code 308}, and {@code 301} to {@code 303} for a
	 * {@code GET}) to the same origin, and to another origin only when the request carries no credentials.
	 */
	private HttpResponse<String> exchange(HttpRequest request, Exchange exchange)
			throws IOException, InterruptedException {
		HttpRequest current = request;
		for (int redirects = 0;; redirects++) {
			HttpResponse<String> response = exchange.send(current);
			int status = response.statusCode();
			Optional<String> location = response.headers().firstValue("Location");
			boolean redirect = status == 307 || status == 308
					|| ((status == 301 || status == 302 || status == 303) && "GET".equals(current.method()));
			if (!redirect || location.isEmpty() || redirects >= MAX_REDIRECTS) {
				return response;
			}
			URI target;
			try {
				target = current.uri().resolve(location.get());
			}
			catch (IllegalArgumentException ex) {
				return response;
			}
			if (this.authorization != null && !sameOrigin(current.uri(), target)) {
				throw new SchemaRegistryException("Schema registry " + this.shownUrl + " redirected "
						+ current.method() + " " + current.uri().getRawPath() + " to " + origin(target)
						+ ", another origin; the registry's credentials are not sent there and the redirect is not "
						+ "followed: configure the registry's own URL", status, 0);
			}
			logger.debug(() -> "Schema registry " + this.shownUrl + " redirected to "
					+ maskPassword(target.toString()));
			current = HttpRequest.newBuilder(current, (name, value) -> true).uri(target).build();
		}
	}

	/** 5xx, 408 Request Timeout and 429 Too Many Requests may succeed when asked again. */
	private static boolean retryable(int status) {
		return status >= 500 || status == 408 || status == 429;
	}

	private static boolean sameOrigin(URI left, URI right) {
		return Objects.equals(left.getScheme(), right.getScheme())
				&& left.getHost() != null && left.getHost().equalsIgnoreCase(right.getHost())
				&& port(left) == port(right);
	}

	private static int port(URI uri) {
		return (uri.getPort() >= 0) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
	}

	private JsonNode readJson(String action, String body) {
		try {
			return json.readTree(body);
		}
		catch (IOException ex) {
			throw new SchemaRegistryException(
					"Schema registry " + this.shownUrl + " answered with invalid JSON while " + action + ": "
							+ LogText.escape(body), ex);
		}
	}

	private static @Nullable JsonNode readJsonQuietly(String body) {
		try {
			return json.readTree(body);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private void sleep(long millis, String action) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaRegistryException("Interrupted while " + action + " at schema registry "
					+ this.shownUrl, ex);
		}
	}

	/**
	 * A URL with the password of its user information replaced by {@code ******}, for logs and messages.
	 * @param url the URL
	 * @return the URL, unchanged when it carries no password
	 */
	static String maskPassword(String url) {
		return SecretMasking.maskUrls(url);
	}

	private static String describeAttempts(int attempts) {
		return (attempts == 1) ? "1 attempt" : attempts + " attempts";
	}

	private static String encode(String pathSegment) {
		return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String nullToEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

	/** One HTTP exchange, without redirects. */
	@FunctionalInterface
	private interface Exchange {

		HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;

	}

	/**
	 * A schema as the registry holds it under a subject.
	 *
	 * @param subject the subject
	 * @param id the global schema id
	 * @param version its version in the subject
	 * @param schema the schema
	 */
	public record RegisteredSchema(String subject, int id, int version, Schema schema) {
	}

}
