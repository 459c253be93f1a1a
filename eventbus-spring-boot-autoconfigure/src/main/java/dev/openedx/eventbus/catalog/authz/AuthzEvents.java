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

package dev.openedx.eventbus.catalog.authz;

import java.util.List;

import dev.openedx.eventbus.event.EventType;

/**
 * The authorization event types of openedx-events 11.2.0 ({@code openedx_events/authz/signals.py}): one constant per
 * {@code OpenEdxPublicSignal}, named as the signal, in the order the module declares them. {@link Types} has the event
 * type strings as compile-time constants, for annotations.
 * <pre class="code">
 * publisher.publishEvent(AuthzEvents.ROLE_ASSIGNMENT_CREATED.event(assignment));
 *
 * &#64;OpenEdxEventListener(AuthzEvents.Types.ROLE_ASSIGNMENT_CREATED)
 * void on(RoleAssignmentData assignment) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
public final class AuthzEvents {

	/** Emitted when a role assignment is created in Open edX. */
	public static final EventType<RoleAssignmentData> ROLE_ASSIGNMENT_CREATED =
			EventType.of(Types.ROLE_ASSIGNMENT_CREATED, "role_assignment", RoleAssignmentData.class);

	/** Emitted when a role assignment is deleted in Open edX. */
	public static final EventType<RoleAssignmentData> ROLE_ASSIGNMENT_DELETED =
			EventType.of(Types.ROLE_ASSIGNMENT_DELETED, "role_assignment", RoleAssignmentData.class);

	private static final List<EventType<?>> ALL = List.of(
			ROLE_ASSIGNMENT_CREATED, ROLE_ASSIGNMENT_DELETED);

	private AuthzEvents() {
	}

	/**
	 * All authorization event types, in declaration order.
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

		/** Event type of {@link AuthzEvents#ROLE_ASSIGNMENT_CREATED}. */
		public static final String ROLE_ASSIGNMENT_CREATED = "org.openedx.authz.role_assignment.created";

		/** Event type of {@link AuthzEvents#ROLE_ASSIGNMENT_DELETED}. */
		public static final String ROLE_ASSIGNMENT_DELETED = "org.openedx.authz.role_assignment.deleted";

		private Types() {
		}

	}

}
