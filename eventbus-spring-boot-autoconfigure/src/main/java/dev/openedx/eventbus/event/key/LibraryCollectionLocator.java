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
 * A collection in a content library (opaque-keys 4.0.0 {@code LibraryCollectionLocator}), such as
 * {@code LibraryCollectionData.collection_key}. Python's {@code LibraryCollectionLocator.from_string} accepts only
 * {@code lib-collection:<org>:<library slug>:<collection id>}, for example
 * {@code lib-collection:MITx:reallyhardproblems:col1}:
 * <ul>
 * <li>org: ASCII letters, digits, {@code _ - .};</li>
 * <li>library slug and collection id: Unicode letters and digits, {@code _ - .}.</li>
 * </ul>
 * As in Python, each part may also end with one newline. {@link #toString()} is the input.
 * <pre class="code">
 * LibraryCollectionLocator collection = LibraryCollectionLocator.of("lib-collection:MITx:reallyhardproblems:col1");
 * collection.libraryKey();   // lib:MITx:reallyhardproblems
 * collection.collectionId(); // "col1"
 * </pre>
 *
 * @since 0.1.0
 */
public final class LibraryCollectionLocator extends LibraryItemKey {

	private static final String KEY_TYPE = "LibraryCollectionLocator";

	private static final String NAMESPACE = "lib-collection";

	private static final String FORMS = "lib-collection:<org>:<library slug>:<collection id>";

	private final String collectionId;

	private LibraryCollectionLocator(LibraryLocatorV2 libraryKey, String collectionId) {
		super(NAMESPACE, libraryKey, collectionId);
		this.collectionId = collectionId;
	}

	/**
	 * Parse a collection key the way Python's {@code LibraryCollectionLocator.from_string} does.
	 * @param value the key text
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when Python would refuse the text
	 */
	public static LibraryCollectionLocator of(String value) {
		return parse(value, KEY_TYPE, FORMS, LibraryCollectionLocator::fromText);
	}

	/**
	 * A collection of the given library.
	 * @param libraryKey the library
	 * @param collectionId the collection id (letters, digits, {@code _ - .})
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when the id has other characters
	 */
	public static LibraryCollectionLocator of(LibraryLocatorV2 libraryKey, String collectionId) {
		return build(text(NAMESPACE, libraryKey, collectionId), KEY_TYPE, FORMS,
				() -> new LibraryCollectionLocator(libraryKey, KeySyntax.wordField("collection id", collectionId)));
	}

	private static LibraryCollectionLocator fromText(String value) {
		String[] parts = KeySyntax.colonParts(KeySyntax.body(value, NAMESPACE), 3, FORMS);
		return new LibraryCollectionLocator(LibraryLocatorV2.create(parts[0], parts[1]),
				KeySyntax.wordField("collection id", parts[2]));
	}

	/**
	 * The collection id.
	 * @return the id
	 */
	public String collectionId() {
		return this.collectionId;
	}

}
