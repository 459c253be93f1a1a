package dev.openedx.eventbus.catalog.analytics;

import java.time.OffsetDateTime;

/**
 * Data related to tracking events. Mirrors openedx-events {@code analytics.TrackingLogData}.
 *
 * @since 0.1.0
 */
public record TrackingLogData(String name, OffsetDateTime timestamp, String data, String context) {

}
