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
 * A content library key (a Learning-Core library, opaque-keys 4.0.0 {@code LibraryLocatorV2}), such as
 * {@code ContentLibraryData.library_key}. Python's {@code LibraryLocatorV2.from_string} accepts only
 * {@code lib:<org>:<slug>}, for example {@code lib:MITx:reallyhardproblems} or
 * {@code lib:hogwarts:p300-potions-exercises}:
 * <ul>
 * <li>org: ASCII letters, digits, {@code _ - .};</li>
 * <li>slug: Unicode letters and digits, {@code _ - .}.</li>
 * </ul>
 * Python checks each part with {@code ^...$}, so a part may also end with one newline, which it keeps; this class
 * does the same. {@link #toString()} is the input. The legacy {@code library-v1:} keys are course keys
 * ({@link CourseKey}).
 * <pre class="code">
 * LibraryLocatorV2 library = LibraryLocatorV2.of("lib:MITx:reallyhardproblems");
 * library.org();  // "MITx"
 * library.slug(); // "reallyhardproblems"
 * </pre>
 *
 * @since 0.1.0
 */
public final class LibraryLocatorV2 extends AbstractOpaqueKey {

	private static final String KEY_TYPE = "LibraryLocatorV2";

	private static final String FORMS = "lib:<org>:<slug>";

	private final String org;

	private final String slug;

	private LibraryLocatorV2(String org, String slug) {
		super("lib:" + org + ":" + slug);
		this.org = org;
		this.slug = slug;
	}

	/**
	 * Parse a library key the way Python's {@code LibraryLocatorV2.from_string} does.
	 * @param value the key text
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when Python would refuse the text
	 */
	public static LibraryLocatorV2 of(String value) {
		return parse(value, KEY_TYPE, FORMS, LibraryLocatorV2::fromText);
	}

	/**
	 * A {@code lib:<org>:<slug>} key.
	 * @param org the organization (ASCII letters, digits, {@code _ - .})
	 * @param slug the library slug (letters, digits, {@code _ - .})
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when a part has other characters
	 */
	public static LibraryLocatorV2 of(String org, String slug) {
		return build("lib:" + org + ":" + slug, KEY_TYPE, FORMS, () -> create(org, slug));
	}

	private static LibraryLocatorV2 fromText(String value) {
		String[] parts = KeySyntax.colonParts(KeySyntax.body(value, "lib"), 2, FORMS);
		return create(parts[0], parts[1]);
	}

	static LibraryLocatorV2 create(String org, String slug) {
		return new LibraryLocatorV2(KeySyntax.asciiField("org", org), KeySyntax.wordField("slug", slug));
	}

	/**
	 * The organization.
	 * @return the org
	 */
	public String org() {
		return this.org;
	}

	/**
	 * The library slug.
	 * @return the slug
	 */
	public String slug() {
		return this.slug;
	}

}
