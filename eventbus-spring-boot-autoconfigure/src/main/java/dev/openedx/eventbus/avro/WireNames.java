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

import java.lang.reflect.RecordComponent;
import java.util.regex.Pattern;

import dev.openedx.eventbus.event.WireName;

/**
 * The names records and record components have on the wire (Avro and JSON).
 */
final class WireNames {

	// Avro's own name rule; checked here so a bad @WireName is reported with its event type and field path.
	private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private WireNames() {
	}

	/**
	 * The wire name of a component: its {@link WireName}, else the component name with every upper-case letter
	 * turned into {@code _} and its lower-case form ({@code courseKey} to {@code course_key}), which is how the
	 * catalog names mirror the Python attribute names.
	 */
	static String of(RecordComponent component) {
		WireName explicit = component.getAnnotation(WireName.class);
		return (explicit != null) ? explicit.value() : snakeCase(component.getName());
	}

	/**
	 * The Avro record name of a record class: its {@link WireName}, else its simple name.
	 */
	static String of(Class<?> recordClass) {
		WireName explicit = recordClass.getAnnotation(WireName.class);
		return (explicit != null) ? explicit.value() : recordClass.getSimpleName();
	}

	static String snakeCase(String camelCase) {
		StringBuilder sb = new StringBuilder(camelCase.length() + 4);
		for (int i = 0; i < camelCase.length(); i++) {
			char c = camelCase.charAt(i);
			if (Character.isUpperCase(c)) {
				sb.append('_').append(Character.toLowerCase(c));
			}
			else {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	static boolean isValidAvroName(String name) {
		return AVRO_NAME.matcher(name).matches();
	}

}
