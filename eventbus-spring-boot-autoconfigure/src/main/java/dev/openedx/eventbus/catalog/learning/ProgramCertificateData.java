package dev.openedx.eventbus.catalog.learning;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Data related to a Program Certificate object. Mirrors openedx-events {@code learning.ProgramCertificateData}.
 *
 * @since 0.1.0
 */
public record ProgramCertificateData(UserData user, ProgramData program, String uuid, String status, String url,
		@Nullable OffsetDateTime certificateAvailableDate) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code certificateAvailableDate}).
	 */
	public ProgramCertificateData(UserData user, ProgramData program, String uuid, String status, String url) {
		this(user, program, uuid, status, url, null);
	}

}
