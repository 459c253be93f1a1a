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

package dev.openedx.eventbus.consumer;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which dead letters of a topic or stream to replay, and how.
 *
 * @param destination the original topic or stream, full name (prefix applied); its dead letters are read from the
 * transport's dead-letter topic or stream
 * @param ids the dead letters to replay, by id (Kafka {@code partition@offset} in the dead-letter topic, Redis entry
 * id in the dead-letter stream) or by event id ({@code ce_id} header, {@code id} field); empty for every one
 * @param since only dead letters whose original message was written at or after this time, or {@code null}
 * @param until only dead letters whose original message was written before this time, or {@code null}
 * @param group only dead letters this consumer group wrote, or {@code null} for every group's
 * @param dryRun list what would be replayed, send nothing
 * @param force replay dead letters that were replayed before too
 * @since 0.2.0
 */
public record DeadLetterReplayRequest(String destination, Set<String> ids, @Nullable Instant since,
		@Nullable Instant until, @Nullable String group, boolean dryRun, boolean force) {

	public DeadLetterReplayRequest {
		Objects.requireNonNull(destination, "destination must not be null");
		ids = Set.copyOf(ids);
		if (since != null && until != null && !since.isBefore(until)) {
			throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
		}
	}

	/**
	 * Every dead letter of a topic or stream, not replayed before.
	 * @param destination the full topic or stream name
	 * @return the request
	 */
	public static DeadLetterReplayRequest all(String destination) {
		return new DeadLetterReplayRequest(destination, Set.of(), null, null, null, false, false);
	}

	/**
	 * Whether a dead letter is selected by the ids, the time range and the group.
	 * @param id the dead letter's id in its topic or stream
	 * @param eventId the event id it carries, or {@code null}
	 * @param time when its original message was written
	 * @param writtenBy the group that dead-lettered it, or {@code null} when unknown
	 * @return whether to replay it
	 */
	public boolean selects(String id, @Nullable String eventId, Instant time, @Nullable String writtenBy) {
		if (!this.ids.isEmpty() && !this.ids.contains(id) && (eventId == null || !this.ids.contains(eventId))) {
			return false;
		}
		if (this.since != null && time.isBefore(this.since)) {
			return false;
		}
		if (this.until != null && !time.isBefore(this.until)) {
			return false;
		}
		return this.group == null || this.group.equals(writtenBy);
	}

}
