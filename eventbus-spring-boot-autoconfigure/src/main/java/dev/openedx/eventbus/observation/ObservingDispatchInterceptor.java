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

import java.util.Objects;

import dev.openedx.eventbus.consumer.ConsumerSettings;
import dev.openedx.eventbus.consumer.DispatchInterceptor;
import dev.openedx.eventbus.consumer.InboundMessage;
import dev.openedx.eventbus.event.EventDispatcher;
import dev.openedx.eventbus.event.OpenEdxEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes each attempt of the listeners on a received event as {@link EventBusObservation#PROCESS}, in scope, so
 * the listeners run inside the observation (and, with tracing, in the trace the message carried).
 * <pre class="code">
 * DispatchInterceptor tracing = new ObservingDispatchInterceptor(observationRegistry, null);
 * </pre>
 *
 * @since 0.2.0
 */
public final class ObservingDispatchInterceptor implements DispatchInterceptor {

	private final ObservationRegistry registry;

	private final @Nullable EventBusProcessObservationConvention convention;

	/**
	 * Create an interceptor.
	 * @param registry the observation registry, must not be {@code null}
	 * @param convention a convention replacing {@link DefaultEventBusProcessObservationConvention}, or {@code null}
	 */
	public ObservingDispatchInterceptor(ObservationRegistry registry,
			@Nullable EventBusProcessObservationConvention convention) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.convention = convention;
	}

	@Override
	public void intercept(ConsumerSettings worker, InboundMessage message, OpenEdxEvent<?> event,
			EventDispatcher listeners) throws Exception {
		Observation observation = EventBusObservation.PROCESS.observation(this.convention,
				DefaultEventBusProcessObservationConvention.INSTANCE,
				() -> new EventBusProcessContext(worker, message, event), this.registry);
		observation.observeChecked(() -> listeners.dispatch(event));
	}

}
