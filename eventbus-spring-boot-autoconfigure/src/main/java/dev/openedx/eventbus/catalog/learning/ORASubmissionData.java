package dev.openedx.eventbus.catalog.learning;

import java.time.OffsetDateTime;

/**
 * Data associated to the ORA assessment submitted by a user. Mirrors openedx-events
 * {@code learning.ORASubmissionData}.
 *
 * @since 0.1.0
 */
public record ORASubmissionData(String uuid, String anonymousUserId, String location, long attemptNumber,
		OffsetDateTime createdAt, OffsetDateTime submittedAt, ORASubmissionAnswer answer) {

}
