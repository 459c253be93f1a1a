package dev.openedx.eventbus.catalog.learning;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Data related to a IDV attempt object. Mirrors openedx-events {@code learning.VerificationAttemptData}.
 *
 * @since 0.1.0
 */
public record VerificationAttemptData(long attemptId, UserData user, String status, @Nullable String name,
		@Nullable OffsetDateTime expirationDate) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code name}, {@code expirationDate}).
	 */
	public VerificationAttemptData(long attemptId, UserData user, String status) {
		this(attemptId, user, status, null, null);
	}

}
