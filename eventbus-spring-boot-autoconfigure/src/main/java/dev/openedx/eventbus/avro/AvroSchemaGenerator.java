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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.UnserializableEventException;

/**
 * Writes event type schemas as openedx-events' {@code generate_avro_schemas} management command does: one
 * {@code .avsc} file per event type, named {@code <event type with . replaced by +>_schema.avsc}, holding
 * {@code json.dumps(schema, indent=2)} of the schema (keys in the order {@code name, type, doc, fields, namespace},
 * two-space indentation, non-ASCII escaped, no trailing newline), so that the files equal the reference files
 * byte for byte.
 * <pre class="code">
 * AvroSchemaGenerator generator = new AvroSchemaGenerator();
 * Path file = generator.write(LearningEvents.COURSE_ENROLLMENT_CREATED, Path.of("schemas"));
 * // schemas/org+openedx+learning+course+enrollment+created+v1_schema.avsc
 * </pre>
 *
 * @since 0.1.0
 */
public final class AvroSchemaGenerator {

	private static final ObjectWriter PYTHON_INDENT_2 = pythonWriter();

	private final AvroEventCodec codec;

	/**
	 * A generator with its own codec caches.
	 */
	public AvroSchemaGenerator() {
		this(new AvroEventCodec());
	}

	/**
	 * A generator that uses the schemas a codec already derived.
	 * @param codec the codec
	 */
	public AvroSchemaGenerator(AvroEventCodec codec) {
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
	}

	/**
	 * The file name openedx-events gives the schema of an event type.
	 * @param eventType the event type string
	 * @return for example {@code org+openedx+learning+course+enrollment+created+v1_schema.avsc}
	 */
	public static String fileName(String eventType) {
		return eventType.replace('.', '+') + "_schema.avsc";
	}

	/**
	 * The file name openedx-events gives the schema of an event type.
	 * @param type the event type
	 * @return for example {@code org+openedx+learning+course+enrollment+created+v1_schema.avsc}
	 */
	public static String fileName(EventType<?> type) {
		return fileName(type.type());
	}

	/**
	 * The schema file text of an event type.
	 * @param type the event type
	 * @return the text, never {@code null}
	 * @throws UnserializableEventException when the event type cannot travel on the bus
	 */
	public String schemaText(EventType<?> type) {
		return pythonJson(this.codec.schema(type));
	}

	/**
	 * Write the schema file of an event type into a directory (created when missing), replacing a file of the same
	 * name.
	 * @param type the event type
	 * @param directory the directory
	 * @return the file written
	 * @throws IOException when the file cannot be written
	 * @throws UnserializableEventException when the event type cannot travel on the bus
	 */
	public Path write(EventType<?> type, Path directory) throws IOException {
		String text = schemaText(type);
		Files.createDirectories(directory);
		Path file = directory.resolve(fileName(type));
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * A schema as Python's {@code json.dumps(schema, indent=2)} of the dictionary openedx-events builds.
	 */
	static String pythonJson(Schema schema) {
		try {
			return PYTHON_INDENT_2.writeValueAsString(topLevel(schema));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the schema of " + schema.getFullName(), ex);
		}
	}

	private static ObjectNode topLevel(Schema schema) {
		Set<String> defined = new HashSet<>();
		defined.add(schema.getFullName());
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("name", schema.getName());
		node.put("type", "record");
		node.put("doc", schema.getDoc());
		node.set("fields", fields(schema, defined));
		node.put("namespace", schema.getNamespace());
		return node;
	}

	private static ArrayNode fields(Schema record, Set<String> defined) {
		ArrayNode fields = JsonNodeFactory.instance.arrayNode();
		for (Schema.Field field : record.getFields()) {
			ObjectNode node = fields.addObject();
			node.put("name", field.name());
			node.set("type", type(field.schema(), defined));
			if (field.hasDefaultValue()) {
				Object value = field.defaultVal();
				node.set("default", (value == JsonProperties.NULL_VALUE) ? JsonNodeFactory.instance.nullNode()
						: new ObjectMapper().valueToTree(value));
			}
		}
		return fields;
	}

	private static JsonNode type(Schema schema, Set<String> defined) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		switch (schema.getType()) {
			case RECORD -> {
				if (!defined.add(schema.getFullName())) {
					return nodes.textNode(schema.getName());
				}
				ObjectNode node = nodes.objectNode();
				node.put("name", schema.getName());
				node.put("type", "record");
				node.set("fields", fields(schema, defined));
				return node;
			}
			case UNION -> {
				ArrayNode node = nodes.arrayNode();
				for (Schema branch : schema.getTypes()) {
					node.add(type(branch, defined));
				}
				return node;
			}
			case ARRAY -> {
				ObjectNode node = nodes.objectNode();
				node.put("type", "array");
				node.set("items", type(schema.getElementType(), defined));
				return node;
			}
			case MAP -> {
				ObjectNode node = nodes.objectNode();
				node.put("type", "map");
				node.set("values", type(schema.getValueType(), defined));
				return node;
			}
			default -> {
				return nodes.textNode(schema.getType().getName());
			}
		}
	}

	private static ObjectWriter pythonWriter() {
		JsonFactory factory = JsonFactory.builder()
			.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
			.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
			.build();
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		Separators separators = Separators.createDefaultInstance()
			.withObjectFieldValueSpacing(Separators.Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator("");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
			.withArrayIndenter(indenter);
		return new ObjectMapper(factory).writer(printer);
	}

}
