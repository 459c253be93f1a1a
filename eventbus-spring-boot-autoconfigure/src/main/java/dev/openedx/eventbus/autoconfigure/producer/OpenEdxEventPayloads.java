package dev.openedx.eventbus.autoconfigure.producer;

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
