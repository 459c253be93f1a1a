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

package dev.openedx.eventbus.redis;

import org.jspecify.annotations.Nullable;

/**
 * Counts the entries a group lost because {@code MAXLEN ~} trimmed them before the group read them, from the
 * counters Redis 7 keeps: the stream's {@code entries-added} and the group's {@code entries-read}. A group's
 * {@code entries-read} grows by one per entry it reads, so it falls behind {@code entries-added} by exactly the
 * entries it will never read: {@code lost = entries-added - entries-read - (retained entries after the group's
 * last-delivered id)}. The last term is known in two cases: the group is behind the trim point (its last-delivered id
 * is before the stream's first entry: every retained entry is after it, and the gap between them is the loss), or
 * it has read everything (none). Other readings wait for the next one. Streams whose retained entries were deleted
 * with {@code XDEL} are not counted: Redis re-estimates the counters over deletions.
 */
final class StreamLossDetector {

	private @Nullable Long accounted;

	private @Nullable String lastDelivered;

	/**
	 * Take a reading of the stream and the group.
	 * @param position the reading
	 * @return the entries lost since the previous reading (on the first one, only when the group is behind the trim
	 * point: older losses were another process's to report), or {@code null} for none
	 */
	@Nullable Loss check(Position position) {
		Long total = lostTotal(position);
		if (total == null) {
			return null;
		}
		// The position of the last reading that told the loss: what was lost since is after it.
		String previous = this.lastDelivered;
		this.lastDelivered = position.lastDelivered();
		Long before = this.accounted;
		this.accounted = total;
		boolean behind = isBehindTrimPoint(position);
		long lost = (before != null) ? total - before : (behind ? total : 0);
		if (lost <= 0) {
			return null;
		}
		if (behind) {
			return new Loss(lost, position.lastDelivered(), position.firstEntry(), true);
		}
		return new Loss(lost, (previous != null) ? previous : position.lastDelivered(), position.lastDelivered(),
				false);
	}

	private static @Nullable Long lostTotal(Position position) {
		Long added = position.entriesAdded();
		Long read = position.entriesRead();
		if (added == null || read == null) {
			return null;
		}
		String firstEntry = position.firstEntry();
		if (firstEntry == null) {
			// An empty stream: everything the group did not read was trimmed.
			return added - read;
		}
		if (compare(position.maxDeletedEntry(), firstEntry) >= 0) {
			return null;
		}
		if (isBehindTrimPoint(position)) {
			return added - read - position.length();
		}
		if (position.lastDelivered().equals(position.lastGenerated())) {
			return added - read;
		}
		return null;
	}

	private static boolean isBehindTrimPoint(Position position) {
		String firstEntry = position.firstEntry();
		return firstEntry != null && compare(position.lastDelivered(), firstEntry) < 0;
	}

	/** Compares two entry ids ({@code <ms>-<seq>}) as Redis orders them. */
	static int compare(String left, String right) {
		long[] a = parse(left);
		long[] b = parse(right);
		int first = Long.compareUnsigned(a[0], b[0]);
		return (first != 0) ? first : Long.compareUnsigned(a[1], b[1]);
	}

	private static long[] parse(String id) {
		int dash = id.indexOf('-');
		if (dash < 0) {
			return new long[] { Long.parseUnsignedLong(id), 0 };
		}
		return new long[] { Long.parseUnsignedLong(id.substring(0, dash)),
				Long.parseUnsignedLong(id.substring(dash + 1)) };
	}

	/**
	 * One reading of {@code XINFO STREAM} and the group's line of {@code XINFO GROUPS}.
	 * @param length the stream's length
	 * @param firstEntry the id of its first entry, {@code null} when it is empty
	 * @param lastGenerated its {@code last-generated-id}
	 * @param maxDeletedEntry its {@code max-deleted-entry-id} ({@code 0-0} without deletions)
	 * @param entriesAdded its {@code entries-added}, {@code null} before Redis 7
	 * @param lastDelivered the group's {@code last-delivered-id}
	 * @param entriesRead the group's {@code entries-read}, {@code null} before Redis 7 or when Redis cannot tell
	 */
	record Position(long length, @Nullable String firstEntry, String lastGenerated, String maxDeletedEntry,
			@Nullable Long entriesAdded, String lastDelivered, @Nullable Long entriesRead) {
	}

	/**
	 * Entries lost.
	 * @param count how many
	 * @param after the last id the group had read before them
	 * @param before the first id after them: the stream's first entry when {@code behindTrimPoint}, else the group's
	 * last-delivered id when the loss was found (the entries are somewhere between)
	 * @param behindTrimPoint whether the group was still behind the trim point when they were found
	 */
	record Loss(long count, String after, @Nullable String before, boolean behindTrimPoint) {
	}

}
