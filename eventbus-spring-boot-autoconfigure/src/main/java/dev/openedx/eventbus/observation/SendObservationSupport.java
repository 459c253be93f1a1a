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

package dev.openedx.eventbus.observation;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Implemented by the transports' producers: each send is observed as {@link EventBusObservation#SEND} with the given
 * registry. With the default {@link ObservationRegistry#NOOP} nothing is observed and nothing is added to a message.
 * <pre class="code">
 * producer.setObservationRegistry(observationRegistry);
 * </pre>
 *
 * @since 0.1.0
 */
public interface SendObservationSupport {

	/**
	 * Observe sends with this registry.
	 * @param registry the registry, must not be {@code null}
	 */
	void setObservationRegistry(ObservationRegistry registry);

	/**
	 * Use this convention instead of {@link DefaultEventBusSendObservationConvention}.
	 * @param convention the convention, or {@code null} for the default
	 */
	void setObservationConvention(@Nullable EventBusSendObservationConvention convention);

}
