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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.openedx.eventbus.consumer.DeadLetterReplayRequest;
import dev.openedx.eventbus.consumer.DeadLetterReplayResult;
import dev.openedx.eventbus.consumer.DeadLetterReplayer;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter;
import dev.openedx.eventbus.consumer.ReplayedDeadLetter.Outcome;
import dev.openedx.eventbus.event.LogText;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.stream.ByteRecord;

/**
 * Replays the dead letters of {@code <stream>-dlq} ({@link RedisDeadLetterRecoverer}) to {@code <stream>}: each
 * selected entry is added ({@code XADD}, trimmed as the producer trims) with its fields exactly as the dead letter
 * holds them, the original ones byte for byte and in order, without the {@code dlq_*} fields.
 * <p>
 * Each replay is recorded in the hash {@code <stream>-dlq-replayed}: the dead letter's entry id mapped to the id of
 * the entry it was replayed as. The {@code XADD} and the record are one Lua script, so they happen together or not at
 * all, and a dead letter already in the hash is skipped (unless forced) by the same script: running the same replay
 * twice, or two replays at once, replays each dead letter once. A dead letter that fails again after its replay is a
 * new dead letter (a new entry id) and can be replayed in turn. The hash keeps an id for each replay, also of dead
 * letters trimmed away since; delete it to forget them.
 * <p>
 * Dead letters are selected by id (the entry id in the dead-letter stream, or the event id of their {@code id}
 * field), by the time their original entry was written (the time part of {@code dlq_original_id}, else of the dead
 * letter's own id) and by the group that dead-lettered them ({@code dlq_group}).
 *
 * @since 0.2.0
 */
public final class RedisDeadLetterReplayer implements DeadLetterReplayer {

	/** Suffix of the replay-record hash after the dead-letter stream: {@code <stream>-dlq-replayed}. */
	public static final String REPLAYED_SUFFIX = "-replayed";

	/** Prefix of the fields a dead letter adds to the original ones. */
	public static final String DEAD_LETTER_FIELD_PREFIX = "dlq_";

	private static final int PAGE = 200;

	// KEYS: stream, record hash. ARGV: force, dead-letter id, max length (0: no trimming), then the fields.
	private static final byte[] REPLAY_SCRIPT = """
			if ARGV[1] == '0' and redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then
				return false
			end
			local id
			if ARGV[3] == '0' then
				id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 4))
			else
				id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
			end
			redis.call('HSET', KEYS[2], ARGV[2], id)
			return id
			""".getBytes(StandardCharsets.UTF_8);

	private static final byte[] PREFIX = StreamFields.utf8(DEAD_LETTER_FIELD_PREFIX);

	private static final LogAccessor logger = new LogAccessor(RedisDeadLetterReplayer.class);

	private final RedisConnectionFactory connectionFactory;

	private final long streamMaxLength;

	/**
	 * Create a replayer.
	 * @param connectionFactory the connection factory, must not be {@code null}
	 * @param streamMaxLength the approximate length the replays trim the stream to, as the producer does
	 * ({@code eventbus.redis.stream-max-len}); 0 for no trimming
	 */
	public RedisDeadLetterReplayer(RedisConnectionFactory connectionFactory, long streamMaxLength) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		if (streamMaxLength < 0) {
			throw new IllegalArgumentException("streamMaxLength must not be negative, was " + streamMaxLength);
		}
		this.streamMaxLength = streamMaxLength;
	}

	@Override
	public String transport() {
		return RedisConsumerSettings.TRANSPORT;
	}

	@Override
	public String deadLetterDestination(String destination) {
		return RedisDeadLetterRecoverer.deadLetterStream(destination);
	}

	/**
	 * The hash the replays of a stream's dead letters are recorded in.
	 * @param destination the full stream name
	 * @return {@code <stream>-dlq-replayed}
	 */
	public String replayRecordKey(String destination) {
		return deadLetterDestination(destination) + REPLAYED_SUFFIX;
	}

	@Override
	public DeadLetterReplayResult replay(DeadLetterReplayRequest request) {
		String stream = request.destination();
		String deadLetters = deadLetterDestination(stream);
		byte[] deadLetterKey = StreamFields.utf8(deadLetters);
		byte[] recordKey = StreamFields.utf8(replayRecordKey(stream));
		List<ReplayedDeadLetter> letters = new ArrayList<>();
		long scanned = 0;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			String after = null;
			while (true) {
				Range<String> range = (after != null) ? Range.rightUnbounded(Range.Bound.inclusive(after))
						: Range.unbounded();
				List<ByteRecord> page = connection.streamCommands()
					.xRange(deadLetterKey, range, Limit.limit().count(PAGE + 1));
				if (page == null) {
					break;
				}
				List<ByteRecord> fresh = new ArrayList<>(page.size());
				for (ByteRecord record : page) {
					if (!record.getId().getValue().equals(after)) {
						fresh.add(record);
					}
				}
				if (fresh.isEmpty()) {
					break;
				}
				List<byte[]> replayed = connection.hashCommands().hMGet(recordKey, ids(fresh));
				for (int i = 0; i < fresh.size(); i++) {
					ByteRecord record = fresh.get(i);
					scanned++;
					ReplayedDeadLetter selected = select(request, record,
							replayed != null && replayed.get(i) != null);
					if (selected != null) {
						letters.add((!request.dryRun() && selected.outcome() == Outcome.WOULD_REPLAY)
								? replay(connection, request, stream, recordKey, record, selected) : selected);
					}
				}
				after = fresh.get(fresh.size() - 1).getId().getValue();
			}
		}
		catch (RuntimeException ex) {
			if (ex instanceof IllegalStateException) {
				throw ex;
			}
			throw new IllegalStateException("Could not replay the dead letters of " + deadLetters + " to " + stream
					+ " (" + letters.stream().filter((letter) -> letter.outcome() == Outcome.REPLAYED).count()
					+ " replayed and recorded before): " + ex, ex);
		}
		DeadLetterReplayResult result = new DeadLetterReplayResult(deadLetters, stream, request.dryRun(), scanned,
				letters);
		logger.info(() -> "Replay of dead letters: " + result.summary());
		return result;
	}

	private @Nullable ReplayedDeadLetter select(DeadLetterReplayRequest request, ByteRecord record,
			boolean replayedBefore) {
		String id = record.getId().getValue();
		Map<byte[], byte[]> fields = record.getValue();
		String eventId = text(fields, StreamFields.ID);
		String group = text(fields, RedisDeadLetterRecoverer.GROUP);
		String originalId = text(fields, RedisDeadLetterRecoverer.ORIGINAL_ID);
		Instant time = entryTime((originalId != null) ? originalId : id, id);
		if (!request.selects(id, eventId, time, group)) {
			return null;
		}
		Outcome outcome;
		if (original(fields).isEmpty()) {
			outcome = Outcome.NOT_REPLAYABLE;
		}
		else if (!request.force() && replayedBefore) {
			outcome = Outcome.ALREADY_REPLAYED;
		}
		else {
			outcome = Outcome.WOULD_REPLAY;
		}
		return new ReplayedDeadLetter(id, eventId, text(fields, StreamFields.TYPE), group,
				text(fields, RedisDeadLetterRecoverer.FAILURE_KIND), time, outcome, null);
	}

	private ReplayedDeadLetter replay(RedisConnection connection, DeadLetterReplayRequest request, String stream,
			byte[] recordKey, ByteRecord record, ReplayedDeadLetter selected) {
		List<Map.Entry<byte[], byte[]>> fields = original(record.getValue());
		byte[][] keysAndArgs = new byte[5 + fields.size() * 2][];
		keysAndArgs[0] = StreamFields.utf8(stream);
		keysAndArgs[1] = recordKey;
		keysAndArgs[2] = StreamFields.ascii(request.force() ? "1" : "0");
		keysAndArgs[3] = StreamFields.ascii(selected.id());
		keysAndArgs[4] = StreamFields.ascii(Long.toString(this.streamMaxLength));
		int index = 5;
		for (Map.Entry<byte[], byte[]> field : fields) {
			keysAndArgs[index++] = field.getKey();
			keysAndArgs[index++] = field.getValue();
		}
		byte[] entryId = connection.scriptingCommands().eval(REPLAY_SCRIPT, ReturnType.VALUE, 2, keysAndArgs);
		String from = deadLetterDestination(stream) + "@" + selected.id();
		if (entryId == null) {
			logger.info(() -> "Dead letter " + from + " was replayed meanwhile by another run, skipped");
			return withOutcome(selected, Outcome.ALREADY_REPLAYED, null);
		}
		String to = stream + "@" + new String(entryId, StandardCharsets.US_ASCII);
		logger.info(() -> "Replayed dead letter " + from + " (" + LogText.escape(selected.eventType()) + " id="
				+ LogText.escape(selected.eventId()) + ", " + LogText.escape(selected.failureKind()) + ") to " + to);
		return withOutcome(selected, Outcome.REPLAYED, to);
	}

	private static ReplayedDeadLetter withOutcome(ReplayedDeadLetter letter, Outcome outcome,
			@Nullable String replayedTo) {
		return new ReplayedDeadLetter(letter.id(), letter.eventId(), letter.eventType(), letter.group(),
				letter.failureKind(), letter.time(), outcome, replayedTo);
	}

	/** The fields of the original entry: every field but the dead letter's own, in order. */
	private static List<Map.Entry<byte[], byte[]>> original(Map<byte[], byte[]> fields) {
		List<Map.Entry<byte[], byte[]>> original = new ArrayList<>(fields.size());
		fields.forEach((name, value) -> {
			if (name != null && !startsWithPrefix(name)) {
				original.add(Map.entry(name, (value != null) ? value : new byte[0]));
			}
		});
		return original;
	}

	private static boolean startsWithPrefix(byte[] name) {
		if (name.length < PREFIX.length) {
			return false;
		}
		for (int i = 0; i < PREFIX.length; i++) {
			if (name[i] != PREFIX[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[][] ids(List<ByteRecord> records) {
		byte[][] ids = new byte[records.size()][];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = StreamFields.ascii(records.get(i).getId().getValue());
		}
		return ids;
	}

	private static Instant entryTime(String id, String fallback) {
		for (String candidate : List.of(id, fallback)) {
			int dash = candidate.indexOf('-');
			try {
				return Instant.ofEpochMilli(Long.parseLong((dash >= 0) ? candidate.substring(0, dash) : candidate));
			}
			catch (NumberFormatException ex) {
				// not an entry id: try the next one
			}
		}
		return Instant.EPOCH;
	}

	private static @Nullable String text(Map<byte[], byte[]> fields, String name) {
		byte[] wanted = StreamFields.utf8(name);
		byte[] found = null;
		for (Map.Entry<byte[], byte[]> field : fields.entrySet()) {
			if (Arrays.equals(field.getKey(), wanted)) {
				found = field.getValue();
			}
		}
		return (found != null) ? new String(found, StandardCharsets.UTF_8) : null;
	}

}
