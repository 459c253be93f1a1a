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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link EventBusTransportUnavailableException}: which transport was asked for, what is missing, and the
 * dependency to add (or the property to change).
 *
 * @since 0.1.0
 */
final class EventBusTransportUnavailableFailureAnalyzer
		extends AbstractFailureAnalyzer<EventBusTransportUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EventBusTransportUnavailableException cause) {
		String transport = cause.getTransport().id();
		String other = (cause.getTransport() == EventBusProperties.Transport.KAFKA) ? "redis" : "kafka";
		String description = "The event bus is configured to use " + transport + " (eventbus.transport="
				+ transport + ") but these classes are missing: " + String.join(", ", cause.getMissingClasses()) + ".";
		String action = "Add the dependency " + cause.getDependency() + " to the application, or set "
				+ "eventbus.transport=" + other + ", or set eventbus.enabled=false to keep events local.";
		return new FailureAnalysis(description, action, cause);
	}

}
