package dev.openedx.eventbus.catalog.enterprise;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Data related to an Enterprise Course Enrollment object. Mirrors openedx-events
 * {@code enterprise.EnterpriseCourseEnrollment}.
 *
 * @since 0.1.0
 */
public record EnterpriseCourseEnrollment(long id, OffsetDateTime created, OffsetDateTime modified,
		EnterpriseCustomerUser enterpriseCustomerUser, CourseKey courseId, boolean savedForLater,
		@Nullable String sourceSlug, @Nullable Boolean unenrolled, @Nullable OffsetDateTime unenrolledAt) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code sourceSlug}, {@code unenrolled},
	 * {@code unenrolledAt}).
	 */
	public EnterpriseCourseEnrollment(long id, OffsetDateTime created, OffsetDateTime modified,
			EnterpriseCustomerUser enterpriseCustomerUser, CourseKey courseId, boolean savedForLater) {
		this(id, created, modified, enterpriseCustomerUser, courseId, savedForLater, null, null, null);
	}

}
