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
import java.nio.file.Files;
import java.nio.file.Path;

import dev.openedx.eventbus.event.EventType;

/**
 * The reference schema files of {@code shared/spec/schemas}, for the tests of the schema generator and of the
 * {@code generate-avro-schemas} command.
 */
public final class ReferenceSchemas {

	private ReferenceSchemas() {
	}

	/**
	 * The reference file of an event type: {@code schemas/current/} where the wire schema differs from the stored
	 * one (schemas/README.md). Eight stored files end with a newline the generator does not write (added by an
	 * editor when they were committed), so that one trailing newline is not compared.
	 * @param type the event type
	 * @return the text of its reference schema
	 * @throws IOException when the file cannot be read
	 */
	public static String text(EventType<?> type) throws IOException {
		Path current = Vectors.spec("schemas", "current", AvroSchemaGenerator.fileName(type));
		Path file = Files.exists(current) ? current : Vectors.spec("schemas", AvroSchemaGenerator.fileName(type));
		String text = Files.readString(file);
		return text.endsWith("}\n") ? text.substring(0, text.length() - 1) : text;
	}

}
