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

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The Redis consumer settings that apply to every worker unless its definition overrides them
 * ({@code eventbus.redis.consumer.*}, Python's {@code --extra} keys of {@code consume_events}).
 * <pre class="code">
 * RedisConsumerDefaults defaults = RedisConsumerDefaults.defaults().withBatchSize(100);
 * </pre>
 *
 * @param consumerName the consumer name within the group, or {@code null} for the host name
 * @param block how long one read waits for new entries
 * @param batchSize the most entries one read returns
 * @param claimMinIdle how long another consumer's pending entry must be idle before it is claimed
 * @param claimInterval how often pending entries of other consumers are claimed
 * @param checkBacklog whether a consumer resumes where its group stopped instead of jumping to the stream's end
 * @param lastReadMessageId replay the entries after this stream id, or {@code null}
 * @param deadLetterMaxLength the approximate length the dead-letter stream is trimmed to; 0 for no trimming
 * @param maxDeliveries how many deliveries an entry gets before it goes to the failure policy
 * @since 0.1.0
 */
public record RedisConsumerDefaults(@Nullable String consumerName, Duration block, int batchSize,
		Duration claimMinIdle, Duration claimInterval, boolean checkBacklog, @Nullable String lastReadMessageId,
		long deadLetterMaxLength, int maxDeliveries) {

	/**
	 * Check the settings; the numbers are checked when a worker's {@link RedisConsumerSettings} are built.
	 * @throws NullPointerException when a duration is missing
	 */
	public RedisConsumerDefaults {
		Objects.requireNonNull(block, "block must not be null");
		Objects.requireNonNull(claimMinIdle, "claimMinIdle must not be null");
		Objects.requireNonNull(claimInterval, "claimInterval must not be null");
	}

	/**
	 * The defaults of {@code eventbus.redis.consumer.*}.
	 * @return the defaults, never {@code null}
	 */
	public static RedisConsumerDefaults defaults() {
		return new RedisConsumerDefaults(null, Duration.ofSeconds(1), RedisConsumerSettings.DEFAULT_BATCH_SIZE,
				Duration.ofMinutes(5), Duration.ofSeconds(30), true, null, 0,
				RedisConsumerSettings.DEFAULT_MAX_DELIVERIES);
	}

	/**
	 * A copy with another batch size.
	 * @param batchSize the most entries one read returns
	 * @return the copy
	 */
	public RedisConsumerDefaults withBatchSize(int batchSize) {
		return new RedisConsumerDefaults(this.consumerName, this.block, batchSize, this.claimMinIdle,
				this.claimInterval, this.checkBacklog, this.lastReadMessageId, this.deadLetterMaxLength,
				this.maxDeliveries);
	}

}
