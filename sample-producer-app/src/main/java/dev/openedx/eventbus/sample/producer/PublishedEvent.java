package dev.openedx.eventbus.sample.producer;

import dev.openedx.eventbus.event.EventsMetadata;
import dev.openedx.eventbus.event.OpenEdxEvent;

/**
 * What the service answers once it published an event: the event's identity, as the consumers will see it.
 *
 * @param id the event id ({@code ce_id} / {@code id} on the wire)
 * @param type the event type
 * @param source the source, {@code openedx/lms/web}
 * @param time when the event happened, as Python's {@code isoformat()} writes it
 * @since 0.1.0
 */
record PublishedEvent(String id, String type, String source, String time) {

	static PublishedEvent of(OpenEdxEvent<?> event) {
		EventsMetadata metadata = event.metadata();
		return new PublishedEvent(metadata.id().toString(), metadata.eventType(), metadata.source(),
				metadata.timeText());
	}

}
