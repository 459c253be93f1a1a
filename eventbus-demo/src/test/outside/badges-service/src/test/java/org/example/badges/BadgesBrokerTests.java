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

import java.time.Duration;

import dev.openedx.eventbus.publish.EventBusPublisher;
import dev.openedx.eventbus.test.EmbeddedEventBus;
import dev.openedx.eventbus.testsupport.InMemorySchemaRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// tag::broker[]
@SpringBootTest
@EmbeddedEventBus(topics = "learning-badges-lifecycle")
class BadgesBrokerTests {

	@Autowired
	EventBusPublisher bus;

	@Autowired
	AwardedBadges badges;

	@Autowired
	InMemorySchemaRegistry registry;

	@Test
	void aPassingStatusSentOverKafkaEarnsABadgeThatGoesBackOverKafka() {
		// What the LMS sends, on the topic and with the key it uses.
		this.bus.send("learning-badges-lifecycle", "course_passing_status.course.course_key",
				BadgeAwarderTests.passingStatus("barbara", "course-v1:edX+DemoX+2026_T1", true)).join();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.badges.find("barbara", "course-v1:edX+DemoX+2026_T1").isPresent());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.registry.subjects())
				.contains("learning-badges-lifecycle-org.openedx.learning.badge.awarded.v1.CloudEvent"));
	}

}
// end::broker[]
