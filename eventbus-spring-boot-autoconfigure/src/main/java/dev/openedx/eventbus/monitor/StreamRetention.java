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

package dev.openedx.eventbus.monitor;

import org.jspecify.annotations.Nullable;

/**
 * Where a Redis consumer group stands relative to the trim point of its stream ({@code XADD ... MAXLEN ~}): trimming
 * ignores consumer groups, so entries a group has not handled yet are removed once producers have written about
 * {@code maxLength} newer ones.
 *
 * @param length the stream's length now ({@code XLEN})
 * @param maxLength the configured approximate maximum length ({@code eventbus.redis.stream-max-len})
 * @param firstEntryId the oldest entry still in the stream, or {@code null} when it is empty
 * @param oldestUnhandledId the group's oldest entry not yet handled: its oldest pending entry, else the first entry
 * not yet delivered; {@code null} when the group has handled everything
 * @param headroom the share of {@code maxLength} that producers can still add before {@code oldestUnhandledId} is
 * trimmed: 1 &minus; (entries from the oldest unhandled one to the newest) / {@code maxLength}, from 1 (nothing
 * unhandled, or no {@code maxLength}) to 0 (the next entry added trims it, or one was trimmed); exact from the
 * group's lag when nothing is pending, else the span is estimated from the entry ids' timestamps. A stream holding 2
 * unhandled entries of a {@code MAXLEN} of 10,000 has a headroom of 0.9998
 * @param trimmed whether entries were trimmed away before the group handled them: its oldest pending entry is older
 * than the stream's first entry, or more entries await delivery than the stream still holds
 * @since 0.1.0
 */
public record StreamRetention(long length, long maxLength, @Nullable String firstEntryId,
		@Nullable String oldestUnhandledId, double headroom, boolean trimmed) {

	/**
	 * Whether unhandled entries are about to be trimmed: the stream is near its maximum length, so trimming is under
	 * way, and the headroom is below {@code margin} (fewer than {@code margin} &times; {@code maxLength} entries can be
	 * added before the oldest unhandled one goes); or one was trimmed already.
	 * @param margin the share of the stream counted as near the trim point, for example {@code 0.1}
	 * @return {@code true} when at risk
	 */
	public boolean atRisk(double margin) {
		if (this.trimmed) {
			return true;
		}
		boolean trimming = this.maxLength > 0 && this.length >= this.maxLength * (1 - margin);
		return trimming && this.oldestUnhandledId != null && this.headroom < margin;
	}

}
