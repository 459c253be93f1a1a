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

package dev.openedx.eventbus.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.EventType;

/**
 * The shared test vectors ({@code shared/spec/vectors/*.json}), produced by the real Python libraries.
 */
record Vectors(String file, String eventType, String eventKeyField, JsonNode metadata, JsonNode data,
		JsonNode schema, byte[] value, byte[] keyAvro, String eventKey) {

	static final ObjectMapper JSON = new ObjectMapper();

	static Path sharedDir() {
		String configured = System.getProperty("eventbus.shared.dir");
		return (configured != null) ? Path.of(configured) : Path.of("..", "..", "shared");
	}

	static Path spec(String first, String... more) {
		return sharedDir().resolve("spec").resolve(Path.of(first, more));
	}

	static List<Vectors> all() {
		try (Stream<Path> files = Files.list(spec("vectors"))) {
			List<Vectors> vectors = files.filter((file) -> file.toString().endsWith(".json"))
				.sorted()
				.map(Vectors::read)
				.toList();
			if (vectors.size() != 3) {
				throw new IllegalStateException("Expected the 3 shared vectors, found " + vectors.size());
			}
			return vectors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Vectors read(Path file) {
		try {
			JsonNode root = JSON.readTree(file.toFile());
			HexFormat hex = HexFormat.of();
			return new Vectors(file.getFileName().toString(), root.get("event_type").textValue(),
					root.get("event_key_field").textValue(), root.get("metadata"), root.get("data"),
					root.get("avro").get("schema"), hex.parseHex(root.get("avro").get("value_hex").textValue()),
					hex.parseHex(root.get("kafka").get("key_avro_hex").textValue()),
					root.get("kafka").get("event_key").textValue());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The catalog the vector event types are looked up in.
	 */
	static EventCatalog catalog() {
		return OpenEdxCatalog.catalog();
	}

	EventType<?> type() {
		return catalog().get(this.eventType);
	}

	String dataJson() {
		return this.data.toString();
	}

	String metadataJson() {
		return this.metadata.toString();
	}

	@Override
	public String toString() {
		return this.file;
	}

}
