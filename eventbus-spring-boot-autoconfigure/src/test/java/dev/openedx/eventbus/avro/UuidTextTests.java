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

package dev.openedx.eventbus.avro;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UuidTextTests {

	private static final UUID EXPECTED = UUID.fromString("01b4cdfa-63fb-585d-a74e-56d8adb2d62f");

	@ParameterizedTest
	@ValueSource(strings = { "01b4cdfa-63fb-585d-a74e-56d8adb2d62f", "01B4CDFA-63FB-585D-A74E-56D8ADB2D62F",
			"{01b4cdfa-63fb-585d-a74e-56d8adb2d62f}", "urn:uuid:01b4cdfa-63fb-585d-a74e-56d8adb2d62f",
			"01b4cdfa63fb585da74e56d8adb2d62f" })
	void acceptsWhatPythonsUuidAccepts(String text) {
		assertThat(UuidText.parse(text)).isEqualTo(EXPECTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1-2-3-4-5", "01b4cdfa-63fb-585d-a74e-56d8adb2d62", "01b4cdfa-63fb-585d-a74e-56d8adb2d6zz",
			"not a uuid", "" })
	void refusesWhatPythonsUuidRefuses(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> UuidText.parse(text));
	}

}
