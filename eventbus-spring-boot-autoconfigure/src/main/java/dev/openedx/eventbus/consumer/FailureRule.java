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

package dev.openedx.eventbus.consumer;

import org.jspecify.annotations.Nullable;

/**
 * A transport's part of the {@link FailureClassifier}: how it classifies its own client's exceptions (for example
 * Kafka's {@code TopicAuthorizationException} or Redis's {@code NOAUTH} reply). SPI for transports.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface FailureRule {

	/**
	 * Classify a failure this transport knows.
	 * @param failure the failure, as thrown (the rule may look at its causes)
	 * @return the class, or {@code null} when this rule does not know the failure
	 */
	@Nullable FailureClass classify(Throwable failure);

}
