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

package dev.openedx.eventbus.event.key;

/**
 * A container (unit, subsection, section) in a content library (opaque-keys 4.0.0 {@code LibraryContainerLocator}),
 * such as {@code LibraryContainerData.container_key}. Python's {@code LibraryContainerLocator.from_string} accepts
 * only {@code lct:<org>:<library slug>:<container type>:<container id>}, for example
 * {@code lct:MITx:reallyhardproblems:unit:test-container}:
 * <ul>
 * <li>org and container type: ASCII letters, digits, {@code _ - .};</li>
 * <li>library slug and container id: Unicode letters and digits, {@code _ - .}.</li>
 * </ul>
 * As in Python, each part may also end with one newline. {@link #toString()} is the input.
 * <pre class="code">
 * LibraryContainerLocator unit = LibraryContainerLocator.of("lct:MITx:reallyhardproblems:unit:test-container");
 * unit.containerType(); // "unit"
 * unit.containerId();   // "test-container"
 * </pre>
 *
 * @since 0.1.0
 */
public final class LibraryContainerLocator extends LibraryItemKey {

	private static final String KEY_TYPE = "LibraryContainerLocator";

	private static final String NAMESPACE = "lct";

	private static final String FORMS = "lct:<org>:<library slug>:<container type>:<container id>";

	private final String containerType;

	private final String containerId;

	private LibraryContainerLocator(LibraryLocatorV2 libraryKey, String containerType, String containerId) {
		super(NAMESPACE, libraryKey, containerType, containerId);
		this.containerType = containerType;
		this.containerId = containerId;
	}

	/**
	 * Parse a container key the way Python's {@code LibraryContainerLocator.from_string} does.
	 * @param value the key text
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when Python would refuse the text
	 */
	public static LibraryContainerLocator of(String value) {
		return parse(value, KEY_TYPE, FORMS, LibraryContainerLocator::fromText);
	}

	/**
	 * A container of the given library.
	 * @param libraryKey the library
	 * @param containerType the container type, for example {@code unit} (ASCII letters, digits, {@code _ - .})
	 * @param containerId the container id (letters, digits, {@code _ - .})
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when a part has other characters
	 */
	public static LibraryContainerLocator of(LibraryLocatorV2 libraryKey, String containerType, String containerId) {
		return build(text(NAMESPACE, libraryKey, containerType, containerId), KEY_TYPE, FORMS,
				() -> new LibraryContainerLocator(libraryKey, KeySyntax.asciiField("container type", containerType),
						KeySyntax.wordField("container id", containerId)));
	}

	private static LibraryContainerLocator fromText(String value) {
		String[] parts = KeySyntax.colonParts(KeySyntax.body(value, NAMESPACE), 4, FORMS);
		return new LibraryContainerLocator(LibraryLocatorV2.create(parts[0], parts[1]),
				KeySyntax.asciiField("container type", parts[2]), KeySyntax.wordField("container id", parts[3]));
	}

	/**
	 * The container type, for example {@code unit}.
	 * @return the type
	 */
	public String containerType() {
		return this.containerType;
	}

	/**
	 * The container id.
	 * @return the id
	 */
	public String containerId() {
		return this.containerId;
	}

}
