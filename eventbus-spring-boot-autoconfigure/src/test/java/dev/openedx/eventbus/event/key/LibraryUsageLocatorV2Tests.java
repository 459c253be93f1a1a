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

class LibraryUsageLocatorV2Tests {

	@ParameterizedTest
	@ValueSource(strings = { "lb:MITx:reallyhardproblems:problem:problem1", "lb:edX:demo-lib.2019:html:introduction",
			"lb:UnicodeX:i18n-lib:html:έψιλον" })
	void acceptsLbKeysAndPrintsThemBack(String text) {
		assertThat(LibraryUsageLocatorV2.of(text)).hasToString(text).isEqualTo(LibraryUsageLocatorV2.of(text));
	}

	@Test
	void exposesItsParts() {
		LibraryUsageLocatorV2 block = LibraryUsageLocatorV2.of("lb:MITx:reallyhardproblems:problem:problem1");
		assertThat(block.libraryKey()).isEqualTo(LibraryLocatorV2.of("lib:MITx:reallyhardproblems"));
		assertThat(block.org()).isEqualTo("MITx");
		assertThat(block.blockType()).isEqualTo("problem");
		assertThat(block.usageId()).isEqualTo("problem1");
		assertThat(LibraryUsageLocatorV2.of(block.libraryKey(), "problem", "problem1")).isEqualTo(block);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "lb:MITx:lib:problem", "lb:MITx:lib:problem:p1:x", "lb:MITx:lib::p1",
			"lb:MITx:lib:probé:p1", "lb:MITx:lib:problem:p 1", "block-v1:o+c+r+type@t+block@b",
			"lib:MITx:reallyhardproblems" })
	void refusesWhatPythonRefusesNamingTheClassAndTheValue(String text) {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> LibraryUsageLocatorV2.of(text))
			.withMessageStartingWith("'" + text + "' is not a valid LibraryUsageLocatorV2")
			.withMessageEndingWith("expected lb:<org>:<library slug>:<block type>:<usage id>");
	}

	@Test
	void factoryRefusesBadParts() {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class)
			.isThrownBy(() -> LibraryUsageLocatorV2.of(LibraryLocatorV2.of("lib:MITx:lib"), "problem", "p:1"))
			.withMessageContaining("usage id 'p:1'");
	}

}
