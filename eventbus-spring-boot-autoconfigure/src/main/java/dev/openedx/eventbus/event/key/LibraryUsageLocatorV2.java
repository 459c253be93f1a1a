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
 * A block in a content library (opaque-keys 4.0.0 {@code LibraryUsageLocatorV2}), such as
 * {@code LibraryBlockData.usage_key}. Python's {@code LibraryUsageLocatorV2.from_string} accepts only
 * {@code lb:<org>:<library slug>:<block type>:<usage id>}, for example
 * {@code lb:MITx:reallyhardproblems:problem:problem1}:
 * <ul>
 * <li>org and block type: ASCII letters, digits, {@code _ - .};</li>
 * <li>library slug and usage id: Unicode letters and digits, {@code _ - .} ({@code lb:UnicodeX:i18n-lib:html:έψιλον}
 * is valid).</li>
 * </ul>
 * As in Python, each part may also end with one newline. {@link #toString()} is the input. A field declared
 * {@code UsageKey} accepts these keys too ({@link UsageKey}).
 * <pre class="code">
 * LibraryUsageLocatorV2 block = LibraryUsageLocatorV2.of("lb:MITx:reallyhardproblems:problem:problem1");
 * block.libraryKey(); // lib:MITx:reallyhardproblems
 * block.blockType();  // "problem"
 * block.usageId();    // "problem1"
 * </pre>
 *
 * @since 0.1.0
 */
public final class LibraryUsageLocatorV2 extends LibraryItemKey {

	private static final String KEY_TYPE = "LibraryUsageLocatorV2";

	private static final String NAMESPACE = "lb";

	private static final String FORMS = "lb:<org>:<library slug>:<block type>:<usage id>";

	private final String blockType;

	private final String usageId;

	private LibraryUsageLocatorV2(LibraryLocatorV2 libraryKey, String blockType, String usageId) {
		super(NAMESPACE, libraryKey, blockType, usageId);
		this.blockType = blockType;
		this.usageId = usageId;
	}

	/**
	 * Parse a library block key the way Python's {@code LibraryUsageLocatorV2.from_string} does.
	 * @param value the key text
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when Python would refuse the text
	 */
	public static LibraryUsageLocatorV2 of(String value) {
		return parse(value, KEY_TYPE, FORMS, LibraryUsageLocatorV2::fromText);
	}

	/**
	 * A block of the given library.
	 * @param libraryKey the library
	 * @param blockType the block type (ASCII letters, digits, {@code _ - .})
	 * @param usageId the usage id (letters, digits, {@code _ - .})
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when a part has other characters
	 */
	public static LibraryUsageLocatorV2 of(LibraryLocatorV2 libraryKey, String blockType, String usageId) {
		return build(text(NAMESPACE, libraryKey, blockType, usageId), KEY_TYPE, FORMS,
				() -> new LibraryUsageLocatorV2(libraryKey, KeySyntax.asciiField("block type", blockType),
						KeySyntax.wordField("usage id", usageId)));
	}

	private static LibraryUsageLocatorV2 fromText(String value) {
		return parseBody(KeySyntax.body(value, NAMESPACE));
	}

	static LibraryUsageLocatorV2 parseBody(String body) {
		String[] parts = KeySyntax.colonParts(body, 4, FORMS);
		LibraryLocatorV2 library = LibraryLocatorV2.create(parts[0], parts[1]);
		return new LibraryUsageLocatorV2(library, KeySyntax.asciiField("block type", parts[2]),
				KeySyntax.wordField("usage id", parts[3]));
	}

	/**
	 * The XBlock type, for example {@code problem}.
	 * @return the block type
	 */
	public String blockType() {
		return this.blockType;
	}

	/**
	 * The usage id (Python also calls it {@code block_id}).
	 * @return the usage id
	 */
	public String usageId() {
		return this.usageId;
	}

}
