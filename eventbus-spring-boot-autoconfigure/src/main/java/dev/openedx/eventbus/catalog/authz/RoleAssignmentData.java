package dev.openedx.eventbus.catalog.authz;

import org.jspecify.annotations.Nullable;

/**
 * Data related to a specific role assignment. Mirrors openedx-events {@code authz.RoleAssignmentData}.
 *
 * @since 0.1.0
 */
public record RoleAssignmentData(String operation, String subject, String role, String scope,
		@Nullable Long actorId) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code actorId}).
	 */
	public RoleAssignmentData(String operation, String subject, String role, String scope) {
		this(operation, subject, role, scope, null);
	}

}
