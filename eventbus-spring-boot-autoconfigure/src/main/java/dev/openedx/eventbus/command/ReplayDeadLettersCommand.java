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

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openedx.eventbus.consumer.DeadLetterReplayRequest;
import dev.openedx.eventbus.consumer.DeadLetterReplayResult;
import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter;
import dev.openedx.eventbus.event.TopicNames;
import dev.openedx.eventbus.worker.EventBusExitCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

/**
 * {@code replay-dead-letters}: publishes the dead letters of a topic or stream back to it, with their original key,
 * value and headers or fields, through the transport's {@link DeadLetterReplayer}, which records each replay so that
 * running the command again replays nothing more (unless {@code --force}). Each selected dead letter is printed as
 * one JSON line ({@code id}, {@code eventId}, {@code eventType}, {@code group}, {@code failureKind}, {@code time},
 * {@code outcome}: {@code replayed}, {@code would_replay}, {@code already_replayed} or {@code not_replayable}, and
 * {@code replayedTo}); each replayed one is logged at INFO with its coordinates, and the run with a summary. The exit
 * status is 0 when every selected dead letter was replayed or skipped, and 1 when the broker or Redis failed (those
 * replayed before are recorded) or no transport is configured.
 *
 * @since 0.2.0
 */
public final class ReplayDeadLettersCommand {

	private static final LogAccessor logger = new LogAccessor(ReplayDeadLettersCommand.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final @Nullable DeadLetterReplayer replayer;

	private final @Nullable String topicPrefix;

	/**
	 * Create the command.
	 * @param replayer the transport's replayer, or {@code null} when the bus is disabled
	 * @param topicPrefix the topic prefix applied to {@code --topic} ({@code eventbus.topic-prefix}), or {@code null}
	 */
	public ReplayDeadLettersCommand(@Nullable DeadLetterReplayer replayer, @Nullable String topicPrefix) {
		this.replayer = replayer;
		this.topicPrefix = topicPrefix;
	}

	/**
	 * Replay, or list with {@code --dry-run}.
	 * @param arguments the command's arguments
	 * @param stdout where each selected dead letter is printed
	 * @return the exit status
	 */
	public int run(CommandArguments.ReplayDeadLetters arguments, PrintStream stdout) {
		Objects.requireNonNull(arguments, "arguments must not be null");
		if (this.replayer == null) {
			logger.error("No event bus transport is configured (eventbus.enabled=false, or the transport's "
					+ "auto-configuration backed off), so no dead letter can be replayed.");
			return EventBusExitCodes.FAILURE;
		}
		DeadLetterReplayRequest request = new DeadLetterReplayRequest(
				TopicNames.fullName(this.topicPrefix, arguments.topic()), new LinkedHashSet<>(arguments.ids()),
				(arguments.since() != null) ? arguments.since().toInstant() : null,
				(arguments.until() != null) ? arguments.until().toInstant() : null, arguments.groupId(),
				arguments.dryRun(), arguments.force());
		DeadLetterReplayResult result = this.replayer.replay(request);
		for (ReplayedDeadLetter letter : result.letters()) {
			stdout.println(json(letter));
		}
		stdout.flush();
		if (result.letters().isEmpty()) {
			logger.info(() -> "No dead letter of " + result.deadLetters() + " is selected (" + result.scanned()
					+ " read)");
		}
		return EventBusExitCodes.SUCCESS;
	}

	static String json(ReplayedDeadLetter letter) {
		Map<String, @Nullable Object> line = new LinkedHashMap<>();
		line.put("id", letter.id());
		line.put("eventId", letter.eventId());
		line.put("eventType", letter.eventType());
		line.put("group", letter.group());
		line.put("failureKind", letter.failureKind());
		line.put("time", letter.time().toString());
		line.put("outcome", letter.outcome().tag());
		line.put("replayedTo", letter.replayedTo());
		try {
			return JSON.writeValueAsString(line);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write dead letter " + letter.id() + " as JSON", ex);
		}
	}

}
