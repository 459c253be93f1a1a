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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.KeySyntax.Body;

/**
 * A CCX (custom course) key: what a field declared {@code CCXLocator} (edx-ccx-keys 2.0.2) holds, such as
 * {@code CcxCourseData.ccx_course_key}. Python's {@code CCXLocator.from_string} accepts only the {@code ccx-v1}
 * namespace, with no deprecated form:
 * <ul>
 * <li>{@code ccx-v1:edX+DemoX+Demo_Course+ccx@1}: a course-v1 body followed by {@code +ccx@<decimal digits>};</li>
 * <li>with {@code +branch@<branch>} and/or {@code +version@<24 hex digits>} before the {@code ccx@} part, or only
 * {@code ccx-v1:version@519665f6223ebd6980884f2b+ccx@1}.</li>
 * </ul>
 * The prefixes ({@code branch@}, {@code version@}, {@code ccx@}) and the version digits are case-insensitive in
 * Python and {@link #toString()} (Python's {@code str(key)}) writes them in lower case; a trailing
 * {@code +type@..+block@..} is accepted and dropped.
 * <pre class="code">
 * CcxLocator ccx = CcxLocator.of("ccx-v1:edX+DemoX+Demo_Course+ccx@1");
 * ccx.ccx();              // "1"
 * ccx.masterCourseKey();  // course-v1:edX+DemoX+Demo_Course
 * </pre>
 *
 * @since 0.1.0
 */
public final class CcxLocator extends AbstractOpaqueKey {

	private static final String KEY_TYPE = "CcxLocator";

	private static final String FORMS = "ccx-v1:<org>+<course>+<run>+ccx@<number> (optionally +branch@<branch>, "
			+ "+version@<24 hex digits> before ccx@), or ccx-v1:version@<24 hex digits>+ccx@<number>";

	private final CourseKey courseKey;

	private CcxLocator(CourseKey courseKey) {
		super(courseKey.toString());
		this.courseKey = courseKey;
	}

	/**
	 * Parse a CCX key the way Python's {@code CCXLocator.from_string} does.
	 * @param value the key text
	 * @return the key, never {@code null}
	 * @throws InvalidOpaqueKeyException when Python would refuse the text
	 */
	public static CcxLocator of(String value) {
		return parse(value, KEY_TYPE, FORMS, CcxLocator::fromText);
	}

	private static CcxLocator fromText(String value) {
		return new CcxLocator(CourseKey.ccx(KeySyntax.ccxLocator(KeySyntax.body(value, "ccx-v1"))));
	}

	/**
	 * The organization.
	 * @return the org, or {@code null} for a key given only by version
	 */
	public @Nullable String org() {
		return this.courseKey.org();
	}

	/**
	 * The course.
	 * @return the course, or {@code null} for a key given only by version
	 */
	public @Nullable String course() {
		return this.courseKey.course();
	}

	/**
	 * The run.
	 * @return the run, or {@code null} for a key given only by version
	 */
	public @Nullable String run() {
		return this.courseKey.run();
	}

	/**
	 * The branch.
	 * @return the branch, or {@code null}
	 */
	public @Nullable String branch() {
		return this.courseKey.branch();
	}

	/**
	 * The version, 24 lower-case hex digits.
	 * @return the version, or {@code null}
	 */
	public @Nullable String versionGuid() {
		return this.courseKey.versionGuid();
	}

	/**
	 * The CCX id (decimal digits, as given).
	 * @return the id, never {@code null}
	 */
	public String ccx() {
		return Objects.requireNonNull(this.courseKey.ccx());
	}

	/**
	 * This key as a {@link CourseKey} (in Python a CCX locator is a course key), for fields declared
	 * {@code CourseKey}.
	 * @return the same key text as a course key
	 */
	public CourseKey asCourseKey() {
		return this.courseKey;
	}

	/**
	 * The course this CCX is built on: the same key without its {@code ccx@} part (Python's
	 * {@code to_course_locator()}), for example {@code course-v1:edX+DemoX+Demo_Course}.
	 * @return the master course key
	 */
	public CourseKey masterCourseKey() {
		Body body = this.courseKey.body();
		return CourseKey.course(new Body(body.org(), body.course(), body.run(), body.branch(), body.version(), null,
				null, null));
	}

}
