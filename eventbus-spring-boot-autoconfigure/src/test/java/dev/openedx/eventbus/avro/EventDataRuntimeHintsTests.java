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

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.event.EventType;
import dev.openedx.eventbus.event.key.CourseKey;
import dev.openedx.eventbus.event.key.UsageKey;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the codec reflects on is declared for AOT processing and native images, for every event type of the catalog.
 */
class EventDataRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void everyCatalogRecordCanBeBuiltAndReadReflectively() throws Exception {
		new EventDataRuntimeHints().registerHints(this.hints, getClass().getClassLoader());

		for (EventType<?> type : OpenEdxCatalog.all()) {
			Class<?> data = type.dataType();
			assertThat(RuntimeHintsPredicates.reflection().onType(data)).as(data.getName()).accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonicalConstructor(data)))
				.as("canonical constructor of %s", data.getName())
				.accepts(this.hints);
			for (RecordComponent component : data.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as("%s.%s()", data.getName(), component.getName())
					.accepts(this.hints);
			}
		}
	}

	@Test
	void nestedRecordsAndTheOpaqueKeyFactoriesAreDeclaredToo() throws Exception {
		new EventDataRuntimeHints().registerHints(this.hints, getClass().getClassLoader());

		Class<?> user = CourseEnrollmentData.class.getMethod("user").getReturnType();
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonicalConstructor(user)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CourseKey.class.getMethod("of", String.class)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(UsageKey.class.getMethod("of", String.class)))
			.accepts(this.hints);
	}

	@Test
	void nothingIsDeclaredForATypeTheCatalogDoesNotHold() {
		new EventDataRuntimeHints().registerHints(this.hints, getClass().getClassLoader());

		assertThat(RuntimeHintsPredicates.reflection().onType(Unrelated.class)).rejects(this.hints);
	}

	@Test
	void theRegistrarIsFoundByAotProcessing() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch((registrar) -> registrar instanceof EventDataRuntimeHints);
	}

	static Constructor<?> canonicalConstructor(Class<?> record) throws NoSuchMethodException {
		Class<?>[] types = Arrays.stream(record.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		return record.getDeclaredConstructor(types);
	}

	record Unrelated(String name) {
	}

}
