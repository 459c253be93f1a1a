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

import dev.openedx.eventbus.kafka.IncompatibleSchemaException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link IncompatibleSchemaException} of the startup wire self-check: which subject, which differences,
 * and what to do.
 *
 * @since 0.1.0
 */
public final class IncompatibleSchemaFailureAnalyzer extends AbstractFailureAnalyzer<IncompatibleSchemaException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IncompatibleSchemaException cause) {
		String action = "Make this service's event types match what is registered under '" + cause.subject()
				+ "' (the same openedx-events release as the other producers of the topic), or evolve the subject "
				+ "compatibly. To start anyway, knowing that every send of this event type to this topic fails, set "
				+ "eventbus.kafka.schema-registry.check-on-startup=false.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
