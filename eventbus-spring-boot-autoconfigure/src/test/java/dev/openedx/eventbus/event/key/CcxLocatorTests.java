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
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CcxLocatorTests {

	@ParameterizedTest
	@ValueSource(strings = { "ccx-v1:edX+DemoX+Demo_Course+ccx@1", "ccx-v1:mit.eecs+6002x+2014_T2+ccx@1",
			"ccx-v1:mit.eecs+6002x+2014_T2+branch@published+ccx@1",
			"ccx-v1:mit.eecs+~6002x+2014_T2+branch@draft-1+version@519665f6223ebd6980884f2b+ccx@1",
			"ccx-v1:version@519665f6223ebd6980884f2b+ccx@1" })
	void acceptsTheCcxFormsAndPrintsThemBack(String text) {
		assertThat(CcxLocator.of(text)).hasToString(text).isEqualTo(CcxLocator.of(text));
	}

	@Test
	void prefixesAreCaseInsensitiveAndPrintedInLowerCase() {
		assertThat(CcxLocator.of("ccx-v1:o+c+r+BRANCH@b+Version@519665F6223EBD6980884F2B+CCX@12"))
			.hasToString("ccx-v1:o+c+r+branch@b+version@519665f6223ebd6980884f2b+ccx@12");
	}

	@Test
	void exposesItsPartsAndItsMasterCourse() {
		CcxLocator ccx = CcxLocator.of("ccx-v1:edX+DemoX+Demo_Course+branch@draft+ccx@3");
		assertThat(ccx.org()).isEqualTo("edX");
		assertThat(ccx.course()).isEqualTo("DemoX");
		assertThat(ccx.run()).isEqualTo("Demo_Course");
		assertThat(ccx.branch()).isEqualTo("draft");
		assertThat(ccx.versionGuid()).isNull();
		assertThat(ccx.ccx()).isEqualTo("3");
		assertThat(ccx.masterCourseKey()).isEqualTo(CourseKey.of("course-v1:edX+DemoX+Demo_Course+branch@draft"));
		assertThat(ccx.asCourseKey()).isEqualTo(CourseKey.of("ccx-v1:edX+DemoX+Demo_Course+branch@draft+ccx@3"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "course-v1:edX+DemoX+Demo_Course", "ccx-v1:edX+DemoX+Demo_Course",
			"ccx-v1:edX+DemoX+Demo_Course+ccx@x", "ccx-v1:edX+DemoX+Demo_Course+ccx@1+", "edX/DemoX/2014",
			"ccx-v1:edX+DemoX+ccx@1", "ccx-block-v1:edX+DemoX+Demo_Course+ccx@1+type@html+block@b", "" })
	void refusesWhatPythonRefusesNamingTheClassAndTheValue(String text) {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> CcxLocator.of(text))
			.withMessageStartingWith("'" + text + "' is not a valid CcxLocator")
			.withMessageContaining("expected ccx-v1:")
			.satisfies((ex) -> assertThat(ex.value()).isEqualTo(text));
	}

}
