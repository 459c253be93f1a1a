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

class UsageKeyTests {

	@ParameterizedTest
	@ValueSource(strings = {
			"block-v1:edx+DemoX+Demo_course+type@video+block@UaEBjyMjcLW65gaTXggB93WmvoxGAJa0JeHRrDThk",
			"block-v1:org+course+run+type@block_type+block@block_id",
			"block-v1:version@519665f6223ebd6980884f2b+type@problem+block@p1",
			"lb:MITx:reallyhardproblems:problem:problem1", "lb:edX:demo-lib.2019:html:introduction",
			"lb:UnicodeX:i18n-lib:html:έψιλον", "lib-block-v1:UniX+PhysicsProbs+type@problem+block@p1",
			"ccx-block-v1:edX+DemoX+Demo_Course+ccx@1+type@html+block@intro", "location:edX+DemoX+2014+problem+p1",
			"i4x://org/course/category/name", "i4x://org/course/category/name@revision",
			"aside-usage-v2:block-v1$:org+course+run+type@block_type+block@block_id::aside_b",
			"aside-usage-v2:i4x$://org/course/cat/name::aside",
			"aside-usage-v1:block-v1:org+course+run+type@block_type+block@block_id::aside_b" })
	void acceptsEveryRegisteredFormAndPrintsItBack(String text) {
		UsageKey key = UsageKey.of(text);
		assertThat(key).hasToString(text);
		assertThat(UsageKey.of(key.toString())).isEqualTo(key).hasSameHashCodeAs(key);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"block-v1:o+c+version@519665f6223ebd6980884f2b+type@t+block@b"
					+ " | block-v1:version@519665f6223ebd6980884f2b+type@t+block@b",
			"lib-block-v1:o+l+r+type@t+block@b | lib-block-v1:o+l+type@t+block@b",
			"ccx-block-v1:o+c+r+CCX@1+TYPE@t+BLOCK@b | ccx-block-v1:o+c+r+ccx@1+type@t+block@b",
			"aside-usage-v1:block-v1:o+c+r+type@t+block@b | aside-usage-v1:block-v1:o+c+r+type@t+block@b::" })
	void printsWhatPythonsStrPrints(String text, String printed) {
		assertThat(UsageKey.of(text)).hasToString(printed);
	}

	@Test
	void aMissingBlockTypeIsPrintedAsNoneLikePythonDoes() {
		UsageKey key = UsageKey.of("block-v1:o+c+r+block@p1");
		assertThat(key.blockType()).isNull();
		assertThat(key).hasToString("block-v1:o+c+r+type@None+block@p1");
	}

	@Test
	void exposesCourseBlockParts() {
		UsageKey key = UsageKey.of("block-v1:edX+DemoX+2014+type@problem+block@p1");
		assertThat(key.namespace()).isEqualTo("block-v1");
		assertThat(key.org()).isEqualTo("edX");
		assertThat(key.courseKey()).isEqualTo(CourseKey.of("course-v1:edX+DemoX+2014"));
		assertThat(key.libraryKey()).isNull();
		assertThat(key.blockType()).isEqualTo("problem");
		assertThat(key.blockId()).isEqualTo("p1");
		assertThat(key.isDeprecated()).isFalse();
		assertThat(key.decoratedKey()).isNull();
		assertThat(key.asideType()).isNull();
	}

	@Test
	void exposesLibraryBlockParts() {
		UsageKey key = UsageKey.of("lb:MITx:reallyhardproblems:problem:problem1");
		assertThat(key.namespace()).isEqualTo("lb");
		assertThat(key.courseKey()).isNull();
		assertThat(key.libraryKey()).isEqualTo(LibraryLocatorV2.of("lib:MITx:reallyhardproblems"));
		assertThat(key.org()).isEqualTo("MITx");
		assertThat(key.blockType()).isEqualTo("problem");
		assertThat(key.blockId()).isEqualTo("problem1");
	}

	@Test
	void exposesTheDecoratedKeyOfAnAside() {
		UsageKey aside = UsageKey.of("aside-usage-v2:lb$:MITx$:lib$:html$:intro::tagging_aside");
		assertThat(aside.decoratedKey()).isEqualTo(UsageKey.of("lb:MITx:lib:html:intro"));
		assertThat(aside.asideType()).isEqualTo("tagging_aside");
		assertThat(aside.blockId()).isEqualTo("intro");
		assertThat(aside.libraryKey()).isEqualTo(LibraryLocatorV2.of("lib:MITx:lib"));
	}

	@Test
	void deprecatedI4xKeyHasNoCourseKeyOfItsOwn() {
		UsageKey key = UsageKey.of("i4x://edX/DemoX/problem/p1@draft");
		assertThat(key.isDeprecated()).isTrue();
		assertThat(key.namespace()).isEqualTo("i4x");
		assertThat(key.org()).isEqualTo("edX");
		assertThat(key.courseKey()).isNull();
		assertThat(key.blockType()).isEqualTo("problem");
		assertThat(key.blockId()).isEqualTo("p1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "block-v1:edX+DemoX+2014+type@problem", "block-v1:edX+DemoX+2014+type@p+block@a%20b",
			"block-v1:edX+DemoX+type@p+block@b", "course-v1:edX+DemoX+2014", "lib:MITx:reallyhardproblems",
			"lb:MITx:lib:problem", "lib-block-v1:org+lib+type@category", "lib-block-v1:org+lib+block@b",
			"lib-block-v1:org+lib+type@category+block@name\n", "i4x://o/c/t/n@r@s", "i4x://o/c/t/p 1",
			"aside-usage-v2:block-v1:o+c+r+type@t+block@b::x", "edX/DemoX/2014", "ccx-block-v1:o+c+r+type@t+block@b" })
	void refusesWhatPythonRefusesNamingTheClassAndTheValue(String text) {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> UsageKey.of(text))
			.withMessageStartingWith("'" + text + "' is not a valid UsageKey")
			.withMessageContaining("expected block-v1:")
			.satisfies((ex) -> assertThat(ex.value()).isEqualTo(text));
	}

	@Test
	void refusalOfAnAsideNamesTheDecoratedKey() {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class)
			.isThrownBy(() -> UsageKey.of("aside-usage-v2:course-v1$:o+c+r::x"))
			.withMessageContaining("the decorated usage key 'course-v1:o+c+r' is not valid");
	}

}
