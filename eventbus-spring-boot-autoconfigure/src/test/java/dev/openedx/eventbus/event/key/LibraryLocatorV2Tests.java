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

class LibraryLocatorV2Tests {

	@ParameterizedTest
	@ValueSource(strings = { "lib:MITx:reallyhardproblems", "lib:hogwarts:p300-potions-exercises",
			"lib:edX:demo-lib.2019", "lib:UnicodeX:i18n-lib-έψιλον" })
	void acceptsLibKeysAndPrintsThemBack(String text) {
		assertThat(LibraryLocatorV2.of(text)).hasToString(text).isEqualTo(LibraryLocatorV2.of(text));
	}

	@Test
	void exposesOrgAndSlug() {
		LibraryLocatorV2 library = LibraryLocatorV2.of("lib:MITx:reallyhardproblems");
		assertThat(library.org()).isEqualTo("MITx");
		assertThat(library.slug()).isEqualTo("reallyhardproblems");
		assertThat(LibraryLocatorV2.of("MITx", "reallyhardproblems")).isEqualTo(library);
	}

	@Test
	void aPartMayEndWithOneNewlineAsPythonsDollarAllows() {
		assertThat(LibraryLocatorV2.of("lib:MITx:slug\n").slug()).isEqualTo("slug\n");
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> LibraryLocatorV2.of("lib:MITx:slug\n\n"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "lib:MITx", "lib:MITx:a:b", "lib::slug", "lib:MITx:", "LIB:MITx:slug",
			"lib:MITé:slug", "lib:MIT x:slug", "lib:MITx:sl~ug", "library-v1:UniX+PhysicsProbs",
			"lb:MITx:reallyhardproblems:problem:problem1" })
	void refusesWhatPythonRefusesNamingTheClassAndTheValue(String text) {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> LibraryLocatorV2.of(text))
			.withMessageStartingWith("'" + text + "' is not a valid LibraryLocatorV2")
			.withMessageEndingWith("expected lib:<org>:<slug>");
	}

	@Test
	void factoryRefusesBadParts() {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> LibraryLocatorV2.of("MIT x", "s"))
			.withMessageContaining("'lib:MIT x:s' is not a valid LibraryLocatorV2 (org 'MIT x' must be ASCII");
	}

}
