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
package dev.openedx.eventbus.publish;

import dev.openedx.eventbus.event.OpenEdxEvent;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * An application listener of {@link OpenEdxEvent}s published as payloads ({@code publisher.publishEvent(event)}):
 * Spring asks {@link #supportsEventType} once per event type, so other application events never reach it.
 */
abstract class OpenEdxEventApplicationListener implements GenericApplicationListener {

	@Override
	public final boolean supportsEventType(ResolvableType eventType) {
		return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass()) && OpenEdxEvent.class
			.isAssignableFrom(eventType.as(PayloadApplicationEvent.class).getGeneric().toClass());
	}

	@Override
	public final void onApplicationEvent(ApplicationEvent applicationEvent) {
		if (applicationEvent instanceof PayloadApplicationEvent<?> payloadEvent
				&& payloadEvent.getPayload() instanceof OpenEdxEvent<?> event) {
			onOpenEdxEvent(event);
		}
	}

	/**
	 * Handle a published event.
	 * @param event the event, never {@code null}
	 */
	abstract void onOpenEdxEvent(OpenEdxEvent<?> event);

}
