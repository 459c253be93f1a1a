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

import java.lang.reflect.Method;

import dev.openedx.eventbus.listener.InvalidOpenEdxEventListenerException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidOpenEdxEventListenerFailureAnalyzerTests {

	private final InvalidOpenEdxEventListenerFailureAnalyzer analyzer = new InvalidOpenEdxEventListenerFailureAnalyzer();

	@Test
	void namesTheMethodAndTheReasonAndShowsAValidListener() throws Exception {
		Method method = Sample.class.getDeclaredMethod("on", String.class);
		InvalidOpenEdxEventListenerException cause = new InvalidOpenEdxEventListenerException(method,
				"event type 'org.acme.nothing.v1' is unknown");
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("wrapped", cause));
		assertThat(analysis.getDescription()).contains(Sample.class.getName() + ".on(String)")
			.contains("event type 'org.acme.nothing.v1' is unknown");
		assertThat(analysis.getAction()).contains("void on(CourseEnrollmentData enrollment, EventsMetadata metadata)");
	}

	static class Sample {

		void on(String text) {
		}

	}

}
