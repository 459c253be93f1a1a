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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.openedx.eventbus.catalog.learning.CourseEnrollmentData;
import dev.openedx.eventbus.catalog.learning.LearningEvents;
import dev.openedx.eventbus.demo.examples.BookEvents.BookLoanData;
import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;
import dev.openedx.eventbus.event.OpenEdxEventListener;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The listener signatures of {@code docs/consuming.md}; {@code DocumentationExamplesTests} runs them.
 */
@Component
public class LoanListeners {

	final List<String> seen = new CopyOnWriteArrayList<>();

	// tag::signatures[]
	// The event type comes from the parameter: every type whose data is a BookLoanData.
	@OpenEdxEventListener
	void onLoan(BookLoanData loan) {
		this.seen.add("loan " + loan.bookIsbn());
	}

	// Named event types (the Types constants are compile-time strings), with the metadata.
	@OpenEdxEventListener({ LearningEvents.Types.COURSE_ENROLLMENT_CREATED,
			LearningEvents.Types.COURSE_ENROLLMENT_CHANGED })
	void onEnrollment(CourseEnrollmentData enrollment, EventsMetadata metadata) {
		this.seen.add(metadata.eventType() + " from " + metadata.source());
	}

	// The whole event, with a condition on it (SpEL, root object: the OpenEdxEvent).
	@OpenEdxEventListener(value = LearningEvents.Types.COURSE_ENROLLMENT_CREATED,
			condition = "data().mode() == 'verified'")
	void onVerifiedEnrollment(OpenEdxEvent<CourseEnrollmentData> event) {
		this.seen.add("verified " + event.data().user().pii().username());
	}

	// A plain Spring listener sees every Open edX event, local or from the bus.
	@EventListener
	void onAnyEvent(OpenEdxEvent<?> event) {
		this.seen.add("any " + event.type().type() + (event.fromEventBus() ? " from the bus" : " local"));
	}
	// end::signatures[]

}
