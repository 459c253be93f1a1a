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

import dev.openedx.eventbus.listener.InvalidOpenEdxEventListenerException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidOpenEdxEventListenerException}: which method, what is wrong, and how listener methods
 * look.
 *
 * @since 0.1.0
 */
final class InvalidOpenEdxEventListenerFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidOpenEdxEventListenerException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidOpenEdxEventListenerException cause) {
		String description = "The @OpenEdxEventListener method " + cause.getMethod() + " cannot be used: "
				+ cause.getReason() + ".";
		String action = "Change the method so that it returns void and takes the event's data record, optionally "
				+ "followed by EventsMetadata, for example\n\n"
				+ "\t@OpenEdxEventListener(LearningEvents.Types.COURSE_ENROLLMENT_CREATED)\n"
				+ "\tvoid on(CourseEnrollmentData enrollment, EventsMetadata metadata)\n\n"
				+ "and name in the annotation only event types that the Open edX catalog or an EventType bean declares.";
		return new FailureAnalysis(description, action, cause);
	}

}
