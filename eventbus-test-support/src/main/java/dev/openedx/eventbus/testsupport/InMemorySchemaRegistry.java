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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for a Confluent Schema Registry, on the JDK's HTTP server, bound to {@code 127.0.0.1}.
 * Confluent's registry is not on Maven Central and Apicurio cannot be embedded (see {@code design/toolchain.md}), so
 * this speaks the subset of the Confluent REST API that producers and consumers of the Open edX event bus use:
 * <ul>
 * <li>{@code POST /subjects/{subject}/versions} (with any {@code ?normalize=}): register, answer {@code {"id":N}};</li>
 * <li>{@code POST /subjects/{subject}}: look a schema up in a subject;</li>
 * <li>{@code GET /schemas/ids/{id}}, {@code GET /subjects}, {@code GET /subjects/{subject}/versions},
 * {@code GET /subjects/{subject}/versions/{version|latest}};</li>
 * <li>{@code GET /schemas/types} (answers {@code ["AVRO"]}), the cheap call health checks use.</li>
 * </ul>
 * As in Confluent's registry, ids are global and given in registration order from 1, and a schema is compared by
 * its canonical form (Avro's own {@code Schema.toString()} of the parsed schema): the same schema in any JSON
 * formatting gets the same id and no new version, in every subject. Name validation is off, because one Open edX
 * namespace ({@code org.openedx.enterprise.subsidy.redemption-reversed.v1}) is not a valid Avro name. Compatibility
 * rules are not checked (Confluent's {@code NONE}). Errors use Confluent's bodies ({@code 40401} subject not found,
 * {@code 40402} version not found, {@code 40403} schema not found, {@code 42201} invalid schema, {@code 42202} invalid
 * version, {@code 401} unauthorized) and content type {@code application/vnd.schemaregistry.v1+json}.
 * <p>
 * {@linkplain #builder() Built}, it can stand for a managed registry: HTTPS with a test certificate, basic
 * authentication and bearer tokens, and a redirect to another address:
 * <pre class="code">
 * try (InMemorySchemaRegistry registry = InMemorySchemaRegistry.builder()
 *         .tls(certificates.serverSslContext())
 *         .basicAuth("key", secret)
 *         .start()) {
 *     String url = registry.url(); // https://localhost:38211
 * }
 * </pre>
 * <pre class="code">
 * try (InMemorySchemaRegistry registry = new InMemorySchemaRegistry()) {
 *     String url = registry.url(); // http://127.0.0.1:38211
 *     ...
 *     assertThat(registry.requests()).contains("POST /subjects/t-string/versions?normalize=False -&gt; 200");
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class InMemorySchemaRegistry implements AutoCloseable {

	/** The content type of every Confluent registry response. */
	public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor;

	private final Set<String> acceptedAuthorizations;

	private final boolean tls;

	private volatile @Nullable String redirectTo;

	private final Object lock = new Object();

	private final Map<String, Integer> idsByCanonical = new HashMap<>();

	private final List<String> schemasById = new ArrayList<>();

	private final Map<String, List<Integer>> subjects = new TreeMap<>();

	private final List<String> requests = new ArrayList<>();

	private int failuresToInject;

	private int injectedStatus;

	private @Nullable String injectedBody;

	private int delaysToInject;

	private Duration injectedDelay = Duration.ZERO;

	/**
	 * Start a registry on a free port, without authentication.
	 */
	public InMemorySchemaRegistry() {
		this(0, Set.of(), null);
	}

	/**
	 * Start a registry on the given port, without authentication.
	 * @param port the port, 0 for a free one
	 */
	public InMemorySchemaRegistry(int port) {
		this(port, Set.of(), null);
	}

	/**
	 * Start a registry that requires HTTP basic authentication (as Confluent Cloud does with an API key and secret)
	 * and answers {@code 401} to any request without the right credentials.
	 * @param port the port, 0 for a free one
	 * @param username the user name (API key), or {@code null} for no authentication
	 * @param password the password (API secret), or {@code null} for no authentication
	 */
	public InMemorySchemaRegistry(int port, @Nullable String username, @Nullable String password) {
		this(port, (username != null || password != null) ? Set.of(basic(username, password)) : Set.of(), null);
	}

	private InMemorySchemaRegistry(int port, Set<String> acceptedAuthorizations, @Nullable SSLContext sslContext) {
		this.acceptedAuthorizations = Set.copyOf(acceptedAuthorizations);
		this.tls = sslContext != null;
		try {
			InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
			if (sslContext != null) {
				HttpsServer https = HttpsServer.create(address, 0);
				https.setHttpsConfigurator(new HttpsConfigurator(sslContext));
				this.server = https;
			}
			else {
				this.server = HttpServer.create(address, 0);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot bind the in-memory schema registry to 127.0.0.1:" + port, ex);
		}
		this.executor = Executors.newFixedThreadPool(4, (runnable) -> {
			Thread thread = new Thread(runnable, "in-memory-schema-registry");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * A builder of a registry with HTTPS, basic authentication or bearer tokens.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The base URL to configure clients with: {@code https://localhost:<port>} with TLS (the name in the test
	 * server certificate), {@code http://127.0.0.1:<port>} without.
	 * @return for example {@code http://127.0.0.1:38211}
	 */
	public String url() {
		return this.tls ? "https://localhost:" + port() : "http://127.0.0.1:" + port();
	}

	/**
	 * The port the registry listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Every request received so far, in order, as {@code METHOD /path?query -> status}, for example
	 * {@code POST /subjects/t-string/versions?normalize=False -> 200}.
	 * @return a copy of the log
	 */
	public List<String> requests() {
		synchronized (this.lock) {
			return List.copyOf(this.requests);
		}
	}

	/**
	 * Forget the request log (the registered schemas stay).
	 */
	public void clearRequests() {
		synchronized (this.lock) {
			this.requests.clear();
		}
	}

	/**
	 * The registered subjects, sorted.
	 * @return the subject names
	 */
	public List<String> subjects() {
		synchronized (this.lock) {
			return List.copyOf(this.subjects.keySet());
		}
	}

	/**
	 * The ids of the versions of a subject, oldest first.
	 * @param subject the subject
	 * @return the schema ids, empty when the subject does not exist
	 */
	public List<Integer> versions(String subject) {
		synchronized (this.lock) {
			return List.copyOf(this.subjects.getOrDefault(subject, List.of()));
		}
	}

	/**
	 * The canonical text of a schema.
	 * @param id the schema id
	 * @return the schema as the registry stores it, or empty when the id is unknown
	 */
	public Optional<String> schema(int id) {
		synchronized (this.lock) {
			return (id >= 1 && id <= this.schemasById.size()) ? Optional.of(this.schemasById.get(id - 1))
					: Optional.empty();
		}
	}

	/**
	 * Register a schema directly, as a producer would, without HTTP.
	 * @param subject the subject
	 * @param schema the schema text in any JSON formatting
	 * @return the id
	 * @throws IllegalArgumentException when the text is not an Avro schema
	 */
	public int register(String subject, String schema) {
		String canonical = canonicalize(schema);
		synchronized (this.lock) {
			return registerCanonical(subject, canonical);
		}
	}

	/**
	 * Make the next requests fail with the given HTTP status and a Confluent error body (for example 503 for an
	 * unavailable backend, error code 50003), to exercise clients' retries. Failed requests are logged like others.
	 * @param count how many of the next requests fail
	 * @param status the HTTP status to answer
	 */
	public void failNextRequests(int count, int status) {
		synchronized (this.lock) {
			this.failuresToInject = count;
			this.injectedStatus = status;
			this.injectedBody = null;
		}
	}

	/**
	 * Answer the next requests with the given HTTP status and body, whatever they ask: a schema that is not Avro
	 * ({@code {"schemaType":"PROTOBUF","schema":"..."}}), an answer without a schema, an HTML error page of a proxy.
	 * Answered requests are logged like others.
	 * @param count how many of the next requests get this answer
	 * @param status the HTTP status
	 * @param body the body, sent as it is with the registry's content type
	 * @since 0.2.0
	 */
	public void answerNextRequests(int count, int status, String body) {
		synchronized (this.lock) {
			this.failuresToInject = count;
			this.injectedStatus = status;
			this.injectedBody = Objects.requireNonNull(body, "body must not be null");
		}
	}

	/**
	 * Hold the answers to the next requests back for a while (as an overloaded registry would), to exercise
	 * clients' timeouts. The request is answered normally afterwards, if the client still waits.
	 * @param count how many of the next requests are delayed
	 * @param delay how long each waits before its answer
	 * @since 0.2.0
	 */
	public void delayNextRequests(int count, Duration delay) {
		synchronized (this.lock) {
			this.delaysToInject = count;
			this.injectedDelay = Objects.requireNonNull(delay, "delay must not be null");
		}
	}

	/**
	 * Answer every further request with {@code 307 Temporary Redirect} to the same path and query under another
	 * base URL (as a registry behind a moved load balancer would), or stop redirecting.
	 * @param baseUrl the base URL to redirect to, for example another registry's {@link #url()}, or {@code null}
	 */
	public void redirectTo(@Nullable String baseUrl) {
		this.redirectTo = baseUrl;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Response response;
		try {
			response = respond(exchange);
		}
		catch (RuntimeException ex) {
			response = error(500, 50001, "Error in the in-memory registry: " + ex);
		}
		String query = exchange.getRequestURI().getRawQuery();
		synchronized (this.lock) {
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
					+ ((query != null) ? "?" + query : "") + " -> " + response.status);
		}
		byte[] body = response.body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
		if (response.status == 401) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
		}
		if (response.location != null) {
			exchange.getResponseHeaders().set("Location", response.location);
		}
		exchange.sendResponseHeaders(response.status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private Response respond(HttpExchange exchange) throws IOException {
		byte[] requestBody = readAll(exchange.getRequestBody());
		String redirect = this.redirectTo;
		if (redirect != null) {
			String query = exchange.getRequestURI().getRawQuery();
			return new Response(307, "", redirect + exchange.getRequestURI().getRawPath()
					+ ((query != null) ? "?" + query : ""));
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (!this.acceptedAuthorizations.isEmpty()
				&& (authorization == null || !this.acceptedAuthorizations.contains(authorization))) {
			return error(401, 401, "Unauthorized");
		}
		Duration delay = Duration.ZERO;
		synchronized (this.lock) {
			if (this.delaysToInject > 0) {
				this.delaysToInject--;
				delay = this.injectedDelay;
			}
		}
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this.lock) {
			if (this.failuresToInject > 0) {
				this.failuresToInject--;
				if (this.injectedBody != null) {
					return new Response(this.injectedStatus, this.injectedBody, null);
				}
				return error(this.injectedStatus, this.injectedStatus * 100 + 3, "Injected failure");
			}
		}
		String method = exchange.getRequestMethod();
		List<String> path = segments(exchange.getRequestURI().getRawPath());
		if (path.size() == 3 && path.get(0).equals("schemas") && path.get(1).equals("ids")) {
			return allow(method, "GET").orElseGet(() -> schemaById(path.get(2)));
		}
		if (path.size() == 2 && path.get(0).equals("schemas") && path.get(1).equals("types")) {
			return allow(method, "GET").orElseGet(() -> ok(json.createArrayNode().add("AVRO")));
		}
		if (path.size() == 1 && path.get(0).equals("subjects")) {
			return allow(method, "GET").orElseGet(this::listSubjects);
		}
		if (path.size() == 2 && path.get(0).equals("subjects")) {
			return allow(method, "POST").orElseGet(() -> lookUp(path.get(1), requestBody));
		}
		if (path.size() == 3 && path.get(0).equals("subjects") && path.get(2).equals("versions")) {
			if (method.equals("POST")) {
				return registerRequest(path.get(1), requestBody);
			}
			return allow(method, "GET").orElseGet(() -> listVersions(path.get(1)));
		}
		if (path.size() == 4 && path.get(0).equals("subjects") && path.get(2).equals("versions")) {
			return allow(method, "GET").orElseGet(() -> version(path.get(1), path.get(3)));
		}
		return error(404, 404, "HTTP 404 Not Found");
	}

	private Response registerRequest(String subject, byte[] body) {
		return withSchema(body, (canonical) -> {
			synchronized (this.lock) {
				return ok(json.createObjectNode().put("id", registerCanonical(subject, canonical)));
			}
		});
	}

	/**
	 * Answer a request that carries a schema with the canonical form of that schema, or with Confluent's 422 when it
	 * is not a valid one.
	 */
	private Response withSchema(byte[] body, Function<String, Response> answer) {
		String canonical;
		try {
			canonical = canonicalize(schemaText(body));
		}
		catch (IllegalArgumentException ex) {
			return error(422, 42201, "Invalid schema: " + ex.getMessage());
		}
		return answer.apply(canonical);
	}

	private int registerCanonical(String subject, String canonical) {
		Integer id = this.idsByCanonical.get(canonical);
		if (id == null) {
			this.schemasById.add(canonical);
			id = this.schemasById.size();
			this.idsByCanonical.put(canonical, id);
		}
		List<Integer> versions = this.subjects.computeIfAbsent(subject, (s) -> new ArrayList<>());
		if (!versions.contains(id)) {
			versions.add(id);
		}
		return id;
	}

	private Response lookUp(String subject, byte[] body) {
		return withSchema(body, (canonical) -> {
			synchronized (this.lock) {
				List<Integer> versions = this.subjects.get(subject);
				if (versions == null) {
					return subjectNotFound(subject);
				}
				Integer id = this.idsByCanonical.get(canonical);
				int index = (id != null) ? versions.indexOf(id) : -1;
				if (index < 0) {
					return error(404, 40403, "Schema not found");
				}
				return ok(describe(subject, index + 1, id));
			}
		});
	}

	private Response schemaById(String idText) {
		int id;
		try {
			id = Integer.parseInt(idText);
		}
		catch (NumberFormatException ex) {
			return error(404, 404, "HTTP 404 Not Found");
		}
		return schema(id).map((schema) -> ok(json.createObjectNode().put("schema", schema)))
			.orElseGet(() -> error(404, 40403, "Schema " + id + " not found"));
	}

	private Response listSubjects() {
		return ok(json.valueToTree(subjects()));
	}

	private Response listVersions(String subject) {
		synchronized (this.lock) {
			List<Integer> versions = this.subjects.get(subject);
			if (versions == null) {
				return subjectNotFound(subject);
			}
			List<Integer> numbers = new ArrayList<>();
			for (int i = 1; i <= versions.size(); i++) {
				numbers.add(i);
			}
			return ok(json.valueToTree(numbers));
		}
	}

	private Response version(String subject, String versionText) {
		synchronized (this.lock) {
			List<Integer> versions = this.subjects.get(subject);
			int version;
			if (versionText.equals("latest") || versionText.equals("-1")) {
				version = (versions != null) ? versions.size() : 0;
			}
			else {
				try {
					version = Integer.parseInt(versionText);
				}
				catch (NumberFormatException ex) {
					version = 0;
				}
				if (version < 1) {
					return error(422, 42202,
							"The specified version '" + versionText + "' is not a valid version id. Allowed values are"
									+ " between [1, 2^31-1] and the string \"latest\"");
				}
			}
			if (versions == null) {
				return subjectNotFound(subject);
			}
			if (version > versions.size()) {
				return error(404, 40402, "Version " + versionText + " not found.");
			}
			return ok(describe(subject, version, versions.get(version - 1)));
		}
	}

	private ObjectNode describe(String subject, int version, int id) {
		return json.createObjectNode()
			.put("subject", subject)
			.put("version", version)
			.put("id", id)
			.put("schema", this.schemasById.get(id - 1));
	}

	private static Response subjectNotFound(String subject) {
		return error(404, 40401, "Subject '" + subject + "' not found.");
	}

	private static Optional<Response> allow(String method, String allowed) {
		return method.equals(allowed) ? Optional.empty()
				: Optional.of(error(405, 405, "HTTP 405 Method Not Allowed"));
	}

	private static String schemaText(byte[] body) {
		JsonNode request;
		try {
			request = json.readTree(body);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("request body is not JSON: " + ex.getMessage());
		}
		JsonNode type = (request != null) ? request.get("schemaType") : null;
		if (type != null && !type.isNull() && !type.asText().equals("AVRO")) {
			throw new IllegalArgumentException("only AVRO schemas are supported, not " + type.asText());
		}
		JsonNode schema = (request != null) ? request.get("schema") : null;
		if (schema == null || !schema.isTextual()) {
			throw new IllegalArgumentException("request body has no \"schema\" string");
		}
		return schema.asText();
	}

	/**
	 * The form a Confluent registry stores and compares: the parsed schema printed by Avro.
	 * @param schema the schema text
	 * @return the canonical text
	 */
	static String canonicalize(String schema) {
		try {
			return new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(schema).toString();
		}
		catch (SchemaParseException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	private static Response ok(JsonNode body) {
		return new Response(200, body.toString(), null);
	}

	private static Response error(int status, int code, String message) {
		return new Response(status, json.createObjectNode().put("error_code", code).put("message", message).toString(),
				null);
	}

	private static List<String> segments(String rawPath) {
		List<String> segments = new ArrayList<>();
		for (String segment : rawPath.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(percentDecode(segment));
			}
		}
		return segments;
	}

	// URLDecoder would turn '+' into a space, which is wrong in a path segment.
	private static String percentDecode(String segment) {
		if (segment.indexOf('%') < 0) {
			return segment;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			int hex = (c == '%' && i + 2 < segment.length()) ? hexByte(segment, i + 1) : -1;
			if (hex >= 0) {
				out.write(hex);
				i += 2;
			}
			else {
				out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static int hexByte(String text, int index) {
		int high = Character.digit(text.charAt(index), 16);
		int low = Character.digit(text.charAt(index + 1), 16);
		return (high < 0 || low < 0) ? -1 : high * 16 + low;
	}

	private static byte[] readAll(InputStream in) throws IOException {
		try (in) {
			return in.readAllBytes();
		}
	}

	private static String nullToEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static String basic(@Nullable String username, @Nullable String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((nullToEmpty(username) + ":" + nullToEmpty(password)).getBytes(StandardCharsets.UTF_8));
	}

	private record Response(int status, String body, @Nullable String location) {
	}

	/**
	 * Builds a registry with HTTPS, basic authentication or bearer tokens. With both kinds of credentials, either is
	 * accepted.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private int port;

		private final Set<String> authorizations = new LinkedHashSet<>();

		private @Nullable SSLContext sslContext;

		private Builder() {
		}

		/**
		 * The port (a free one unless set).
		 * @param port the port, 0 for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Require HTTP basic authentication (as Confluent Cloud does with an API key and secret).
		 * @param username the user name (API key)
		 * @param password the password (API secret)
		 * @return this builder
		 */
		public Builder basicAuth(String username, String password) {
			this.authorizations.add(basic(Objects.requireNonNull(username), Objects.requireNonNull(password)));
			return this;
		}

		/**
		 * Require a bearer token ({@code Authorization: Bearer <token>}), as OAuth-protected registries do.
		 * @param token the token
		 * @return this builder
		 */
		public Builder bearerToken(String token) {
			this.authorizations.add("Bearer " + Objects.requireNonNull(token));
			return this;
		}

		/**
		 * Serve HTTPS only, for example with {@link TestCertificates#serverSslContext()}.
		 * @param sslContext the server's TLS context
		 * @return this builder
		 */
		public Builder tls(SSLContext sslContext) {
			this.sslContext = Objects.requireNonNull(sslContext, "sslContext must not be null");
			return this;
		}

		/**
		 * Start the registry.
		 * @return the running registry
		 */
		public InMemorySchemaRegistry start() {
			return new InMemorySchemaRegistry(this.port, this.authorizations, this.sslContext);
		}

	}

}
