package dev.openedx.eventbus.catalog.learning;

/**
 * Data related to a user object that contains personal information (PII). Mirrors openedx-events
 * {@code learning.UserPersonalData}.
 *
 * @since 0.1.0
 */
public record UserPersonalData(String username, String email, String name) {

	/**
	 * Create with the Python defaults for the other fields (empty: {@code name}).
	 */
	public UserPersonalData(String username, String email) {
		this(username, email, "");
	}

}
