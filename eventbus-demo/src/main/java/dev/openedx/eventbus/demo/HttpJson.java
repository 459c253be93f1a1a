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

package dev.openedx.eventbus.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP with the JDK's client: all the demo needs to talk to the services.
 *
 * @since 0.1.0
 */
final class HttpJson {

	static final ObjectMapper json = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * GET a JSON document.
	 * @param uri where
	 * @return the document, or a missing node when the answer is 404
	 * @throws IOException when the service does not answer or answers with another error
	 */
	JsonNode get(URI uri) throws IOException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
		if (response.statusCode() == 404) {
			return MissingNode.getInstance();
		}
		return body(response, "GET " + uri);
	}

	/**
	 * POST a JSON document.
	 * @param uri where
	 * @param body what, turned into JSON
	 * @return the answer
	 * @throws IOException when the service does not answer or answers with an error
	 */
	JsonNode post(URI uri, Object body) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		return body(send(request), "POST " + uri);
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted: " + request.method() + " " + request.uri(), ex);
		}
	}

	private static JsonNode body(HttpResponse<String> response, String call) throws IOException {
		if (response.statusCode() >= 300) {
			throw new IOException(call + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

}
