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

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.KeySyntax.Body;
import dev.openedx.eventbus.event.key.KeySyntax.Refusal;

/**
 * A course key: what a field declared {@code CourseKey} holds in openedx-events, and what Python's
 * {@code CourseKey.from_string} accepts. That method dispatches over every namespace registered for a course key
 * (opaque-keys 4.0.0 and edx-ccx-keys 2.0.2) and falls back to the deprecated slash form, so this class accepts:
 * <ul>
 * <li>{@code course-v1:edX+DemoX.1+2014}, optionally with {@code +branch@<branch>} and
 * {@code +version@<24 hex digits>}, or only {@code course-v1:version@519665f6223ebd6980884f2b};</li>
 * <li>{@code ccx-v1:edX+DemoX+Demo_Course+ccx@1} (a CCX course; see also {@link CcxLocator});</li>
 * <li>{@code library-v1:UniX+PhysicsProbs} (a legacy library, which Python also types as a course key);</li>
 * <li>{@code slashes:edX+DemoX+2014}, an old alias that Python re-serializes as {@code course-v1:edX+DemoX+2014};</li>
 * <li>the deprecated {@code edX/DemoX/2014} (letters, digits, {@code _ - . %}; the run may be empty).</li>
 * </ul>
 * Fields are Unicode letters and digits plus {@code _ - ~ . :}. {@link #toString()} is Python's {@code str(key)},
 * which is not always the input: {@code slashes:} becomes {@code course-v1:}, a trailing {@code +type@..+block@..}
 * is dropped, org/course/branch are dropped when there is a version but no run, a library's run is dropped, and
 * CCX prefixes and version digits are lower-cased. Anything else throws {@link InvalidOpaqueKeyException}:
 * <pre class="code">
 * CourseKey key = CourseKey.of("course-v1:edX+DemoX.1+2014");
 * key.org();    // "edX"
 * key.course(); // "DemoX.1"
 * key.run();    // "2014"
 * CourseKey.of("lib:MITx:problems"); // InvalidOpaqueKeyException: a v2 library is not a course key
 * </pre>
 *
 * @since 0.1.0
 */
public final class CourseKey extends AbstractOpaqueKey {

	private static final String KEY_TYPE = "CourseKey";

	private final String namespace;

	private final boolean deprecated;

	private final Body body;

	private CourseKey(String namespace, boolean deprecated, Body body, String value) {
		super(value);
		this.namespace = namespace;
		this.deprecated = deprecated;
		this.body = body;
	}

	/**
	 * Parse a course key the way Python's {@code CourseKey.from_string} does.
	 * @param value the key text
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when Python would refuse the text
	 */
	public static CourseKey of(String value) {
		return parse(value, KEY_TYPE, KeySyntax.COURSE_FORMS, CourseKey::parse);
	}

	/**
	 * A {@code course-v1:<org>+<course>+<run>} key.
	 * @param org the organization, for example {@code edX}
	 * @param course the course, for example {@code DemoX}
	 * @param run the run, for example {@code 2014}
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when a part has characters other than letters, digits, {@code _ - ~ . :}
	 */
	public static CourseKey of(String org, String course, String run) {
		String value = "course-v1:" + org + "+" + course + "+" + run;
		return build(value, KEY_TYPE, KeySyntax.COURSE_FORMS, () -> {
			KeySyntax.requireAllowedId("org", org);
			KeySyntax.requireAllowedId("course", course);
			KeySyntax.requireAllowedId("run", run);
			return of(value);
		});
	}

	static CourseKey parse(String value) {
		int colon = value.indexOf(':');
		if (colon < 0) {
			Body body = KeySyntax.deprecatedCourse(value);
			return new CourseKey("course-v1", true, body, value);
		}
		String namespace = value.substring(0, colon);
		String rest = value.substring(colon + 1);
		return switch (namespace) {
			case "course-v1", "slashes" -> course(KeySyntax.courseLocator(rest));
			case "library-v1" -> library(KeySyntax.libraryLocator(rest));
			case "ccx-v1" -> ccx(KeySyntax.ccxLocator(rest));
			default -> throw new Refusal("'" + namespace + "' is not a course key namespace");
		};
	}

	static CourseKey course(Body body) {
		Body kept = body.asCourse();
		return new CourseKey("course-v1", false, kept, "course-v1:" + kept.courseText());
	}

	static CourseKey library(Body body) {
		Body kept = body.asLibrary();
		return new CourseKey("library-v1", false, kept, "library-v1:" + kept.libraryText());
	}

	static CourseKey ccx(Body body) {
		Body kept = body.asCourse();
		return new CourseKey("ccx-v1", false, kept, "ccx-v1:" + kept.ccxText());
	}

	/**
	 * The namespace of the Python class behind this key: {@code course-v1} (also for the deprecated slash form),
	 * {@code ccx-v1} or {@code library-v1}.
	 * @return the namespace
	 */
	public String namespace() {
		return this.namespace;
	}

	/**
	 * Whether this is the deprecated {@code org/course/run} form, which Python writes back without a namespace.
	 * @return {@code true} for the slash form
	 */
	public boolean isDeprecated() {
		return this.deprecated;
	}

	/**
	 * The organization.
	 * @return the org, or {@code null} for a key given only by version
	 */
	public @Nullable String org() {
		return this.body.org();
	}

	/**
	 * The course (for a {@code library-v1} key, the library).
	 * @return the course, or {@code null} for a key given only by version
	 */
	public @Nullable String course() {
		return this.body.course();
	}

	/**
	 * The run ({@code ""} is possible in the deprecated form {@code org/course/}).
	 * @return the run, or {@code null} for a library or a key given only by version
	 */
	public @Nullable String run() {
		return this.body.run();
	}

	/**
	 * The branch ({@code +branch@...}).
	 * @return the branch, or {@code null}
	 */
	public @Nullable String branch() {
		return this.body.branch();
	}

	/**
	 * The version ({@code +version@...}), 24 lower-case hex digits.
	 * @return the version, or {@code null}
	 */
	public @Nullable String versionGuid() {
		return this.body.version();
	}

	/**
	 * The CCX id of a {@code ccx-v1} key.
	 * @return the id, or {@code null} for other keys
	 */
	public @Nullable String ccx() {
		return this.body.ccx();
	}

	Body body() {
		return this.body;
	}

}
