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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.event.EventsMetadata;

/**
 * One of the byte-exact vectors in {@code shared/spec/vectors}, as far as the Kafka wire is concerned.
 */
record KafkaVector(String file, JsonNode root) {

	private static final ObjectMapper json = new ObjectMapper();

	static List<KafkaVector> all() {
		Path dir = sharedDir().resolve("spec/vectors");
		try (Stream<Path> files = Files.list(dir)) {
			List<KafkaVector> vectors = new ArrayList<>();
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				vectors.add(new KafkaVector(file.getFileName().toString(), json.readTree(file.toFile())));
			}
			if (vectors.isEmpty()) {
				throw new IllegalStateException("No vectors in " + dir);
			}
			return vectors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path sharedDir() {
		String dir = System.getProperty("eventbus.shared.dir");
		if (dir == null) {
			throw new IllegalStateException("System property eventbus.shared.dir is not set (the parent pom sets it)");
		}
		return Path.of(dir);
	}

	String eventType() {
		return this.root.get("event_type").asText();
	}

	String topic() {
		return this.root.get("kafka").get("topic").asText();
	}

	String eventKeyField() {
		return this.root.get("event_key_field").asText();
	}

	/** The JSON of the {@code data} member: {@code {"<data key>": {...}}}. */
	String dataJson() {
		return this.root.get("data").toString();
	}

	EventsMetadata metadata() {
		JsonNode m = this.root.get("metadata");
		List<Integer> lib = new ArrayList<>();
		m.get("sourcelib").forEach((part) -> lib.add(part.asInt()));
		return new EventsMetadata(m.get("event_type").asText(), UUID.fromString(m.get("id").asText()),
				m.get("minorversion").asInt(), m.get("source").asText(), m.get("sourcehost").asText(),
				EventsMetadata.parseTime(m.get("time").asText()), lib);
	}

	Instant time() {
		return metadata().time();
	}

	byte[] keyBytes() {
		return hex(kafka("key_hex"));
	}

	byte[] valueBytes() {
		return hex(kafka("value_hex"));
	}

	byte[] avroValueBytes() {
		return hex(this.root.get("avro").get("value_hex").asText());
	}

	String keySubject() {
		return kafka("key_subject");
	}

	String valueSubject() {
		return kafka("value_subject");
	}

	String valueSchemaString() {
		return this.root.get("avro").get("schema_string").asText();
	}

	List<String> registryRequests() {
		List<String> requests = new ArrayList<>();
		this.root.get("kafka").get("registry_requests").forEach((r) -> requests.add(r.asText()));
		return requests;
	}

	/** Header name to UTF-8 bytes, in wire order. */
	Map<String, byte[]> headers() {
		Map<String, byte[]> headers = new LinkedHashMap<>();
		this.root.get("kafka").get("headers").forEach((h) -> headers.put(h.get("name").asText(), hex(h.get("hex").asText())));
		return headers;
	}

	private String kafka(String field) {
		return this.root.get("kafka").get(field).asText();
	}

	static byte[] hex(String text) {
		return HexFormat.of().parseHex(text);
	}

	@Override
	public String toString() {
		return this.file;
	}

}
