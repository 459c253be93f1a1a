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

package org.example.badges;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.consumer.FailureKind;
import dev.openedx.eventbus.test.AutoConfigureInMemoryEventBus;
import dev.openedx.eventbus.test.DeliveryOutcome;
import dev.openedx.eventbus.test.InboundEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records exactly as the LMS (edx-event-bus-kafka) writes them, read from a capture: headers, Confluent-framed key
 * and value with the schema ids of the LMS's registry.
 */
@SpringBootTest
@AutoConfigureInMemoryEventBus
class LmsRecordTests {

	@Autowired
	InboundEvents inbound;

	@Autowired
	AwardedBadges badges;

	// tag::raw-record[]
	@Test
	void aPassingStatusRecordOfTheLmsIsReadByteForByte() throws IOException {
		JsonNode file = read("lms-passing-status.json");
		JsonNode capture = file.get("kafka");
		// The schema the LMS registered, under the id its registry gave it (the id in the value's frame).
		this.inbound.registerSchema(capture.get("value_schema_id").asInt(), file.get("avro").get("schema_string")
			.asText());
		InboundEvents.KafkaRecord record = this.inbound.kafkaRecord("learning-badges-lifecycle");
		capture.get("headers").forEach((header) -> record.header(header.get("name").asText(),
				hex(header.get("hex").asText())));

		DeliveryOutcome outcome = record.key(hex(capture.get("key_hex").asText()))
			.value(hex(capture.get("value_hex").asText()))
			.deliver()
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.HANDLED);
		assertThat(this.badges.find("learner00000", "course-v1:edX+DemoX0+2026_T1")).isPresent();
	}
	// end::raw-record[]

	// tag::garbage[]
	@Test
	void aRecordNoConsumerCanDecodeIsDeadLetteredWithItsKind() {
		DeliveryOutcome outcome = this.inbound.kafkaRecord("learning-badges-lifecycle")
			.header("ce_type", "org.openedx.learning.course.passing.status.updated.v1")
			.header("ce_id", UUID.randomUUID().toString())
			.value("not an Avro event".getBytes())
			.deliver()
			.awaitOutcome();

		assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.DEAD_LETTERED);
		assertThat(outcome.failureKind()).isEqualTo(FailureKind.UNDECODABLE_VALUE);
	}
	// end::garbage[]

	private static JsonNode read(String resource) throws IOException {
		try (InputStream in = LmsRecordTests.class.getResourceAsStream("/" + resource)) {
			return new ObjectMapper().readTree(in);
		}
	}

	private static byte[] hex(String text) {
		return HexFormat.of().parseHex(text);
	}

}
