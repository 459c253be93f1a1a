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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.openedx.eventbus.catalog.OpenEdxCatalog;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;

import static org.assertj.core.api.Assertions.assertThat;

class RecordAccessorsTests {

	static List<Class<?>> catalogRecords() {
		AvroEventCodec codec = new AvroEventCodec();
		return OpenEdxCatalog.busCapable()
			.stream()
			.flatMap((type) -> records(codec.model(type).data()).stream())
			.distinct()
			.toList();
	}

	@ParameterizedTest
	@MethodSource("catalogRecords")
	void catalogRecordsAreReadAndBuiltThroughGeneratedCode(Class<?> recordClass) {
		RecordAccessors accessors = RecordAccessors.of(recordClass);
		assertThat(accessors.hasGeneratedGetters()).isTrue();
		assertThat(accessors.hasGeneratedConstructor()).isTrue();
	}

	@Test
	void accessorsAreResolvedOncePerClass() {
		assertThat(RecordAccessors.of(UserData.class)).isSameAs(RecordAccessors.of(UserData.class));
	}

	@Test
	void generatedConstructorBuildsTheRecordFromBoxedValues() throws Throwable {
		UserPersonalData pii = new UserPersonalData("ada", "ada@example.com", "Ada");
		assertThat(RecordAccessors.of(UserData.class).construct(new Object[] { 7L, true, pii }))
			.isEqualTo(new UserData(7, true, pii));
	}

	@Test
	void recordsWithMoreComponentsThanGeneratedArityUseTheMethodHandle() throws Throwable {
		RecordAccessors accessors = RecordAccessors.of(AvroEventCodecTests.Wide.class);
		assertThat(accessors.hasGeneratedConstructor()).isFalse();
		Object[] values = new Object[26];
		for (int i = 0; i < 25; i++) {
			values[i] = (long) i;
		}
		values[25] = "last";
		assertThat(accessors.construct(values)).isInstanceOf(AvroEventCodecTests.Wide.class);
	}

	private static List<Class<?>> records(ValueCodec codec) {
		if (codec instanceof RecordCodec record) {
			List<Class<?>> found = new ArrayList<>();
			found.add(record.recordClass());
			for (FieldCodec field : record.fields()) {
				if (!(field.codec() instanceof RecordCodec nested && nested.recordClass() == record.recordClass())) {
					found.addAll(records(field.codec()));
				}
			}
			return found;
		}
		if (codec instanceof NullableCodec nullable) {
			return records(nullable.value());
		}
		if (codec instanceof ListCodec list) {
			return records(list.element());
		}
		if (codec instanceof MapCodec map) {
			return records(map.value());
		}
		return List.of();
	}

}
