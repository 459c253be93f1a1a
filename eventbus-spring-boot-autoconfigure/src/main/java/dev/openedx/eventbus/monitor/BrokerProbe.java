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

import java.time.Duration;
import java.util.Map;

/**
 * Transport SPI for monitoring: whether the broker answers, and how far behind a consumer group is. The Kafka
 * transport reads offsets with an admin client, the Redis transport reads {@code XINFO}; both bound every call by the
 * given timeout, so a dead broker makes a check fail quickly instead of hanging a health request.
 *
 * @since 0.1.0
 */
public interface BrokerProbe {

	/**
	 * The transport probed.
	 * @return {@code kafka} or {@code redis}
	 */
	String transport();

	/**
	 * What health shows about the broker probed besides its answer: for example its address and where that address
	 * came from. Never secrets.
	 * @return fixed details, empty by default
	 */
	default Map<String, Object> details() {
		return Map.of();
	}

	/**
	 * Check that the broker answers.
	 * @param timeout how long to wait
	 * @return a short description of what answered, for health details (for example the Kafka cluster id)
	 * @throws Exception when it does not answer in time, with the reason; a {@link BrokerUnreachableException} when
	 * it does not answer at all
	 */
	String ping(Duration timeout) throws Exception;

	/**
	 * Read how far behind a consumer group is on one topic or stream; works whether or not a worker of the group is
	 * running, so the lag of a stopped worker keeps growing.
	 * @param destination the full topic or stream name
	 * @param group the consumer group
	 * @param timeout how long to wait
	 * @return the backlog, never {@code null}
	 * @throws Exception when the broker cannot tell in time; a {@link BrokerUnreachableException} when it does not
	 * answer at all
	 */
	GroupBacklog backlog(String destination, String group, Duration timeout) throws Exception;

}
