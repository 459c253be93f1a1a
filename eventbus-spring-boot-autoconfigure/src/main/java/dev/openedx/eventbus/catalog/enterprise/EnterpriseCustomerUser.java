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
