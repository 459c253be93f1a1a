package dev.openedx.eventbus.event;

import java.util.UUID;

/**
 * What the broker said when it accepted an event.
 *
 * @param transport {@code kafka} or {@code redis}
 * @param destination the full (prefixed) topic or stream name
 * @param position where the event landed: {@code partition@offset} on Kafka, the entry id on Redis
 * @param eventId the event id ({@code ce_id} / {@code id})
 * @since 0.1.0
 */
public record SendReceipt(String transport, String destination, String position, UUID eventId) {

	@Override
	public String toString() {
		return this.transport + ":" + this.destination + "@" + this.position + " id=" + this.eventId;
	}

}
