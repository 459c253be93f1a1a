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
