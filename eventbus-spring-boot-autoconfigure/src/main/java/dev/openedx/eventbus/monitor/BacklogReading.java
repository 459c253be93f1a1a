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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The last attempt to read one worker's backlog.
 *
 * @param worker the worker name
 * @param backlog what was read, or {@code null} when the read failed
 * @param error why the read failed, or {@code null}
 * @param readAt when it was attempted
 * @param processed messages the worker had handled or failed by then
 * @param lastProgressAt when the monitor first saw that count, so the last time the worker was seen making progress
 * (at the monitor's interval)
 * @param brokerUnreachable whether the read failed because the broker did not answer at all
 * ({@link BrokerUnreachableException})
 * @since 0.1.0
 */
public record BacklogReading(String worker, @Nullable GroupBacklog backlog, @Nullable String error,
		Instant readAt, long processed, Instant lastProgressAt, boolean brokerUnreachable) {

}
