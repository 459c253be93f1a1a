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

package dev.openedx.eventbus.demo.examples;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import dev.openedx.eventbus.autoconfigure.EventBusAutoConfiguration;
import dev.openedx.eventbus.catalog.learning.CourseData;
import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.catalog.learning.UserData;
import dev.openedx.eventbus.catalog.learning.UserPersonalData;
import dev.openedx.eventbus.demo.examples.BookEvents.BookLoanData;
import dev.openedx.eventbus.event.EventCatalog;
import dev.openedx.eventbus.event.key.CourseKey;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation's listener and user-defined event examples do what the documentation says, with events published
 * locally (the transports' tests prove the same listeners receive events from the bus).
 */
class DocumentationExamplesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class))
		.withPropertyValues("eventbus.enabled=false", "spring.application.name=library")
		.withUserConfiguration(BookEvents.class, LoanListeners.class);

	@Test
	void aUserDefinedEventTypeBeanJoinsTheCatalogAndReachesListenersByItsDataType() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(EventCatalog.class).find("org.acme.library.book.loaned.v1"))
				.contains(BookEvents.BOOK_LOANED);
			UserData borrower = new UserData(7, true, new UserPersonalData("ada", "ada@example.com"));
			context.publishEvent(BookEvents.BOOK_LOANED
				.event(new BookLoanData("978-0262033848", borrower, OffsetDateTime.now())));
			assertThat(context.getBean(LoanListeners.class).seen).containsExactlyInAnyOrder("loan 978-0262033848",
					"any org.acme.library.book.loaned.v1 local");
		});
	}

	@Test
	void listenersSelectByEventTypeAndCondition() {
		this.contextRunner.run((context) -> {
			context.publishEvent(enrollment("bob", "audit"));
			context.publishEvent(enrollment("carol", "verified"));
			assertThat(context.getBean(LoanListeners.class).seen).containsExactlyInAnyOrder(
					"org.openedx.learning.course.enrollment.created.v1 from openedx/library/web",
					"org.openedx.learning.course.enrollment.created.v1 from openedx/library/web", "verified carol",
					"any org.openedx.learning.course.enrollment.created.v1 local",
					"any org.openedx.learning.course.enrollment.created.v1 local");
		});
	}

	private static Object enrollment(String username, String mode) {
		return LearningEvents.COURSE_ENROLLMENT_CREATED.event(new CourseEnrollmentData(
				new UserData(1, true, new UserPersonalData(username, username + "@example.com")),
				new CourseData(CourseKey.of("course-v1:edX+DemoX+2026_T1")), mode, true, OffsetDateTime.now()));
	}

	@Test
	void theKafkaCustomizerOfTheKafkaGuideChangesTheProducerSettings() {
		Map<String, Object> config = new HashMap<>();
		new KafkaClientCustomization().compression().customizeProducer(config);
		assertThat(config).containsEntry("compression.type", "zstd");
	}

}
