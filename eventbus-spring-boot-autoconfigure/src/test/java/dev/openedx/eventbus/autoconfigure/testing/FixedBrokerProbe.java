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

package dev.openedx.eventbus.autoconfigure.testing;

import java.time.Duration;
import java.time.Instant;

import dev.openedx.eventbus.monitor.BrokerProbe;
import dev.openedx.eventbus.monitor.GroupBacklog;

/**
 * A broker probe for wiring tests (a unit seam): the broker always answers and no group has a backlog.
 */
public final class FixedBrokerProbe implements BrokerProbe {

	@Override
	public String transport() {
		return "memory";
	}

	@Override
	public String ping(Duration timeout) {
		return "pong";
	}

	@Override
	public GroupBacklog backlog(String destination, String group, Duration timeout) {
		return new GroupBacklog(Instant.now(), 0L, null, null);
	}

}
