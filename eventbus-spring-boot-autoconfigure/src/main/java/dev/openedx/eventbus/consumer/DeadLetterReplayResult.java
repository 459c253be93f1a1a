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

import java.util.List;
import java.util.Objects;

/**
 * What a replay of dead letters did.
 *
 * @param deadLetters the dead-letter topic or stream read
 * @param destination the topic or stream written to
 * @param dryRun whether nothing was sent
 * @param scanned how many dead letters were read
 * @param letters the selected dead letters, oldest first per partition, with what became of each
 * @since 0.2.0
 */
public record DeadLetterReplayResult(String deadLetters, String destination, boolean dryRun, long scanned,
		List<ReplayedDeadLetter> letters) {

	public DeadLetterReplayResult {
		Objects.requireNonNull(deadLetters, "deadLetters must not be null");
		Objects.requireNonNull(destination, "destination must not be null");
		letters = List.copyOf(letters);
	}

	/**
	 * How many selected dead letters had an outcome.
	 * @param outcome the outcome
	 * @return the count
	 */
	public long count(ReplayedDeadLetter.Outcome outcome) {
		return this.letters.stream().filter((letter) -> letter.outcome() == outcome).count();
	}

	/**
	 * One line for logs and audits.
	 * @return for example {@code replayed 3 of 5 selected dead letter(s) of t-dlt (10 read) to t; 2 already replayed}
	 */
	public String summary() {
		long replayed = count(this.dryRun ? ReplayedDeadLetter.Outcome.WOULD_REPLAY : ReplayedDeadLetter.Outcome.REPLAYED);
		return (this.dryRun ? "dry run: would replay " : "replayed ") + replayed + " of " + this.letters.size()
				+ " selected dead letter(s) of " + this.deadLetters + " (" + this.scanned + " read) to "
				+ this.destination + "; " + count(ReplayedDeadLetter.Outcome.ALREADY_REPLAYED) + " already replayed, "
				+ count(ReplayedDeadLetter.Outcome.NOT_REPLAYABLE) + " not replayable";
	}

}
