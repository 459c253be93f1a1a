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

package dev.openedx.eventbus.command;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The parsed arguments of one command.
 *
 * @since 0.1.0
 */
public sealed interface CommandArguments {

	/**
	 * The command these arguments are for.
	 * @return the command
	 */
	EventBusCommand command();

	/**
	 * Arguments of {@code consume-events}.
	 *
	 * @param topic the topic or stream without prefix
	 * @param groupId the consumer group
	 * @param eventTypes the event types to hand to the listeners; empty for all
	 * @param extra the {@code --extra} object, keys as Python spells them
	 * @param maxEvents stop after this many handled events, or {@code null} for no limit
	 * @param output where to write each handled event ({@code -} for standard output), or {@code null}
	 */
	record ConsumeEvents(String topic, String groupId, List<String> eventTypes, Map<String, Object> extra,
			@Nullable Long maxEvents, @Nullable String output) implements CommandArguments {

		public ConsumeEvents {
			Objects.requireNonNull(topic, "topic must not be null");
			Objects.requireNonNull(groupId, "groupId must not be null");
			eventTypes = List.copyOf(eventTypes);
			extra = Map.copyOf(extra);
		}

		@Override
		public EventBusCommand command() {
			return EventBusCommand.CONSUME_EVENTS;
		}

	}

	/**
	 * Arguments of {@code produce-event}.
	 *
	 * @param eventType the event type string
	 * @param topic the topic or stream without prefix
	 * @param keyField the dotted key path, or {@code null}
	 * @param data the data JSON, or {@code @FILE}
	 * @param count how many times to send it
	 */
	record ProduceEvent(String eventType, String topic, @Nullable String keyField, String data,
			long count) implements CommandArguments {

		public ProduceEvent {
			Objects.requireNonNull(eventType, "eventType must not be null");
			Objects.requireNonNull(topic, "topic must not be null");
			Objects.requireNonNull(data, "data must not be null");
		}

		@Override
		public EventBusCommand command() {
			return EventBusCommand.PRODUCE_EVENT;
		}

	}

	/**
	 * Arguments of {@code replay-dead-letters}.
	 *
	 * @param topic the original topic or stream without prefix
	 * @param groupId only the dead letters of this group, or {@code null} for every group's
	 * @param ids only these dead letters (their ids or event ids); empty for all
	 * @param since only those whose original message was written at or after this time, or {@code null}
	 * @param until only those whose original message was written before this time, or {@code null}
	 * @param dryRun list what would be replayed, send nothing
	 * @param force replay dead letters that were replayed before too
	 * @since 0.2.0
	 */
	record ReplayDeadLetters(String topic, @Nullable String groupId, List<String> ids, @Nullable OffsetDateTime since,
			@Nullable OffsetDateTime until, boolean dryRun, boolean force) implements CommandArguments {

		public ReplayDeadLetters {
			Objects.requireNonNull(topic, "topic must not be null");
			ids = List.copyOf(ids);
		}

		@Override
		public EventBusCommand command() {
			return EventBusCommand.REPLAY_DEAD_LETTERS;
		}

	}

	/**
	 * Arguments of {@code generate-avro-schemas}: passed as they are to the Avro package's command, which reads
	 * {@code EVENT_TYPE... | --all [--output DIR] [--overwrite]}.
	 *
	 * @param args the command's own arguments, without Spring Boot's
	 */
	record GenerateAvroSchemas(List<String> args) implements CommandArguments {

		public GenerateAvroSchemas {
			args = List.copyOf(args);
		}

		@Override
		public EventBusCommand command() {
			return EventBusCommand.GENERATE_AVRO_SCHEMAS;
		}

	}

}
