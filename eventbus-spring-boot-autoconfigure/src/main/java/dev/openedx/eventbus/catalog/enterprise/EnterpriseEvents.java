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

package dev.openedx.eventbus.catalog.enterprise;

import java.util.List;

import dev.openedx.eventbus.event.EventType;

/**
 * The enterprise event types of openedx-events 11.2.0 ({@code openedx_events/enterprise/signals.py}): one constant per
 * {@code OpenEdxPublicSignal}, named as the signal, in the order the module declares them. {@link Types} has the event
 * type strings as compile-time constants, for annotations.
 * <pre class="code">
 * publisher.publishEvent(EnterpriseEvents.LEDGER_TRANSACTION_CREATED.event(transaction));
 *
 * &#64;OpenEdxEventListener(EnterpriseEvents.Types.LEDGER_TRANSACTION_CREATED)
 * void on(LedgerTransaction transaction) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
public final class EnterpriseEvents {

	/** Emitted when an enterprise subsidy is utilized. */
	public static final EventType<SubsidyRedemption> SUBSIDY_REDEEMED =
			EventType.of(Types.SUBSIDY_REDEEMED, "redemption", SubsidyRedemption.class);

	/** Emitted when an enterprise subsidy is reversed. */
	public static final EventType<SubsidyRedemption> SUBSIDY_REDEMPTION_REVERSED =
			EventType.of(Types.SUBSIDY_REDEMPTION_REVERSED, "redemption", SubsidyRedemption.class);

	/** Emitted when an enterprise ledger transaction is created. */
	public static final EventType<LedgerTransaction> LEDGER_TRANSACTION_CREATED =
			EventType.of(Types.LEDGER_TRANSACTION_CREATED, "ledger_transaction", LedgerTransaction.class);

	/** Emitted when an enterprise ledger transaction is committed. */
	public static final EventType<LedgerTransaction> LEDGER_TRANSACTION_COMMITTED =
			EventType.of(Types.LEDGER_TRANSACTION_COMMITTED, "ledger_transaction", LedgerTransaction.class);

	/** Emitted when an enterprise ledger transaction fails. */
	public static final EventType<LedgerTransaction> LEDGER_TRANSACTION_FAILED =
			EventType.of(Types.LEDGER_TRANSACTION_FAILED, "ledger_transaction", LedgerTransaction.class);

	/** Emitted when an enterprise ledger transaction is reversed. */
	public static final EventType<LedgerTransaction> LEDGER_TRANSACTION_REVERSED =
			EventType.of(Types.LEDGER_TRANSACTION_REVERSED, "ledger_transaction", LedgerTransaction.class);

	/** Emitted when a LearnerCreditEnterpriseCourseEnrollment is revoked. */
	public static final EventType<LearnerCreditEnterpriseCourseEnrollment> LEARNER_CREDIT_COURSE_ENROLLMENT_REVOKED =
			EventType.of(Types.LEARNER_CREDIT_COURSE_ENROLLMENT_REVOKED, "learner_credit_course_enrollment",
					LearnerCreditEnterpriseCourseEnrollment.class);

	/** Emitted when an EnterpriseGroup is deleted. */
	public static final EventType<EnterpriseGroup> ENTERPRISE_GROUP_DELETED =
			EventType.of(Types.ENTERPRISE_GROUP_DELETED, "enterprise_group", EnterpriseGroup.class);

	private static final List<EventType<?>> ALL = List.of(
			SUBSIDY_REDEEMED, SUBSIDY_REDEMPTION_REVERSED, LEDGER_TRANSACTION_CREATED, LEDGER_TRANSACTION_COMMITTED,
			LEDGER_TRANSACTION_FAILED, LEDGER_TRANSACTION_REVERSED, LEARNER_CREDIT_COURSE_ENROLLMENT_REVOKED,
			ENTERPRISE_GROUP_DELETED);

	private EnterpriseEvents() {
	}

	/**
	 * All enterprise event types, in declaration order.
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

		/** Event type of {@link EnterpriseEvents#SUBSIDY_REDEEMED}. */
		public static final String SUBSIDY_REDEEMED = "org.openedx.enterprise.subsidy.redeemed.v1";

		/** Event type of {@link EnterpriseEvents#SUBSIDY_REDEMPTION_REVERSED}. */
		public static final String SUBSIDY_REDEMPTION_REVERSED =
				"org.openedx.enterprise.subsidy.redemption-reversed.v1";

		/** Event type of {@link EnterpriseEvents#LEDGER_TRANSACTION_CREATED}. */
		public static final String LEDGER_TRANSACTION_CREATED =
				"org.openedx.enterprise.subsidy_ledger_transaction.created.v1";

		/** Event type of {@link EnterpriseEvents#LEDGER_TRANSACTION_COMMITTED}. */
		public static final String LEDGER_TRANSACTION_COMMITTED =
				"org.openedx.enterprise.subsidy_ledger_transaction.committed.v1";

		/** Event type of {@link EnterpriseEvents#LEDGER_TRANSACTION_FAILED}. */
		public static final String LEDGER_TRANSACTION_FAILED =
				"org.openedx.enterprise.subsidy_ledger_transaction.failed.v1";

		/** Event type of {@link EnterpriseEvents#LEDGER_TRANSACTION_REVERSED}. */
		public static final String LEDGER_TRANSACTION_REVERSED =
				"org.openedx.enterprise.subsidy_ledger_transaction.reversed.v1";

		/** Event type of {@link EnterpriseEvents#LEARNER_CREDIT_COURSE_ENROLLMENT_REVOKED}. */
		public static final String LEARNER_CREDIT_COURSE_ENROLLMENT_REVOKED =
				"org.openedx.enterprise.learner_credit_course_enrollment.revoked.v1";

		/** Event type of {@link EnterpriseEvents#ENTERPRISE_GROUP_DELETED}. */
		public static final String ENTERPRISE_GROUP_DELETED = "org.openedx.enterprise.enterprise_group.deleted.v1";

		private Types() {
		}

	}

}
