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
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

/** Recognises an {@link OpenEdxEvent} published as an application event payload. */
final class OpenEdxEventPayloads {

	private OpenEdxEventPayloads() {
	}

	static boolean supports(ResolvableType eventType) {
		return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass()) && OpenEdxEvent.class
			.isAssignableFrom(eventType.as(PayloadApplicationEvent.class).getGeneric().toClass());
	}

	static @Nullable OpenEdxEvent<?> payload(ApplicationEvent event) {
		return (event instanceof PayloadApplicationEvent<?> payloadEvent
				&& payloadEvent.getPayload() instanceof OpenEdxEvent<?> openEdxEvent) ? openEdxEvent : null;
	}

}
