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

class LibraryCollectionLocatorTests {

	@ParameterizedTest
	@ValueSource(strings = { "lib-collection:MITx:reallyhardproblems:col1", "lib-collection:org:lib:collection-id",
			"lib-collection:TestX:LibraryX:test-problem-bank" })
	void acceptsCollectionKeysAndPrintsThemBack(String text) {
		assertThat(LibraryCollectionLocator.of(text)).hasToString(text)
			.isEqualTo(LibraryCollectionLocator.of(text));
	}

	@Test
	void exposesItsParts() {
		LibraryCollectionLocator collection = LibraryCollectionLocator.of("lib-collection:MITx:reallyhardproblems:col1");
		assertThat(collection.libraryKey()).isEqualTo(LibraryLocatorV2.of("lib:MITx:reallyhardproblems"));
		assertThat(collection.org()).isEqualTo("MITx");
		assertThat(collection.collectionId()).isEqualTo("col1");
		assertThat(LibraryCollectionLocator.of(collection.libraryKey(), "col1")).isEqualTo(collection);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "lib-collection:MITx:lib", "lib-collection:MITx:lib:c:d", "lib-collection:MITx:lib:col 1",
			"lib-collection:MIT x:lib:col1", "lib:MITx:lib", "lct:MITx:lib:unit:c1" })
	void refusesWhatPythonRefusesNamingTheClassAndTheValue(String text) {
		assertThatExceptionOfType(InvalidOpaqueKeyException.class).isThrownBy(() -> LibraryCollectionLocator.of(text))
			.withMessageStartingWith("'" + text + "' is not a valid LibraryCollectionLocator")
			.withMessageEndingWith("expected lib-collection:<org>:<library slug>:<collection id>");
	}

}
