/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.openedx.eventbus.catalog.learning;

import java.util.List;

import dev.openedx.eventbus.event.EventType;

/**
 * The learning event types of openedx-events 11.2.0 ({@code openedx_events/learning/signals.py}): one constant per
 * {@code OpenEdxPublicSignal}, named as the signal, in the order the module declares them. {@link Types} has the event
 * type strings as compile-time constants, for annotations.
 * <pre class="code">
 * publisher.publishEvent(LearningEvents.COURSE_ENROLLMENT_CREATED.event(enrollment));
 *
 * &#64;OpenEdxEventListener(LearningEvents.Types.COURSE_ENROLLMENT_CREATED)
 * void on(CourseEnrollmentData enrollment) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
public final class LearningEvents {

	private static final String EXTERNAL_GRADER_REASON = "listed in openedx-events KNOWN_UNSERIALIZABLE_SIGNALS "
			+ "without a documented reason; there is no reference schema for it";

	/** Emitted when a user completes registration in Open edX. */
	public static final EventType<UserData> STUDENT_REGISTRATION_COMPLETED =
			EventType.of(Types.STUDENT_REGISTRATION_COMPLETED, "user", UserData.class);

	/** Emitted when a user logs in to Open edX. */
	public static final EventType<UserData> SESSION_LOGIN_COMPLETED =
			EventType.of(Types.SESSION_LOGIN_COMPLETED, "user", UserData.class);

	/** Emitted when the user enrolls in a course. */
	public static final EventType<CourseEnrollmentData> COURSE_ENROLLMENT_CREATED =
			EventType.of(Types.COURSE_ENROLLMENT_CREATED, "enrollment", CourseEnrollmentData.class);

	/** Emitted when the enrollment for a user in a course changes. */
	public static final EventType<CourseEnrollmentData> COURSE_ENROLLMENT_CHANGED =
			EventType.of(Types.COURSE_ENROLLMENT_CHANGED, "enrollment", CourseEnrollmentData.class);

	/** Emitted when the user unenrolls from a course. */
	public static final EventType<CourseEnrollmentData> COURSE_UNENROLLMENT_COMPLETED =
			EventType.of(Types.COURSE_UNENROLLMENT_COMPLETED, "enrollment", CourseEnrollmentData.class);

	/** Emitted when a certificate is created for a user. */
	public static final EventType<CertificateData> CERTIFICATE_CREATED =
			EventType.of(Types.CERTIFICATE_CREATED, "certificate", CertificateData.class);

	/** Emitted when a program certificate is awarded to a learner. */
	public static final EventType<ProgramCertificateData> PROGRAM_CERTIFICATE_AWARDED =
			EventType.of(Types.PROGRAM_CERTIFICATE_AWARDED, "program_certificate", ProgramCertificateData.class);

	/** Emitted when the user's certificate changes. */
	public static final EventType<CertificateData> CERTIFICATE_CHANGED =
			EventType.of(Types.CERTIFICATE_CHANGED, "certificate", CertificateData.class);

	/** Emitted when a certificate is revoked from a user. */
	public static final EventType<CertificateData> CERTIFICATE_REVOKED =
			EventType.of(Types.CERTIFICATE_REVOKED, "certificate", CertificateData.class);

	/** Emitted when a program certificate is revoked from a learner. */
	public static final EventType<ProgramCertificateData> PROGRAM_CERTIFICATE_REVOKED =
			EventType.of(Types.PROGRAM_CERTIFICATE_REVOKED, "program_certificate", ProgramCertificateData.class);

	/** Emitted when a user's cohort membership changes. */
	public static final EventType<CohortData> COHORT_MEMBERSHIP_CHANGED =
			EventType.of(Types.COHORT_MEMBERSHIP_CHANGED, "cohort", CohortData.class);

	/** Emitted when the configuration for a course's discussions changes in the course. */
	public static final EventType<CourseDiscussionConfigurationData> COURSE_DISCUSSIONS_CHANGED =
			EventType.of(Types.COURSE_DISCUSSIONS_CHANGED, "configuration", CourseDiscussionConfigurationData.class);

	/** Emitted when a course's persistent grade summary changes for a user. */
	public static final EventType<PersistentCourseGradeData> PERSISTENT_GRADE_SUMMARY_CHANGED =
			EventType.of(Types.PERSISTENT_GRADE_SUMMARY_CHANGED, "grade", PersistentCourseGradeData.class);

	/** Emitted when an XBlock skill is verified. */
	public static final EventType<XBlockSkillVerificationData> XBLOCK_SKILL_VERIFIED =
			EventType.of(Types.XBLOCK_SKILL_VERIFIED, "xblock_info", XBlockSkillVerificationData.class);

	/** Can be emitted from apps to send user notifications. */
	public static final EventType<UserNotificationData> USER_NOTIFICATION_REQUESTED =
			EventType.of(Types.USER_NOTIFICATION_REQUESTED, "notification_data", UserNotificationData.class);

	/** Emitted when an exam attempt is submitted by a learner in edx-exams. */
	public static final EventType<ExamAttemptData> EXAM_ATTEMPT_SUBMITTED =
			EventType.of(Types.EXAM_ATTEMPT_SUBMITTED, "exam_attempt", ExamAttemptData.class);

	/** Emitted when an exam attempt is marked rejected in edx-exams. */
	public static final EventType<ExamAttemptData> EXAM_ATTEMPT_REJECTED =
			EventType.of(Types.EXAM_ATTEMPT_REJECTED, "exam_attempt", ExamAttemptData.class);

	/** Emitted when an exam attempt is marked verified in edx-exams. */
	public static final EventType<ExamAttemptData> EXAM_ATTEMPT_VERIFIED =
			EventType.of(Types.EXAM_ATTEMPT_VERIFIED, "exam_attempt", ExamAttemptData.class);

	/** Emitted when a learner's exam attempt errors out in edx-exams. */
	public static final EventType<ExamAttemptData> EXAM_ATTEMPT_ERRORED =
			EventType.of(Types.EXAM_ATTEMPT_ERRORED, "exam_attempt", ExamAttemptData.class);

	/** Emitted when an exam attempt is reset in edx-exams. */
	public static final EventType<ExamAttemptData> EXAM_ATTEMPT_RESET =
			EventType.of(Types.EXAM_ATTEMPT_RESET, "exam_attempt", ExamAttemptData.class);

	/** Emitted when a user is given a course access role. */
	public static final EventType<CourseAccessRoleData> COURSE_ACCESS_ROLE_ADDED =
			EventType.of(Types.COURSE_ACCESS_ROLE_ADDED, "course_access_role_data", CourseAccessRoleData.class);

	/** Emitted when a course access role is removed from a user. */
	public static final EventType<CourseAccessRoleData> COURSE_ACCESS_ROLE_REMOVED =
			EventType.of(Types.COURSE_ACCESS_ROLE_REMOVED, "course_access_role_data", CourseAccessRoleData.class);

	/** Emitted when a new thread is created in a discussion. */
	public static final EventType<DiscussionThreadData> FORUM_THREAD_CREATED =
			EventType.of(Types.FORUM_THREAD_CREATED, "thread", DiscussionThreadData.class);

	/** Emitted when a new response is added to a thread. */
	public static final EventType<DiscussionThreadData> FORUM_THREAD_RESPONSE_CREATED =
			EventType.of(Types.FORUM_THREAD_RESPONSE_CREATED, "thread", DiscussionThreadData.class);

	/** Emitted when a new comment is added to a response. */
	public static final EventType<DiscussionThreadData> FORUM_RESPONSE_COMMENT_CREATED =
			EventType.of(Types.FORUM_RESPONSE_COMMENT_CREATED, "thread", DiscussionThreadData.class);

	/** Emitted when a notification is requested for a course. */
	public static final EventType<CourseNotificationData> COURSE_NOTIFICATION_REQUESTED =
			EventType.of(Types.COURSE_NOTIFICATION_REQUESTED, "course_notification_data", CourseNotificationData.class);

	/** Emitted when a user submits an ORA assignment. */
	public static final EventType<ORASubmissionData> ORA_SUBMISSION_CREATED =
			EventType.of(Types.ORA_SUBMISSION_CREATED, "submission", ORASubmissionData.class);

	/** Emitted when course grade updates. */
	public static final EventType<CoursePassingStatusData> COURSE_PASSING_STATUS_UPDATED =
			EventType.of(Types.COURSE_PASSING_STATUS_UPDATED, "course_passing_status", CoursePassingStatusData.class);

	/** Emitted when a CCX course grade updates. */
	public static final EventType<CcxCoursePassingStatusData> CCX_COURSE_PASSING_STATUS_UPDATED =
			EventType.of(Types.CCX_COURSE_PASSING_STATUS_UPDATED, "course_passing_status",
					CcxCoursePassingStatusData.class);

	/** Emitted when a badge is awarded to a learner. */
	public static final EventType<BadgeData> BADGE_AWARDED =
			EventType.of(Types.BADGE_AWARDED, "badge", BadgeData.class);

	/** Emitted when a badge is revoked for a learner. */
	public static final EventType<BadgeData> BADGE_REVOKED =
			EventType.of(Types.BADGE_REVOKED, "badge", BadgeData.class);

	/** Emitted when an IDV attempt is created. */
	public static final EventType<VerificationAttemptData> IDV_ATTEMPT_CREATED =
			EventType.of(Types.IDV_ATTEMPT_CREATED, "idv_attempt", VerificationAttemptData.class);

	/** Emitted when an IDV attempt is marked as pending. */
	public static final EventType<VerificationAttemptData> IDV_ATTEMPT_PENDING =
			EventType.of(Types.IDV_ATTEMPT_PENDING, "idv_attempt", VerificationAttemptData.class);

	/** Emitted when an IDV attempt is approved. */
	public static final EventType<VerificationAttemptData> IDV_ATTEMPT_APPROVED =
			EventType.of(Types.IDV_ATTEMPT_APPROVED, "idv_attempt", VerificationAttemptData.class);

	/** Emitted when an IDV attempt is denied. */
	public static final EventType<VerificationAttemptData> IDV_ATTEMPT_DENIED =
			EventType.of(Types.IDV_ATTEMPT_DENIED, "idv_attempt", VerificationAttemptData.class);

	/**
	 * Emitted when an external grader provides a score for a submission. Cannot travel on the event bus
	 * (openedx-events {@code KNOWN_UNSERIALIZABLE_SIGNALS}).
	 */
	public static final EventType<ExternalGraderScoreData> EXTERNAL_GRADER_SCORE_SUBMITTED =
			EventType.unserializable(Types.EXTERNAL_GRADER_SCORE_SUBMITTED, "score",
					ExternalGraderScoreData.class, EXTERNAL_GRADER_REASON);

	/** Emitted when a student accesses learning content via LTI. */
	public static final EventType<LtiProviderLaunchData> LTI_PROVIDER_LAUNCH_SUCCESS =
			EventType.of(Types.LTI_PROVIDER_LAUNCH_SUCCESS, "launch_data", LtiProviderLaunchData.class);

	private static final List<EventType<?>> ALL = List.of(
			STUDENT_REGISTRATION_COMPLETED, SESSION_LOGIN_COMPLETED, COURSE_ENROLLMENT_CREATED,
			COURSE_ENROLLMENT_CHANGED, COURSE_UNENROLLMENT_COMPLETED, CERTIFICATE_CREATED,
			PROGRAM_CERTIFICATE_AWARDED, CERTIFICATE_CHANGED, CERTIFICATE_REVOKED, PROGRAM_CERTIFICATE_REVOKED,
			COHORT_MEMBERSHIP_CHANGED, COURSE_DISCUSSIONS_CHANGED, PERSISTENT_GRADE_SUMMARY_CHANGED,
			XBLOCK_SKILL_VERIFIED, USER_NOTIFICATION_REQUESTED, EXAM_ATTEMPT_SUBMITTED, EXAM_ATTEMPT_REJECTED,
			EXAM_ATTEMPT_VERIFIED, EXAM_ATTEMPT_ERRORED, EXAM_ATTEMPT_RESET, COURSE_ACCESS_ROLE_ADDED,
			COURSE_ACCESS_ROLE_REMOVED, FORUM_THREAD_CREATED, FORUM_THREAD_RESPONSE_CREATED,
			FORUM_RESPONSE_COMMENT_CREATED, COURSE_NOTIFICATION_REQUESTED, ORA_SUBMISSION_CREATED,
			COURSE_PASSING_STATUS_UPDATED, CCX_COURSE_PASSING_STATUS_UPDATED, BADGE_AWARDED, BADGE_REVOKED,
			IDV_ATTEMPT_CREATED, IDV_ATTEMPT_PENDING, IDV_ATTEMPT_APPROVED, IDV_ATTEMPT_DENIED,
			EXTERNAL_GRADER_SCORE_SUBMITTED, LTI_PROVIDER_LAUNCH_SUCCESS);

	private LearningEvents() {
	}

	/**
	 * All learning event types, in declaration order.
	 * @return the event types, never {@code null}
	 */
	public static List<EventType<?>> all() {
		return ALL;
	}

	/**
	 * The event type strings, as compile-time constants for annotations such as
	 * {@code @OpenEdxEventListener}.
	 */
	public static final class Types {

		/** Event type of {@link LearningEvents#STUDENT_REGISTRATION_COMPLETED}. */
		public static final String STUDENT_REGISTRATION_COMPLETED =
				"org.openedx.learning.student.registration.completed.v1";

		/** Event type of {@link LearningEvents#SESSION_LOGIN_COMPLETED}. */
		public static final String SESSION_LOGIN_COMPLETED = "org.openedx.learning.auth.session.login.completed.v1";

		/** Event type of {@link LearningEvents#COURSE_ENROLLMENT_CREATED}. */
		public static final String COURSE_ENROLLMENT_CREATED = "org.openedx.learning.course.enrollment.created.v1";

		/** Event type of {@link LearningEvents#COURSE_ENROLLMENT_CHANGED}. */
		public static final String COURSE_ENROLLMENT_CHANGED = "org.openedx.learning.course.enrollment.changed.v1";

		/** Event type of {@link LearningEvents#COURSE_UNENROLLMENT_COMPLETED}. */
		public static final String COURSE_UNENROLLMENT_COMPLETED =
				"org.openedx.learning.course.unenrollment.completed.v1";

		/** Event type of {@link LearningEvents#CERTIFICATE_CREATED}. */
		public static final String CERTIFICATE_CREATED = "org.openedx.learning.certificate.created.v1";

		/** Event type of {@link LearningEvents#PROGRAM_CERTIFICATE_AWARDED}. */
		public static final String PROGRAM_CERTIFICATE_AWARDED = "org.openedx.learning.program.certificate.awarded.v1";

		/** Event type of {@link LearningEvents#CERTIFICATE_CHANGED}. */
		public static final String CERTIFICATE_CHANGED = "org.openedx.learning.certificate.changed.v1";

		/** Event type of {@link LearningEvents#CERTIFICATE_REVOKED}. */
		public static final String CERTIFICATE_REVOKED = "org.openedx.learning.certificate.revoked.v1";

		/** Event type of {@link LearningEvents#PROGRAM_CERTIFICATE_REVOKED}. */
		public static final String PROGRAM_CERTIFICATE_REVOKED = "org.openedx.learning.program.certificate.revoked.v1";

		/** Event type of {@link LearningEvents#COHORT_MEMBERSHIP_CHANGED}. */
		public static final String COHORT_MEMBERSHIP_CHANGED = "org.openedx.learning.cohort_membership.changed.v1";

		/** Event type of {@link LearningEvents#COURSE_DISCUSSIONS_CHANGED}. */
		public static final String COURSE_DISCUSSIONS_CHANGED =
				"org.openedx.learning.discussions.configuration.changed.v1";

		/** Event type of {@link LearningEvents#PERSISTENT_GRADE_SUMMARY_CHANGED}. */
		public static final String PERSISTENT_GRADE_SUMMARY_CHANGED =
				"org.openedx.learning.course.persistent_grade_summary.changed.v1";

		/** Event type of {@link LearningEvents#XBLOCK_SKILL_VERIFIED}. */
		public static final String XBLOCK_SKILL_VERIFIED = "org.openedx.learning.xblock.skill.verified.v1";

		/** Event type of {@link LearningEvents#USER_NOTIFICATION_REQUESTED}. */
		public static final String USER_NOTIFICATION_REQUESTED = "org.openedx.learning.user.notification.requested.v1";

		/** Event type of {@link LearningEvents#EXAM_ATTEMPT_SUBMITTED}. */
		public static final String EXAM_ATTEMPT_SUBMITTED = "org.openedx.learning.exam.attempt.submitted.v1";

		/** Event type of {@link LearningEvents#EXAM_ATTEMPT_REJECTED}. */
		public static final String EXAM_ATTEMPT_REJECTED = "org.openedx.learning.exam.attempt.rejected.v1";

		/** Event type of {@link LearningEvents#EXAM_ATTEMPT_VERIFIED}. */
		public static final String EXAM_ATTEMPT_VERIFIED = "org.openedx.learning.exam.attempt.verified.v1";

		/** Event type of {@link LearningEvents#EXAM_ATTEMPT_ERRORED}. */
		public static final String EXAM_ATTEMPT_ERRORED = "org.openedx.learning.exam.attempt.errored.v1";

		/** Event type of {@link LearningEvents#EXAM_ATTEMPT_RESET}. */
		public static final String EXAM_ATTEMPT_RESET = "org.openedx.learning.exam.attempt.reset.v1";

		/** Event type of {@link LearningEvents#COURSE_ACCESS_ROLE_ADDED}. */
		public static final String COURSE_ACCESS_ROLE_ADDED = "org.openedx.learning.user.course_access_role.added.v1";

		/** Event type of {@link LearningEvents#COURSE_ACCESS_ROLE_REMOVED}. */
		public static final String COURSE_ACCESS_ROLE_REMOVED =
				"org.openedx.learning.user.course_access_role.removed.v1";

		/** Event type of {@link LearningEvents#FORUM_THREAD_CREATED}. */
		public static final String FORUM_THREAD_CREATED = "org.openedx.learning.forum.thread.created.v1";

		/** Event type of {@link LearningEvents#FORUM_THREAD_RESPONSE_CREATED}. */
		public static final String FORUM_THREAD_RESPONSE_CREATED =
				"org.openedx.learning.forum.thread.response.created.v1";

		/** Event type of {@link LearningEvents#FORUM_RESPONSE_COMMENT_CREATED}. */
		public static final String FORUM_RESPONSE_COMMENT_CREATED =
				"org.openedx.learning.forum.thread.response.comment.created.v1";

		/** Event type of {@link LearningEvents#COURSE_NOTIFICATION_REQUESTED}. */
		public static final String COURSE_NOTIFICATION_REQUESTED =
				"org.openedx.learning.course.notification.requested.v1";

		/** Event type of {@link LearningEvents#ORA_SUBMISSION_CREATED}. */
		public static final String ORA_SUBMISSION_CREATED = "org.openedx.learning.ora.submission.created.v1";

		/** Event type of {@link LearningEvents#COURSE_PASSING_STATUS_UPDATED}. */
		public static final String COURSE_PASSING_STATUS_UPDATED =
				"org.openedx.learning.course.passing.status.updated.v1";

		/** Event type of {@link LearningEvents#CCX_COURSE_PASSING_STATUS_UPDATED}. */
		public static final String CCX_COURSE_PASSING_STATUS_UPDATED =
				"org.openedx.learning.ccx.course.passing.status.updated.v1";

		/** Event type of {@link LearningEvents#BADGE_AWARDED}. */
		public static final String BADGE_AWARDED = "org.openedx.learning.badge.awarded.v1";

		/** Event type of {@link LearningEvents#BADGE_REVOKED}. */
		public static final String BADGE_REVOKED = "org.openedx.learning.badge.revoked.v1";

		/** Event type of {@link LearningEvents#IDV_ATTEMPT_CREATED}. */
		public static final String IDV_ATTEMPT_CREATED = "org.openedx.learning.idv_attempt.created.v1";

		/** Event type of {@link LearningEvents#IDV_ATTEMPT_PENDING}. */
		public static final String IDV_ATTEMPT_PENDING = "org.openedx.learning.idv_attempt.pending.v1";

		/** Event type of {@link LearningEvents#IDV_ATTEMPT_APPROVED}. */
		public static final String IDV_ATTEMPT_APPROVED = "org.openedx.learning.idv_attempt.approved.v1";

		/** Event type of {@link LearningEvents#IDV_ATTEMPT_DENIED}. */
		public static final String IDV_ATTEMPT_DENIED = "org.openedx.learning.idv_attempt.denied.v1";

		/** Event type of {@link LearningEvents#EXTERNAL_GRADER_SCORE_SUBMITTED}. */
		public static final String EXTERNAL_GRADER_SCORE_SUBMITTED =
				"org.openedx.learning.external_grader.score.submitted.v1";

		/** Event type of {@link LearningEvents#LTI_PROVIDER_LAUNCH_SUCCESS}. */
		public static final String LTI_PROVIDER_LAUNCH_SUCCESS = "org.openedx.learning.lti_provider.launch.success.v1";

		private Types() {
		}

	}

}
