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

package dev.openedx.eventbus.kafka;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfluentFramingTests {

	@Test
	void framesLikeThePythonSerializer() {
		// wire-kafka.md 4.1: SESSION_LOGIN_COMPLETED with schema id 100019 = 0x000186b3.
		byte[] avro = { (byte) 0xf6, 0x01, 0x01 };
		assertThat(ConfluentFraming.frame(100019, avro))
			.containsExactly(0x00, 0x00, 0x01, 0x86 - 256, 0xb3 - 256, 0xf6 - 256, 0x01, 0x01);
	}

	@Test
	void framesEveryVectorValueWithItsSchemaId() {
		for (KafkaVector vector : KafkaVector.all()) {
			assertThat(ConfluentFraming.frame(2, vector.avroValueBytes())).as(vector.file())
				.containsExactly(vector.valueBytes());
			assertThat(ConfluentFraming.schemaId(vector.valueBytes())).isEqualTo(2);
			assertThat(ConfluentFraming.schemaId(vector.keyBytes())).isEqualTo(1);
		}
	}

	@Test
	void readsIdsAsBigEndianIncludingTheTopBit() {
		byte[] framed = ConfluentFraming.frame(0x80000001, new byte[] { 7 });
		assertThat(Arrays.copyOf(framed, 5)).containsExactly(0x00, 0x80 - 256, 0x00, 0x00, 0x01);
		assertThat(ConfluentFraming.schemaId(framed)).isEqualTo(0x80000001);
		assertThat(Integer.toUnsignedString(ConfluentFraming.schemaId(framed))).isEqualTo("2147483649");
	}

	@Test
	void refusesMissingShortAndUnframedValuesWithClearMessages() {
		assertThatExceptionOfType(ConfluentFramingException.class).isThrownBy(() -> ConfluentFraming.schemaId(null))
			.withMessageContaining("no value");
		assertThatExceptionOfType(ConfluentFramingException.class)
			.isThrownBy(() -> ConfluentFraming.schemaId(new byte[] { 0, 0, 0, 0, 1 }))
			.withMessageContaining("5 bytes long")
			.withMessageContaining("at least 6");
		assertThatExceptionOfType(ConfluentFramingException.class)
			.isThrownBy(() -> ConfluentFraming.schemaId("{\"json\": true}".getBytes()))
			.withMessageContaining("0x7b")
			.withMessageContaining("not Confluent-framed");
	}

}
