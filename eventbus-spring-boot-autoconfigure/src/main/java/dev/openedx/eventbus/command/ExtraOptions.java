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

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.openedx.eventbus.worker.ReplayTimes;
import dev.openedx.eventbus.consumer.ConsumerSettings;
import org.jspecify.annotations.Nullable;

/**
 * Applies the {@code --extra} keys of {@code consume_events} with the meaning they have in the Python plugins. Unlike
 * Python, where a key the plugin does not take silently disables the consumer, an unknown key is a usage error.
 */
final class ExtraOptions {

	private static final List<String> KAFKA_KEYS = List.of("offset_time");

	private static final List<String> REDIS_KEYS = List.of("consumer_name", "check_backlog", "last_read_msg_id",
			"claim_msgs_older_than");

	private ExtraOptions() {
	}

	/**
	 * Refuse what is wrong whatever the transport: a key no plugin takes, or a value of the wrong form. Done while
	 * the command line is read, before Spring starts; {@link #apply} checks the rest once the transport is known.
	 * @param extra the {@code --extra} keys
	 * @throws CommandUsageException naming the key
	 */
	static void check(Map<String, Object> extra) {
		for (String key : extra.keySet()) {
			if (!KAFKA_KEYS.contains(key) && !REDIS_KEYS.contains(key)) {
				throw new CommandUsageException("--extra key '" + key + "' is unknown; the accepted keys are "
						+ String.join(", ", KAFKA_KEYS) + " (kafka) and " + String.join(", ", REDIS_KEYS) + " (redis)");
			}
		}
		replayFrom(extra.get("offset_time"));
		consumerName(extra.get("consumer_name"));
		bool(extra.get("check_backlog"), "check_backlog");
		messageId(extra.get("last_read_msg_id"));
		millis(extra.get("claim_msgs_older_than"));
	}

	static ConsumerSettings apply(ConsumerSettings settings, Map<String, Object> extra, String transport) {
		List<String> accepted = "redis".equals(transport) ? REDIS_KEYS : KAFKA_KEYS;
		for (String key : extra.keySet()) {
			if (!accepted.contains(key)) {
				String owner = KAFKA_KEYS.contains(key) ? " is for the kafka transport"
						: REDIS_KEYS.contains(key) ? " is for the redis transport" : " is unknown";
				throw new CommandUsageException("--extra key '" + key + "'" + owner + "; with " + transport
						+ " the accepted keys are " + String.join(", ", accepted));
			}
		}
		ConsumerSettings result = settings;
		OffsetDateTime offsetTime = replayFrom(extra.get("offset_time"));
		if (offsetTime != null) {
			result = result.withReplayFrom(offsetTime.toInstant());
		}
		if ("redis".equals(transport)) {
			ConsumerSettings.Redis redis = result.redis();
			String consumerName = consumerName(extra.get("consumer_name"));
			if (consumerName != null) {
				redis = redis.withConsumerName(consumerName);
			}
			Boolean checkBacklog = bool(extra.get("check_backlog"), "check_backlog");
			if (checkBacklog != null) {
				redis = redis.withCheckBacklog(checkBacklog);
			}
			String lastRead = messageId(extra.get("last_read_msg_id"));
			if (lastRead != null) {
				redis = redis.withLastReadMessageId(lastRead);
			}
			Duration claimMinIdle = millis(extra.get("claim_msgs_older_than"));
			if (claimMinIdle != null) {
				redis = redis.withClaimMinIdle(claimMinIdle);
			}
			result = result.withRedis(redis);
			Duration batchTime = result.redisBatchHandlingTime();
			if (claimMinIdle != null && claimMinIdle.compareTo(batchTime) <= 0) {
				throw new CommandUsageException("--extra claim_msgs_older_than " + claimMinIdle.toMillis()
						+ " is not longer than the worst-case handling time of a batch (" + batchTime.toMillis()
						+ " ms: " + ConsumerSettings.REDIS_BATCH_RULE + "), so entries still being handled would be "
						+ "claimed by another consumer and handled twice");
			}
		}
		return result;
	}

	private static @Nullable OffsetDateTime replayFrom(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		try {
			return ReplayTimes.parse(text(value, "offset_time"));
		}
		catch (IllegalArgumentException ex) {
			throw new CommandUsageException("--extra offset_time " + ex.getMessage());
		}
	}

	private static @Nullable String consumerName(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String name = text(value, "consumer_name");
		if (name.isBlank()) {
			throw new CommandUsageException("--extra consumer_name must not be blank");
		}
		return name;
	}

	private static @Nullable String messageId(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String id = text(value, "last_read_msg_id");
		if (!id.matches("\\d+(-\\d+)?")) {
			throw new CommandUsageException(
					"--extra last_read_msg_id must be a stream entry id such as 1679676448892-0, not '" + id + "'");
		}
		return id;
	}

	private static @Nullable Boolean bool(@Nullable Object value, String key) {
		if (value == null) {
			return null;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		throw new CommandUsageException("--extra " + key + " must be true or false, not " + value);
	}

	private static @Nullable Duration millis(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 1) {
			return Duration.ofMillis(((Number) value).longValue());
		}
		throw new CommandUsageException(
				"--extra claim_msgs_older_than must be a positive whole number of milliseconds, not " + value);
	}

	private static String text(Object value, String key) {
		if (value instanceof String text) {
			return text;
		}
		throw new CommandUsageException("--extra " + key + " must be a string, not " + value);
	}

}
