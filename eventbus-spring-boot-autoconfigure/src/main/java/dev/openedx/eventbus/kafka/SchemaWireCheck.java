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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The startup wire self-check: compares the schema this service would register under a subject with the latest one
 * the registry holds there, by Avro's compatibility rules at the subject's compatibility level (as the registry
 * itself would on registration), and explains any incompatibility field by field. Only the latest version is
 * compared, also for {@code *_TRANSITIVE} levels.
 * <pre class="code">
 * new SchemaWireCheck(registry).check("enrollments-org.openedx...CloudEvent", schema, "event type ... on topic ...");
 * </pre>
 *
 * @since 0.1.0
 */
public final class SchemaWireCheck {

	private final SchemaRegistryClient registry;

	/**
	 * Create the check.
	 * @param registry the registry to ask
	 */
	public SchemaWireCheck(SchemaRegistryClient registry) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
	}

	/**
	 * Check our schema against the subject's latest.
	 * @param subject the subject
	 * @param ours the schema this service writes with
	 * @param what what the subject is for, for the message (event type and topic)
	 * @throws IncompatibleSchemaException when the registry would refuse it, with the differences
	 * @throws SchemaRegistryException when the registry cannot be asked
	 */
	public void check(String subject, Schema ours, String what) {
		SchemaRegistryClient.RegisteredSchema latest = this.registry.latestSchema(subject);
		if (latest == null || latest.schema().equals(ours)) {
			return;
		}
		String level = this.registry.compatibilityLevel(subject).toUpperCase(Locale.ROOT);
		List<String> differences = differences(level, ours, latest.schema());
		if (differences.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder("The schema of ").append(what)
			.append(" is incompatible with the latest schema registered under subject '")
			.append(subject)
			.append("' (version ")
			.append(latest.version())
			.append(", id ")
			.append(latest.id())
			.append(") at compatibility level ")
			.append(level)
			.append(" of registry ")
			.append(SchemaRegistryClient.maskPassword(this.registry.url()))
			.append(": the registry would refuse every send. Differences:");
		differences.forEach((line) -> message.append(System.lineSeparator()).append("  - ").append(line));
		message.append(System.lineSeparator())
			.append("Deploy a version of this service whose event types match the registered schema (same ")
			.append("openedx-events release), or evolve the subject compatibly.");
		throw new IncompatibleSchemaException(subject, message.toString(), differences);
	}

	static List<String> differences(String level, Schema ours, Schema latest) {
		List<String> differences = new ArrayList<>();
		boolean backward = level.startsWith("BACKWARD") || level.startsWith("FULL");
		boolean forward = level.startsWith("FORWARD") || level.startsWith("FULL");
		if (backward) {
			describe("our schema cannot read what the registered one wrote", ours, latest, differences);
		}
		if (forward) {
			describe("the registered schema cannot read what ours writes", latest, ours, differences);
		}
		return differences;
	}

	private static void describe(String direction, Schema reader, Schema writer, List<String> differences) {
		for (Incompatibility incompatibility : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
			.getResult()
			.getIncompatibilities()) {
			differences.add(direction + ": field " + fieldPath(reader, incompatibility.getLocation()) + " ("
					+ incompatibility.getLocation() + "), "
					+ incompatibility.getType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
					+ incompatibility.getMessage());
		}
	}

	/**
	 * The dotted field names an Avro incompatibility location ({@code /fields/0/type/fields/1/type}) points at in a
	 * schema, for people; the location itself is kept beside it.
	 */
	static String fieldPath(Schema schema, String location) {
		List<String> names = new ArrayList<>();
		Schema current = schema;
		String[] segments = location.split("/");
		for (int i = 0; i < segments.length; i++) {
			current = nonNull(current);
			if (segments[i].equals("fields") && i + 1 < segments.length && current.getType() == Schema.Type.RECORD) {
				int index;
				try {
					index = Integer.parseInt(segments[++i]);
				}
				catch (NumberFormatException ex) {
					break;
				}
				if (index < 0 || index >= current.getFields().size()) {
					break;
				}
				Schema.Field field = current.getFields().get(index);
				names.add(field.name());
				current = field.schema();
			}
			else if (segments[i].equals("items") && current.getType() == Schema.Type.ARRAY) {
				current = current.getElementType();
			}
			else if (segments[i].equals("values") && current.getType() == Schema.Type.MAP) {
				current = current.getValueType();
			}
		}
		return names.isEmpty() ? "(record)" : String.join(".", names);
	}

	private static Schema nonNull(Schema schema) {
		if (schema.getType() != Schema.Type.UNION) {
			return schema;
		}
		for (Schema branch : schema.getTypes()) {
			if (branch.getType() != Schema.Type.NULL) {
				return branch;
			}
		}
		return schema;
	}

}
