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

import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The syntax rules of openedx/opaque-keys 4.0.0 ({@code opaque_keys/edx/locator.py}, {@code locations.py},
 * {@code asides.py}) and edx-ccx-keys 2.0.2 ({@code ccx_keys/locator.py}), re-expressed for
 * {@link java.util.regex}. Hand-written because no Java library parses Open edX keys; kept in one place so each key
 * class only composes these rules.
 * <p>
 * Translation notes, each checked against the Python classes by {@code OpaqueKeyTests}:
 * <ul>
 * <li>Python's Unicode {@code \w} is exactly {@code [\p{L}\p{N}_]} and its {@code \d} is {@code \p{Nd}} (Java's
 * {@code UNICODE_CHARACTER_CLASS} would also admit marks and connector punctuation, so it is not used). The JDK's
 * Unicode version can differ from Python's for characters assigned after Unicode 13.</li>
 * <li>Python's {@code \Z} (absolute end) is {@link Matcher#matches()}; Python's {@code .} excludes only
 * {@code \n}.</li>
 * <li>The library key classes check fields with {@code re.match('^...$')}, whose {@code $} also matches before one
 * final newline: such a field may end with one {@code \n}, and Python keeps it.</li>
 * </ul>
 */
final class KeySyntax {

	private static final String WORD = "\\p{L}\\p{N}_";

	private static final String ID = "[" + WORD + "~.:\\-]";

	private static final String BLOCK_ID = "[" + WORD + "~.:%\\-]";

	// A '+' that is not the last character, or the end.
	private static final String SEP = "(?:\\+(?=[^\\n])|\\z)";

	private static final String HEAD = "(?:(?<org>" + ID + "+)\\+(?<course>" + ID + "+)(?:\\+(?<run>" + ID + "+))?" + SEP
			+ ")??(?:branch@(?<branch>" + ID + "+)" + SEP + ")?";

	/** BlockLocatorBase.URL_RE: the body of course-v1, library-v1, block-v1 and lib-block-v1 keys. */
	private static final Pattern LOCATOR = Pattern.compile(HEAD + "(?:version@(?<version>[a-f0-9]+)" + SEP + ")?"
			+ "(?:type@(?<type>" + ID + "+)" + SEP + ")?(?:block@(?<block>" + BLOCK_ID + "+))?");

	/** CCXLocator.URL_RE: case-insensitive, a required ccx@ part, no '%' in block ids. */
	private static final Pattern CCX_LOCATOR = Pattern.compile(HEAD + "(?:version@(?<version>[A-F0-9]+)" + SEP + ")?"
			+ "(?:ccx@(?<ccx>\\p{Nd}+)" + SEP + ")(?:type@(?<type>" + ID + "+)" + SEP + ")?(?:block@(?<block>" + ID
			+ "+))?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** DeprecatedLocation.URL_RE: the body of location: keys. */
	private static final Pattern LOCATION = Pattern.compile("(?<org>" + ID + "+)\\+(?<course>" + ID + "+)\\+(?<run>"
			+ ID + "+)\\+(?<type>" + ID + "+)\\+(?<block>" + ID + "+)");

	/** BlockUsageLocator.DEPRECATED_URL_RE: i4x://org/course/type/id[@branch]. */
	private static final Pattern I4X = Pattern
		.compile("i4x://(?<org>[^/]+)/(?<course>[^/]+)/(?<type>[^/]+)/(?<block>[^@]+)(?:@(?<branch>[^/]+))?");

	private static final Pattern ALLOWED_ID = Pattern.compile(ID + "+");

	private static final Pattern DEPRECATED_ALLOWED_ID = Pattern.compile(BLOCK_ID + "+");

	private static final Pattern DEPRECATED_COURSE_PART = Pattern.compile("[" + WORD + ".%\\-]+");

	private static final Pattern ASCII_FIELD = Pattern.compile("[a-zA-Z0-9_.\\-]+\\n?");

	private static final Pattern WORD_FIELD = Pattern.compile("[" + WORD + ".\\-]+\\n?");

	private static final Pattern V2_UNESCAPED_COLON = Pattern.compile("(?<!\\$):");

	private static final Pattern V2_UNESCAPED_DOLLAR = Pattern.compile("(?<!\\$)(?:\\$\\$)*\\$(?:[^$]|\\z)");

	static final String COURSE_FORMS = "course-v1:<org>+<course>+<run> (optionally +branch@<branch>, "
			+ "+version@<24 hex digits>), ccx-v1:<org>+<course>+<run>+ccx@<number>, library-v1:<org>+<library>, "
			+ "slashes:<org>+<course>+<run>, or the deprecated <org>/<course>/<run>";

	private KeySyntax() {
	}

	/**
	 * The text after {@code <namespace>:} of a key class that has exactly one namespace and no deprecated form, split
	 * as Python's {@code _separate_namespace} does (at the first colon).
	 */
	static String body(String value, String namespace) {
		int colon = value.indexOf(':');
		if (colon < 0 || !namespace.equals(value.substring(0, colon))) {
			throw new Refusal("the namespace must be '" + namespace + "'");
		}
		return value.substring(colon + 1);
	}

	/**
	 * Parse the body of a course-v1 (or slashes) key: CourseLocator._from_string.
	 */
	static Body courseLocator(String body) {
		Matcher matcher = match(LOCATOR, body, "<org>+<course>+<run>[+branch@<branch>][+version@<24 hex digits>]");
		Body parsed = Body.of(matcher, null);
		if (parsed.version() == null && parsed.run() == null) {
			throw new Refusal("needs <org>+<course>+<run> or a version@");
		}
		return parsed;
	}

	/**
	 * Parse the body of a library-v1 key: LibraryLocator._from_string (a run part is ignored).
	 */
	static Body libraryLocator(String body) {
		Matcher matcher = match(LOCATOR, body, "<org>+<library>[+branch@<branch>][+version@<24 hex digits>]");
		Body parsed = Body.of(matcher, null);
		if (parsed.version() == null && parsed.course() == null) {
			throw new Refusal("needs <org>+<library> or a version@");
		}
		return parsed;
	}

	/**
	 * Parse the body of a ccx-v1 key: CCXLocator._from_string.
	 */
	static Body ccxLocator(String body) {
		Matcher matcher = match(CCX_LOCATOR, body,
				"<org>+<course>+<run>[+branch@<branch>][+version@<24 hex digits>]+ccx@<number>");
		Body parsed = Body.of(matcher, matcher.group("ccx"));
		if (parsed.version() == null && parsed.run() == null) {
			throw new Refusal("needs <org>+<course>+<run> or a version@");
		}
		return parsed;
	}

	/**
	 * Parse the body of a location: key: DeprecatedLocation._from_string.
	 */
	static Body location(String body) {
		Matcher matcher = match(LOCATION, body, "<org>+<course>+<run>+<block type>+<block id>");
		return new Body(matcher.group("org"), matcher.group("course"), matcher.group("run"), null, null, null,
				matcher.group("type"), matcher.group("block"));
	}

	/**
	 * Parse a whole deprecated i4x:// usage key: BlockUsageLocator._from_deprecated_string. Python checks org, course,
	 * branch and block id, but not the block type.
	 */
	static Body i4x(String text) {
		Matcher matcher = match(I4X, text, "i4x://<org>/<course>/<block type>/<block id>[@<branch>]");
		String org = matcher.group("org");
		String course = matcher.group("course");
		String branch = matcher.group("branch");
		String block = matcher.group("block");
		requireDeprecatedCoursePart("org", org);
		requireDeprecatedCoursePart("course", course);
		if (branch != null && !DEPRECATED_ALLOWED_ID.matcher(branch).matches()) {
			throw new Refusal("branch '" + branch + "' has characters other than letters, digits, _ - ~ . : %");
		}
		if (!DEPRECATED_ALLOWED_ID.matcher(block).matches()) {
			throw new Refusal("block id '" + block + "' has characters other than letters, digits, _ - ~ . : %");
		}
		return new Body(org, course, null, branch, null, null, matcher.group("type"), block);
	}

	/**
	 * Parse a deprecated {@code org/course/run} course key: CourseLocator._from_deprecated_string. The run may be
	 * empty.
	 */
	static Body deprecatedCourse(String text) {
		String[] parts = text.split("/", -1);
		if (parts.length != 3) {
			throw new Refusal("a key without a namespace must be <org>/<course>/<run>");
		}
		requireDeprecatedCoursePart("org", parts[0]);
		requireDeprecatedCoursePart("course", parts[1]);
		if (!parts[2].isEmpty()) {
			requireDeprecatedCoursePart("run", parts[2]);
		}
		return new Body(parts[0], parts[1], parts[2], null, null, null, null, null);
	}

	private static void requireDeprecatedCoursePart(String name, String value) {
		if (!DEPRECATED_COURSE_PART.matcher(value).matches()) {
			throw new Refusal(name + " '" + value + "' must be letters, digits, _ - . %");
		}
	}

	/**
	 * Python's {@code _parse_block_ref} for keys that are not deprecated: no '%' in block ids.
	 */
	static void requireBlockId(String blockId) {
		requireAllowedId("block id", blockId);
	}

	static void requireAllowedId(String name, String value) {
		if (!ALLOWED_ID.matcher(value).matches()) {
			throw new Refusal(name + " '" + value + "' must be letters, digits, _ - ~ . :");
		}
	}

	/**
	 * CheckFieldMixin._check_key_string_field with its default expression: ASCII letters, digits, _ - .
	 */
	static String asciiField(String name, String value) {
		if (!ASCII_FIELD.matcher(value).matches()) {
			throw new Refusal(name + " '" + value + "' must be ASCII letters, digits, _ - .");
		}
		return value;
	}

	/**
	 * CheckFieldMixin._check_key_string_field with the slug/id expression: Unicode letters and digits, _ - .
	 */
	static String wordField(String name, String value) {
		if (!WORD_FIELD.matcher(value).matches()) {
			throw new Refusal(name + " '" + value + "' must be letters, digits, _ - .");
		}
		return value;
	}

	/**
	 * Python's {@code str.split(':')} into exactly {@code count} parts.
	 */
	static String[] colonParts(String body, int count, String layout) {
		String[] parts = body.split(":", -1);
		if (parts.length != count) {
			throw new Refusal("needs " + layout);
		}
		return parts;
	}

	/** asides._decode_v2. */
	static String decodeV2(String value) {
		if (V2_UNESCAPED_COLON.matcher(value).find()) {
			throw new Refusal("unescaped ':' in '" + value + "'");
		}
		String colons = value.replace("$:", ":");
		if (V2_UNESCAPED_DOLLAR.matcher(colons).find()) {
			throw new Refusal("unescaped '$' in '" + value + "'");
		}
		return colons.replace("$$", "$");
	}

	/** asides._encode_v2. */
	static String encodeV2(String value) {
		return value.replace("$", "$$").replace(":", "$:");
	}

	/** asides._decode_v1. */
	static String decodeV1(String value) {
		String decoded = value.replace("$::", "::").replace("$$", "$");
		if (!encodeV1(decoded).equals(value)) {
			throw new Refusal("ambiguous encoded value '" + value + "'");
		}
		return decoded;
	}

	/** asides._encode_v1. */
	static String encodeV1(String value) {
		return value.replace("$", "$$").replace("::", "$::");
	}

	private static Matcher match(Pattern pattern, String text, String layout) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.matches()) {
			throw new Refusal("'" + text + "' does not match " + layout);
		}
		return matcher;
	}

	/**
	 * A parse failure inside a key class; the public factory turns it into an {@link InvalidOpaqueKeyException} that
	 * quotes the whole input. No stack trace: it is control flow.
	 */
	static final class Refusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refusal(String reason) {
			super(reason, null, false, false);
		}

	}

	/**
	 * The fields of a locator body, rendered the way the Python {@code _to_string} methods do.
	 */
	record Body(@Nullable String org, @Nullable String course, @Nullable String run, @Nullable String branch,
			@Nullable String version, @Nullable String ccx, @Nullable String blockType, @Nullable String blockId) {

		static Body of(Matcher matcher, @Nullable String ccx) {
			String version = matcher.group("version");
			if (version != null) {
				// bson ObjectId: exactly 24 hex digits; str() gives them in lower case.
				if (version.length() != 24) {
					throw new Refusal("version@" + version + " is not 24 hex digits");
				}
				version = version.toLowerCase(Locale.ROOT);
			}
			return new Body(matcher.group("org"), matcher.group("course"), matcher.group("run"),
					matcher.group("branch"), version, ccx, matcher.group("type"), matcher.group("block"));
		}

		/**
		 * The fields a CourseLocator keeps in its string form: org, course, run and branch only when course and run
		 * are set, then the version and the CCX id.
		 */
		Body asCourse() {
			if (this.course != null && this.run != null) {
				return new Body(this.org, this.course, this.run, this.branch, this.version, this.ccx, null, null);
			}
			return new Body(null, null, null, null, this.version, this.ccx, null, null);
		}

		/**
		 * The fields a LibraryLocator keeps in its string form: org, library and branch when the library is set, then
		 * the version. A run is never kept.
		 */
		Body asLibrary() {
			if (this.course != null) {
				return new Body(this.org, this.course, null, this.branch, this.version, null, null, null);
			}
			return new Body(null, null, null, null, this.version, null, null, null);
		}

		/** CourseLocator._to_string: org, course and run (and branch) only when course and run are set. */
		String courseText() {
			StringJoiner parts = new StringJoiner("+");
			if (this.course != null && this.run != null) {
				parts.add(this.org).add(this.course).add(this.run);
				if (this.branch != null) {
					parts.add("branch@" + this.branch);
				}
			}
			if (this.version != null) {
				parts.add("version@" + this.version);
			}
			return parts.toString();
		}

		/** LibraryLocator._to_string: org and library (and branch) when the library is set. */
		String libraryText() {
			StringJoiner parts = new StringJoiner("+");
			if (this.course != null) {
				parts.add(this.org).add(this.course);
				if (this.branch != null) {
					parts.add("branch@" + this.branch);
				}
			}
			if (this.version != null) {
				parts.add("version@" + this.version);
			}
			return parts.toString();
		}

		/** CCXLocator._to_string. */
		String ccxText() {
			return courseText() + "+ccx@" + this.ccx;
		}

	}

}
