package dev.openedx.eventbus.catalog.enterprise;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Data related to an Enterprise Customer User object. Mirrors openedx-events
 * {@code enterprise.EnterpriseCustomerUser}.
 *
 * @since 0.1.0
 */
public record EnterpriseCustomerUser(long id, OffsetDateTime created, OffsetDateTime modified,
		UUID enterpriseCustomerUuid, long userId, boolean active, boolean linked, boolean isRelinkable,
		boolean shouldInactivateOtherCustomers, @Nullable UUID inviteKey) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code inviteKey}).
	 */
	public EnterpriseCustomerUser(long id, OffsetDateTime created, OffsetDateTime modified,
			UUID enterpriseCustomerUuid, long userId, boolean active, boolean linked, boolean isRelinkable,
			boolean shouldInactivateOtherCustomers) {
		this(id, created, modified, enterpriseCustomerUuid, userId, active, linked, isRelinkable,
				shouldInactivateOtherCustomers, null);
	}

}
