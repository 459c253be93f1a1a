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

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.openedx.eventbus.event.key.CourseKey;

/**
 * Attributes of an {@code openedx_ledger.Transaction} record. Mirrors openedx-events
 * {@code enterprise.LedgerTransaction}, fields of {@code BaseLedgerTransaction} first.
 *
 * @since 0.1.0
 */
public record LedgerTransaction(UUID uuid, OffsetDateTime created, OffsetDateTime modified, String idempotencyKey,
		long quantity, String state, UUID ledgerUuid, UUID subsidyAccessPolicyUuid, long lmsUserId,
		CourseKey contentKey, @Nullable String parentContentKey, @Nullable String fulfillmentIdentifier,
		@Nullable LedgerTransactionReversal reversal) {

	/**
	 * Create with the Python defaults for the other fields (null: {@code parentContentKey},
	 * {@code fulfillmentIdentifier}, {@code reversal}).
	 */
	public LedgerTransaction(UUID uuid, OffsetDateTime created, OffsetDateTime modified, String idempotencyKey,
			long quantity, String state, UUID ledgerUuid, UUID subsidyAccessPolicyUuid, long lmsUserId,
			CourseKey contentKey) {
		this(uuid, created, modified, idempotencyKey, quantity, state, ledgerUuid, subsidyAccessPolicyUuid,
				lmsUserId, contentKey, null, null, null);
	}

}
