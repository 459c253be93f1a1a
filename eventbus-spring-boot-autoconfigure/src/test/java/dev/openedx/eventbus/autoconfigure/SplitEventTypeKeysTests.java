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

package dev.openedx.eventbus.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.openedx.eventbus.autoconfigure.testing.InMemoryConsumerFactory;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.publish.EventRoute;
import dev.openedx.eventbus.publish.EventRoutes;
import dev.openedx.eventbus.worker.EventBusWorkers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event type written as a YAML key without brackets is split by Spring Boot's binder at its dots: the start-up
 * fails with the bracket hint instead of the route or the worker's filter silently disappearing.
 */
class SplitEventTypeKeysTests {

	private static final String ENROLLMENT_CREATED = LearningEvents.Types.COURSE_ENROLLMENT_CREATED;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventBusAutoConfiguration.class))
		.withBean(InMemoryConsumerFactory.class, InMemoryConsumerFactory::new)
		.withPropertyValues("spring.application.name=catalog");

	@Test
	void routeKeyWithoutBracketsFailsWithTheBracketHintAndWhereItWasWritten() {
		yaml("""
				eventbus:
				  producer:
				    events:
				      org.openedx.learning.course.enrollment.created.v1:
				        learning-course-enrollment-lifecycle:
				          event-key-field: enrollment.course.course_key
				""").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("eventbus.producer.events.org.openedx.learning.course.enrollment.created.v1"
					+ ".learning-course-enrollment-lifecycle.event-key-field")
			.hasMessageContaining("lost its brackets")
			.hasMessageContaining("\"[" + ENROLLMENT_CREATED + "]\":")
			.hasMessageContaining("eventbus.producer.events[" + ENROLLMENT_CREATED + "]")
			.hasMessageNotContaining("not a known event type"));
	}

	@Test
	void theSameRouteInBracketsIsRouted() {
		yaml("""
				eventbus:
				  producer:
				    events:
				      "[org.openedx.learning.course.enrollment.created.v1]":
				        learning-course-enrollment-lifecycle:
				          event-key-field: enrollment.course.course_key
				""").run((context) -> assertThat(context.getBean(EventRoutes.class).all())
			.extracting(EventRoute::destination)
			.containsExactly("learning-course-enrollment-lifecycle"));
	}

	@Test
	void unknownRouteKeyWithoutBracketsGetsTheBracketHintAndTheClosestTypes() {
		this.contextRunner
			.withPropertyValues("eventbus.producer.events.org.openedx.learning.course.enrolment.created.v1"
					+ ".learning-course-enrollment-lifecycle.event-key-field=enrollment.course.course_key")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lost its brackets")
				.hasMessageContaining("not a known event type")
				.hasMessageContaining("Did you mean " + ENROLLMENT_CREATED + "?"));
	}

	@Test
	void topicWithDotsWithoutBracketsFailsInsteadOfDroppingTheRoute() {
		this.contextRunner
			.withPropertyValues("eventbus.producer.events[" + ENROLLMENT_CREATED
					+ "].learning.enrollments.event-key-field=enrollment.course.course_key")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("The topic of this route lost its brackets")
				.hasMessageContaining("eventbus.producer.events[" + ENROLLMENT_CREATED
						+ "][learning.enrollments].event-key-field"));
	}

	@Test
	void workerEventTypeWrittenAsAKeyFailsInsteadOfConsumingEveryType() {
		yaml("""
				eventbus:
				  consumer:
				    workers:
				      enrollments:
				        topic: learning-course-enrollment-lifecycle
				        event-types:
				          org.openedx.learning.course.enrollment.created.v1: true
				""").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("eventbus.consumer.workers.enrollments.event-types.org.openedx.learning.course"
					+ ".enrollment.created.v1")
			.hasMessageContaining("event-types is a list")
			.hasMessageContaining("\"- " + ENROLLMENT_CREATED + "\"")
			.hasMessageContaining("eventbus.consumer.workers.enrollments.event-types[0]=" + ENROLLMENT_CREATED));
	}

	@Test
	void workerEventTypesAsAListFilterTheWorker() {
		yaml("""
				eventbus:
				  consumer:
				    workers:
				      enrollments:
				        topic: learning-course-enrollment-lifecycle
				        event-types:
				          - org.openedx.learning.course.enrollment.created.v1
				""").run((context) -> assertThat(context.getBean(EventBusWorkers.class).getDefinitions())
			.singleElement()
			.satisfies((worker) -> assertThat(worker.eventTypes()).containsExactly(ENROLLMENT_CREATED)));
	}

	private ApplicationContextRunner yaml(String yaml) {
		List<PropertySource<?>> sources;
		try {
			sources = new YamlPropertySourceLoader().load("application.yml",
					new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "application.yml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.contextRunner.withInitializer((context) -> sources
			.forEach((source) -> context.getEnvironment().getPropertySources().addLast(source)));
	}

}
