package dev.openedx.eventbus.catalog.enterprise;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Attributes of an {@code enterprise.LearnerCreditEnterpriseCourseEnrollment} record. Mirrors openedx-events
 * {@code enterprise.LearnerCreditEnterpriseCourseEnrollment}, fields of {@code BaseEnterpriseFulfillment} first.
 *
 * @since 0.1.0
 */
public record LearnerCreditEnterpriseCourseEnrollment(UUID uuid, OffsetDateTime created, OffsetDateTime modified,
		String fulfillmentType, boolean isRevoked, @Nullable UUID enterpriseCourseEntitlementUuid,
		@Nullable EnterpriseCourseEnrollment enterpriseCourseEnrollment, @Nullable UUID transactionId) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code enterpriseCourseEntitlementUuid},
	 * {@code enterpriseCourseEnrollment}, {@code transactionId}).
	 */
	public LearnerCreditEnterpriseCourseEnrollment(UUID uuid, OffsetDateTime created, OffsetDateTime modified,
			String fulfillmentType, boolean isRevoked) {
		this(uuid, created, modified, fulfillmentType, isRevoked, null, null, null);
	}

}
