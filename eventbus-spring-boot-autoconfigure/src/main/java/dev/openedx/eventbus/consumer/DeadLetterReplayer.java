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

/**
 * Publishes dead letters back to the topic or stream they came from, each with its original key, value and headers
 * (Kafka) or fields (Redis) byte for byte, the dead-letter ones removed, and records each replay so that a second run
 * over the same dead letters replays nothing (unless {@link DeadLetterReplayRequest#force() forced}). What the
 * {@code replay-dead-letters} command and the {@code eventbus} endpoint run; each transport has one.
 * <pre class="code">
 * DeadLetterReplayResult result = replayer.replay(DeadLetterReplayRequest.all("stage-enrollments"));
 * </pre>
 *
 * @since 0.2.0
 */
public interface DeadLetterReplayer {

	/**
	 * The transport.
	 * @return {@code kafka} or {@code redis}
	 */
	String transport();

	/**
	 * The dead-letter topic or stream of a topic or stream.
	 * @param destination the full topic or stream name (prefix applied)
	 * @return for example {@code <topic>-dlt} or {@code <stream>-dlq}
	 */
	String deadLetterDestination(String destination);

	/**
	 * Replay the dead letters the request selects, oldest first, or with {@link DeadLetterReplayRequest#dryRun()}
	 * only list them. Each replayed one is logged at INFO with its coordinates, the run with a summary.
	 * @param request what to replay, must not be {@code null}
	 * @return every selected dead letter and what became of it, never {@code null}
	 * @throws IllegalStateException when the broker or Redis cannot be read or written; the dead letters replayed
	 * before are recorded as replayed
	 */
	DeadLetterReplayResult replay(DeadLetterReplayRequest request);

}
