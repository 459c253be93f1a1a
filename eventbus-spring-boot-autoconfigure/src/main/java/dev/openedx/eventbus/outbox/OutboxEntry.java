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

package dev.openedx.eventbus.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event for one destination in the outbox, as the {@code eventbus} endpoint lists it (without its data).
 *
 * @param id the row id, in publication order
 * @param eventId the event id ({@code ce_id} / {@code id})
 * @param eventType the event type
 * @param destination the topic or stream, prefix applied
 * @param status where it stands
 * @param attempts how many sends failed so far
 * @param publishedAt when the publishing transaction stored it
 * @param lastAttemptAt when a send last failed, or {@code null}
 * @param lastError why the last send failed, or {@code null}
 * @since 0.1.0
 */
public record OutboxEntry(long id, UUID eventId, String eventType, String destination, OutboxStatus status,
		int attempts, Instant publishedAt, @Nullable Instant lastAttemptAt, @Nullable String lastError) {
}
