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

package dev.openedx.eventbus.kafka;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Kafka-specific settings of a {@link KafkaEventBusConsumer}.
 * <pre class="code">
 * KafkaConsumerOptions options = KafkaConsumerOptions.defaults()
 *         .withReplayFrom(KafkaConsumerOptions.parseReplayFrom("2026-01-08T06:46:22+00:00"));
 * </pre>
 *
 * @param startPosition where a group without committed offsets starts
 * @param replayFrom when set, the first time this worker is assigned a partition it moves to the first record with a
 * timestamp at or after this instant (or to the end when there is none), whatever the group had committed, then
 * consumes on from there; {@code null} to resume from the committed offsets
 * @since 0.1.0
 */
public record KafkaConsumerOptions(StartPosition startPosition, @Nullable Instant replayFrom) {

	public KafkaConsumerOptions {
		Objects.requireNonNull(startPosition, "startPosition must not be null");
	}

	/**
	 * Start new groups at the earliest offset, no replay.
	 * @return the options
	 */
	public static KafkaConsumerOptions defaults() {
		return new KafkaConsumerOptions(StartPosition.EARLIEST, null);
	}

	public KafkaConsumerOptions withStartPosition(StartPosition startPosition) {
		return new KafkaConsumerOptions(startPosition, this.replayFrom);
	}

	public KafkaConsumerOptions withReplayFrom(@Nullable Instant replayFrom) {
		return new KafkaConsumerOptions(this.startPosition, replayFrom);
	}

	/**
	 * Parse a replay time. It must carry its UTC offset: Python's {@code offset_time} silently reads a time without
	 * one in the local time zone of the process, which replays from a different moment on every machine.
	 * @param text an ISO-8601 date-time with offset, for example {@code 2026-01-08T06:46:22+00:00} or
	 * {@code 2026-01-08T06:46:22Z}
	 * @return the instant
	 * @throws IllegalArgumentException naming the text when it has no offset or is not a date-time
	 */
	public static Instant parseReplayFrom(String text) {
		Objects.requireNonNull(text, "text must not be null");
		String trimmed = text.strip();
		try {
			return OffsetDateTime.parse(trimmed).toInstant();
		}
		catch (DateTimeException ex) {
			if (isNaive(trimmed)) {
				throw new IllegalArgumentException("Replay time '" + text + "' has no UTC offset, so it does not name "
						+ "one moment (Python would read it in the local time zone); add the offset, for example "
						+ trimmed + "+00:00 or " + trimmed + "Z", ex);
			}
			throw new IllegalArgumentException("Replay time '" + text + "' is not an ISO-8601 date-time with offset "
					+ "such as 2026-01-08T06:46:22+00:00", ex);
		}
	}

	private static boolean isNaive(String text) {
		try {
			LocalDateTime.parse(text);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
