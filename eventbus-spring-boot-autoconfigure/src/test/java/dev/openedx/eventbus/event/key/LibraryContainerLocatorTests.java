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

class LibraryContainerLocatorTests {

	@ParameterizedTest
	@ValueSource(strings = { "lct:MITx:reallyhardproblems:unit:test-container", "lct:org:lib:ct-type:ct-id",
			"lct:TestX:LibraryX:section:s1" })
	void acceptsContainerKeysAndPrintsThemBack(String text) {
		assertThat(LibraryContainerLocator.of(text)).hasToString(text).isEqualTo(LibraryContainerLocator.of(text));
	}

	@Test
	void exposesItsParts() {
		LibraryContainerLocator unit = LibraryContainerLocator.of("lct:MITx:reallyhardproblems:unit:test-container");
		assertThat(unit.libraryKey()).isEqualTo(LibraryLocatorV2.of("lib:MITx:reallyhardproblems"));
		assertThat(unit.org()).isEqualTo("MITx");
		assertThat(unit.containerType()).isEqualTo("unit");
		assertThat(unit.containerId()).isEqualTo("test-container");
		assertThat(LibraryContainerLocator.of(unit.libraryKey(), "unit", "test-container")).isEqualTo(unit);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "lct:MITx:lib:unit", "lct:MITx:lib:unit:c1:x", "lct:MITx:lib::c1", "lct:MITx:lib:uné:c1",
			"lct:MITx:lib:unit:c 1", "lib-collection:MITx:lib:col1" })
	void refusesWhatPythonRefusesNamingTheClassAndTheValue(String text) {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> LibraryContainerLocator.of(text))
			.withMessageStartingWith("'" + text + "' is not a valid LibraryContainerLocator")
			.withMessageEndingWith("expected lct:<org>:<library slug>:<container type>:<container id>");
	}

}
