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
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One dead letter a replay selected, and what became of it.
 *
 * @param id its id in the dead-letter topic or stream: Kafka {@code partition@offset}, Redis the entry id
 * @param eventId the event id it carries ({@code ce_id}, {@code id}), or {@code null}
 * @param eventType the event type it carries ({@code ce_type}, {@code type}), or {@code null}
 * @param group the consumer group that dead-lettered it, or {@code null}
 * @param failureKind why it was dead-lettered (a {@link FailureKind#tag()}), or {@code null}
 * @param time when its original message was written
 * @param outcome what the replay did with it
 * @param replayedTo where it was written: {@code topic-partition@offset} or {@code stream@entry-id}; or {@code null}
 * when it was not written by this run
 * @since 0.2.0
 */
public record ReplayedDeadLetter(String id, @Nullable String eventId, @Nullable String eventType,
		@Nullable String group, @Nullable String failureKind, Instant time, Outcome outcome,
		@Nullable String replayedTo) {

	public ReplayedDeadLetter {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(time, "time must not be null");
		Objects.requireNonNull(outcome, "outcome must not be null");
	}

	/**
	 * What a replay did with a dead letter.
	 */
	public enum Outcome {

		/** Published back to its topic or stream, and recorded as replayed. */
		REPLAYED,

		/** A dry run: it would have been replayed. */
		WOULD_REPLAY,

		/** Replayed by an earlier run, so skipped (force replays it again). */
		ALREADY_REPLAYED,

		/**
		 * It cannot be replayed as it is: its value was cut to fit the dead-letter topic, or nothing is left once the
		 * dead-letter fields are removed.
		 */
		NOT_REPLAYABLE;

		/**
		 * The name in logs, JSON and the endpoint.
		 * @return for example {@code already_replayed}
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
