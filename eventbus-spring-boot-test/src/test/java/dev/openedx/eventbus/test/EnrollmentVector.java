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

package dev.openedx.eventbus.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The byte-exact vector of a course enrollment that the real openedx-events serializer and the Python producers
 * wrote ({@code shared/spec/vectors}).
 */
record EnrollmentVector(JsonNode root) {

	static EnrollmentVector load() {
		String dir = System.getProperty("eventbus.shared.dir");
		if (dir == null) {
			throw new IllegalStateException("System property eventbus.shared.dir is not set (the parent pom sets it)");
		}
		try {
			return new EnrollmentVector(new ObjectMapper().readTree(Path.of(dir,
					"spec/vectors/org.openedx.learning.course.enrollment.created.v1.json").toFile()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String topic() {
		return this.root.get("topic").asText();
	}

	JsonNode kafka() {
		return this.root.get("kafka");
	}

	JsonNode redisFields() {
		return this.root.get("redis").get("fields");
	}

	int valueSchemaId() {
		return kafka().get("value_schema_id").asInt();
	}

	String valueSchema() {
		return this.root.get("avro").get("schema_string").asText();
	}

	String username() {
		return this.root.get("data").get("enrollment").get("user").get("pii").get("username").asText();
	}

	static byte[] hex(String text) {
		return HexFormat.of().parseHex(text);
	}

}
