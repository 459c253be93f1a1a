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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CourseKeyTests {

	@ParameterizedTest
	@ValueSource(strings = { "course-v1:edX+DemoX.1+2014", "course-v1:mit.eecs+6002x+2014_T2",
			"course-v1:mit.eecs+~6002x+2014_T2+branch@draft-1+version@519665f6223ebd6980884f2b",
			"course-v1:version@519665f6223ebd6980884f2b", "ccx-v1:edX+DemoX+Demo_Course+ccx@1",
			"library-v1:UniX+PhysicsProbs", "library-v1:version@519665f6223ebd6980884f2b", "edX/DemoX/2014",
			"foo/bar/baz", "course-v1:UnicodeX+i18n+έψιλον" })
	void acceptsEveryRegisteredFormAndPrintsItBack(String text) {
		CourseKey key = CourseKey.of(text);
		assertThat(key).hasToString(text);
		assertThat(CourseKey.of(key.toString())).isEqualTo(key).hasSameHashCodeAs(key);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"slashes:edX+DemoX+2014 | course-v1:edX+DemoX+2014",
			"course-v1:edX+DemoX+2014+type@problem+block@p1 | course-v1:edX+DemoX+2014",
			"course-v1:edX+DemoX+version@519665f6223ebd6980884f2b | course-v1:version@519665f6223ebd6980884f2b",
			"library-v1:UniX+PhysicsProbs+run | library-v1:UniX+PhysicsProbs",
			"ccx-v1:edX+DemoX+2014+CCX@1 | ccx-v1:edX+DemoX+2014+ccx@1",
			"ccx-v1:o+c+r+Version@519665F6223EBD6980884F2B+ccx@7 | ccx-v1:o+c+r+version@519665f6223ebd6980884f2b+ccx@7" })
	void printsWhatPythonsStrPrintsWhichIsNotAlwaysTheInput(String text, String printed) {
		assertThat(CourseKey.of(text)).hasToString(printed).isEqualTo(CourseKey.of(printed));
	}

	@Test
	void exposesTheCourseParts() {
		CourseKey key = CourseKey.of("course-v1:edX+DemoX.1+2014+branch@draft+version@519665f6223ebd6980884f2b");
		assertThat(key.namespace()).isEqualTo("course-v1");
		assertThat(key.org()).isEqualTo("edX");
		assertThat(key.course()).isEqualTo("DemoX.1");
		assertThat(key.run()).isEqualTo("2014");
		assertThat(key.branch()).isEqualTo("draft");
		assertThat(key.versionGuid()).isEqualTo("519665f6223ebd6980884f2b");
		assertThat(key.ccx()).isNull();
		assertThat(key.isDeprecated()).isFalse();
	}

	@Test
	void partsFollowThePrintedFormNotTheInput() {
		CourseKey key = CourseKey.of("course-v1:edX+DemoX+version@519665f6223ebd6980884f2b");
		assertThat(key.org()).isNull();
		assertThat(key.course()).isNull();
		assertThat(key.versionGuid()).isEqualTo("519665f6223ebd6980884f2b");
		CourseKey library = CourseKey.of("library-v1:UniX+PhysicsProbs+run");
		assertThat(library.namespace()).isEqualTo("library-v1");
		assertThat(library.course()).isEqualTo("PhysicsProbs");
		assertThat(library.run()).isNull();
	}

	@Test
	void deprecatedSlashFormKeepsItsFormAndMayHaveAnEmptyRun() {
		CourseKey key = CourseKey.of("edX/DemoX/2014");
		assertThat(key.isDeprecated()).isTrue();
		assertThat(key.namespace()).isEqualTo("course-v1");
		assertThat(key.org()).isEqualTo("edX");
		assertThat(key.run()).isEqualTo("2014");
		assertThat(CourseKey.of("edX/DemoX/").run()).isEmpty();
	}

	@Test
	void ccxCourseKeyIsACourseKey() {
		CourseKey key = CourseKey.of("ccx-v1:edX+DemoX+Demo_Course+ccx@1");
		assertThat(key.namespace()).isEqualTo("ccx-v1");
		assertThat(key.ccx()).isEqualTo("1");
		assertThat(key).isEqualTo(CcxLocator.of("ccx-v1:edX+DemoX+Demo_Course+ccx@1").asCourseKey());
	}

	@Test
	void buildsACourseV1KeyFromItsParts() {
		assertThat(CourseKey.of("edX", "DemoX", "2014")).hasToString("course-v1:edX+DemoX+2014");
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> CourseKey.of("edX", "Demo+X", "1"))
			.withMessageContaining("course 'Demo+X'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "course-v1:", "course-v1:edX+DemoX", "course-v1:edX+DemoX+2014+",
			"course-v1:edX+Demo X+2014", "course-v1:edX+DemoX+2014\n", "course-v1:version@519665f6",
			"course-v1:edX+DemoX+2014+branch@a+branch@b", "COURSE-V1:edX+DemoX+2014", "lib:MITx:reallyhardproblems",
			"block-v1:edX+DemoX+2014+type@problem+block@p1", "foo!/bar/baz", "org/course", "org/course/run/foo",
			"/course/run", "org+course+run", "ccx-v1:edX+DemoX+2014", "http:mit.eecs", "course-v1:/mit.eecs" })
	void refusesWhatPythonRefusesNamingTheClassAndTheValue(String text) {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> CourseKey.of(text))
			.withMessageStartingWith("'" + text + "' is not a valid CourseKey")
			.withMessageContaining("expected course-v1:<org>+<course>+<run>")
			.satisfies((ex) -> {
				assertThat(ex.keyType()).isEqualTo("CourseKey");
				assertThat(ex.value()).isEqualTo(text);
			});
	}

	@Test
	void refusalSaysWhatWasWrong() {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class)
			.isThrownBy(() -> CourseKey.of("lib:MITx:reallyhardproblems"))
			.withMessageContaining("'lib' is not a course key namespace")
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("'lib' is not a course key namespace"));
		assertThatExceptionOfType(InvalidOpaqueKeyException.class)
			.isThrownBy(() -> CourseKey.of("course-v1:edX+DemoX+2014+version@abc"))
			.withMessageContaining("version@abc is not 24 hex digits");
	}

	@Test
	void comparesByPrintedForm() {
		assertThat(CourseKey.of("slashes:edX+DemoX+2014")).isEqualTo(CourseKey.of("course-v1:edX+DemoX+2014"))
			.isNotEqualTo(CourseKey.of("edX/DemoX/2014"));
	}

}
