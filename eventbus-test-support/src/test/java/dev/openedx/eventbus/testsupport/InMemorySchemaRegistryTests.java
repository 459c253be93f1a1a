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
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemorySchemaRegistryTests {

	private static final ObjectMapper json = new ObjectMapper();

	private static final String KEY_FIELD = "{\"name\": \"usage_key\", \"type\": \"string\"}";

	// Python's json.dumps(schema, sort_keys=True) of the xblock.published.v1 schema (vector schema_string).
	private static final String VALUE_SORTED = "{\"doc\": \"Avro Event Format for CloudEvents created with openedx_events/schema\", "
			+ "\"fields\": [{\"name\": \"xblock_info\", \"type\": {\"fields\": [{\"name\": \"usage_key\", \"type\": \"string\"}, "
			+ "{\"name\": \"block_type\", \"type\": \"string\"}, {\"default\": null, \"name\": \"version\", \"type\": [\"null\", \"string\"]}], "
			+ "\"name\": \"XBlockData\", \"type\": \"record\"}}], \"name\": \"CloudEvent\", "
			+ "\"namespace\": \"org.openedx.content_authoring.xblock.published.v1\", \"type\": \"record\"}";

	// The same schema as Avro-Java prints it: other key order, no spaces.
	private static final String VALUE_COMPACT = "{\"type\":\"record\",\"name\":\"CloudEvent\",\"namespace\":"
			+ "\"org.openedx.content_authoring.xblock.published.v1\",\"doc\":\"Avro Event Format for CloudEvents created with openedx_events/schema\","
			+ "\"fields\":[{\"name\":\"xblock_info\",\"type\":{\"type\":\"record\",\"name\":\"XBlockData\",\"fields\":["
			+ "{\"name\":\"usage_key\",\"type\":\"string\"},{\"name\":\"block_type\",\"type\":\"string\"},"
			+ "{\"name\":\"version\",\"type\":[\"null\",\"string\"],\"default\":null}]}}]}";

	private final HttpClient http = HttpClient.newHttpClient();

	private InMemorySchemaRegistry registry;

	@BeforeEach
	void start() {
		this.registry = new InMemorySchemaRegistry();
	}

	@AfterEach
	void stop() {
		this.registry.close();
	}

	@Test
	void registrationAssignsGlobalIdsInOrderAndLogsRequestsLikeTheVectors() throws Exception {
		Reply key = post("/subjects/t-string/versions?normalize=False", body(KEY_FIELD));
		Reply value = post("/subjects/t-org.openedx.content_authoring.xblock.published.v1.CloudEvent/versions?normalize=False",
				body(VALUE_SORTED));
		assertThat(key.status).isEqualTo(200);
		assertThat(key.json.get("id").asInt()).isEqualTo(1);
		assertThat(value.json.get("id").asInt()).isEqualTo(2);
		assertThat(key.contentType).isEqualTo("application/vnd.schemaregistry.v1+json");
		assertThat(this.registry.requests()).containsExactly(
				"POST /subjects/t-string/versions?normalize=False -> 200",
				"POST /subjects/t-org.openedx.content_authoring.xblock.published.v1.CloudEvent/versions?normalize=False -> 200");
	}

	@Test
	void primitiveFieldDefinitionIsStoredAsThePrimitive() throws Exception {
		int id = post("/subjects/t-string/versions", body(KEY_FIELD)).json.get("id").asInt();
		Reply schema = get("/schemas/ids/" + id);
		assertThat(schema.json.get("schema").asText()).isEqualTo("\"string\"");
	}

	@Test
	void sameSchemaInAnyFormattingGetsTheSameIdAndNoNewVersion() throws Exception {
		int first = post("/subjects/t-value/versions", body(VALUE_SORTED)).json.get("id").asInt();
		int second = post("/subjects/t-value/versions?normalize=true", body(VALUE_COMPACT)).json.get("id").asInt();
		assertThat(second).isEqualTo(first);
		assertThat(get("/subjects/t-value/versions").json.toString()).isEqualTo("[1]");
	}

	@Test
	void sameSchemaUnderAnotherSubjectKeepsItsId() throws Exception {
		int first = post("/subjects/a-string/versions", body("\"string\"")).json.get("id").asInt();
		int second = post("/subjects/b-string/versions", body(KEY_FIELD)).json.get("id").asInt();
		assertThat(second).isEqualTo(first);
		assertThat(get("/subjects").json.toString()).isEqualTo("[\"a-string\",\"b-string\"]");
	}

	@Test
	void changedSchemaAddsAVersionWithANewId() throws Exception {
		post("/subjects/t-value/versions", body(VALUE_SORTED));
		int changed = post("/subjects/t-value/versions", body(VALUE_SORTED.replace("Avro Event Format", "Other doc")))
			.json.get("id").asInt();
		assertThat(changed).isEqualTo(2);
		assertThat(get("/subjects/t-value/versions").json.toString()).isEqualTo("[1,2]");
		Reply latest = get("/subjects/t-value/versions/latest");
		assertThat(latest.json.get("version").asInt()).isEqualTo(2);
		assertThat(latest.json.get("id").asInt()).isEqualTo(2);
		assertThat(latest.json.get("subject").asText()).isEqualTo("t-value");
		assertThat(get("/subjects/t-value/versions/1").json.get("id").asInt()).isEqualTo(1);
	}

	@Test
	void lookUpFindsARegisteredSchemaInItsSubject() throws Exception {
		post("/subjects/t-value/versions", body(VALUE_SORTED));
		Reply found = post("/subjects/t-value", body(VALUE_COMPACT));
		assertThat(found.status).isEqualTo(200);
		assertThat(found.json.get("id").asInt()).isEqualTo(1);
		assertThat(found.json.get("version").asInt()).isEqualTo(1);
		Reply otherSchema = post("/subjects/t-value", body(KEY_FIELD));
		assertThat(otherSchema.status).isEqualTo(404);
		assertThat(otherSchema.json.get("error_code").asInt()).isEqualTo(40403);
		Reply otherSubject = post("/subjects/nope", body(KEY_FIELD));
		assertThat(otherSubject.json.get("error_code").asInt()).isEqualTo(40401);
	}

	@Test
	void missingThingsAnswerConfluentErrorCodes() throws Exception {
		assertError(get("/schemas/ids/42"), 404, 40403);
		assertError(get("/subjects/nope/versions"), 404, 40401);
		assertError(get("/subjects/nope/versions/latest"), 404, 40401);
		post("/subjects/t-string/versions", body(KEY_FIELD));
		assertError(get("/subjects/t-string/versions/7"), 404, 40402);
		assertError(get("/subjects/t-string/versions/zero"), 422, 42202);
		assertError(get("/nothing/here"), 404, 404);
	}

	@Test
	void invalidSchemaIsRejectedWith42201() throws Exception {
		assertError(post("/subjects/t/versions", body("{\"type\": \"recrod\"}")), 422, 42201);
		assertError(post("/subjects/t/versions", "not json"), 422, 42201);
		assertThat(this.registry.subjects()).isEmpty();
	}

	@Test
	void acceptsTheRedemptionReversedNamespaceThatJavaAvroWouldRefuse() throws Exception {
		String schema = "{\"type\": \"record\", \"name\": \"CloudEvent\", "
				+ "\"namespace\": \"org.openedx.enterprise.subsidy.redemption-reversed.v1\", "
				+ "\"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}";
		Reply reply = post("/subjects/t-value/versions", body(schema));
		assertThat(reply.status).isEqualTo(200);
		assertThat(this.registry.schema(reply.json.get("id").asInt()))
			.hasValueSatisfying((stored) -> assertThat(stored).contains("redemption-reversed"));
	}

	@Test
	void basicAuthenticationRejectsRequestsWithoutTheRightCredentials() throws Exception {
		try (InMemorySchemaRegistry secured = new InMemorySchemaRegistry(0, "key", "secret")) {
			URI uri = URI.create(secured.url() + "/subjects");
			HttpResponse<String> anonymous = this.http.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(json.readTree(anonymous.body()).get("error_code").asInt()).isEqualTo(401);
			HttpResponse<String> wrong = this.http.send(
					HttpRequest.newBuilder(uri).header("Authorization", basic("key:wrong")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(wrong.statusCode()).isEqualTo(401);
			HttpResponse<String> authorized = this.http.send(
					HttpRequest.newBuilder(uri).header("Authorization", basic("key:secret")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(authorized.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void injectedFailuresAnswerTheGivenStatusThenRecover() throws Exception {
		this.registry.failNextRequests(2, 503);
		assertThat(get("/subjects").status).isEqualTo(503);
		assertThat(get("/subjects").status).isEqualTo(503);
		assertThat(get("/subjects").status).isEqualTo(200);
		assertThat(this.registry.requests()).containsExactly("GET /subjects -> 503", "GET /subjects -> 503",
				"GET /subjects -> 200");
	}

	@Test
	void injectedAnswersCarryTheGivenStatusAndBodyThenRecover() throws Exception {
		this.registry.answerNextRequests(1, 200,
				"{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
		Reply injected = get("/schemas/ids/1");
		assertThat(injected.status).isEqualTo(200);
		assertThat(injected.json.path("schemaType").asText()).isEqualTo("PROTOBUF");
		assertThat(injected.contentType).isEqualTo(InMemorySchemaRegistry.CONTENT_TYPE);
		assertThat(get("/schemas/ids/1").status).isEqualTo(404);
	}

	@Test
	void delayedAnswersArriveLate() {
		this.registry.delayNextRequests(1, Duration.ofSeconds(2));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.registry.url() + "/subjects"))
			.timeout(Duration.ofMillis(200))
			.GET()
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> send(request));
	}

	@Test
	void percentEncodedSubjectsAreDecoded() throws Exception {
		post("/subjects/a%2Fb/versions", body(KEY_FIELD));
		assertThat(this.registry.subjects()).containsExactly("a/b");
	}

	@Test
	void directRegistrationBehavesLikeHttpRegistration() {
		assertThat(this.registry.register("t-string", KEY_FIELD)).isEqualTo(1);
		assertThat(this.registry.register("t-value", VALUE_SORTED)).isEqualTo(2);
		assertThat(this.registry.register("t-value", VALUE_COMPACT)).isEqualTo(2);
		assertThat(this.registry.versions("t-value")).containsExactly(2);
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.register("t", "{"));
	}

	private void assertError(Reply reply, int status, int code) {
		assertThat(reply.status).isEqualTo(status);
		assertThat(reply.json.get("error_code").asInt()).isEqualTo(code);
		assertThat(reply.json.get("message").asText()).isNotBlank();
	}

	private static String body(String schema) throws Exception {
		return json.createObjectNode().put("schema", schema).toString();
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private Reply get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.registry.url() + path)).GET().build());
	}

	private Reply post(String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.registry.url() + path))
			.header("Content-Type", InMemorySchemaRegistry.CONTENT_TYPE)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private Reply send(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), json.readTree(response.body()),
				response.headers().firstValue("Content-Type").orElse(null));
	}

	private record Reply(int status, JsonNode json, String contentType) {
	}

}
